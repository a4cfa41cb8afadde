package org.pramaan.intake;

import org.pramaan.decision.Decision;

/** Where a stored media item stands on the platform. */
public enum MediaStatus {
    ACTIVE,
    LABELLED,
    PENDING_REVIEW,
    BLOCKED,
    REMOVED,
    /** Unavailable in some territories only (a case's {@code territories}); available elsewhere. */
    GEO_RESTRICTED,
    /** Still available but ranked down (DSA art.17(1)(a) "demotion"). */
    DEMOTED;

    static MediaStatus after(Decision d) {
        return switch (d) {
            case ALLOW -> ACTIVE;
            case LABEL -> LABELLED;
            case REVIEW -> PENDING_REVIEW;
            case BLOCK -> BLOCKED;
        };
    }
}
