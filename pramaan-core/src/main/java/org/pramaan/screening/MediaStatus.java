package org.pramaan.screening;

import org.pramaan.policy.Decision;

/** Where a stored media item stands on the platform. */
public enum MediaStatus {
    ACTIVE, LABELLED, PENDING_REVIEW, BLOCKED, REMOVED;

    static MediaStatus after(Decision d) {
        return switch (d) {
            case ALLOW -> ACTIVE;
            case LABEL -> LABELLED;
            case REVIEW -> PENDING_REVIEW;
            case BLOCK -> BLOCKED;
        };
    }
}
