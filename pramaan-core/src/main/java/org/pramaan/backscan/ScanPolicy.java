package org.pramaan.backscan;

import java.util.Objects;
import java.util.Optional;

/**
 * What a match becomes. Never a removal: a back-scan finds content a person then judges (the seeds'
 * "thoroughly cleanse" is done through the review queue or a case, each audited), because a bank
 * match on old content may be a false positive or already lawful (IT Rules r.3(1)(d) removal is
 * an act on a case, not a side effect of a scan).
 *
 * @param action     {@link Action#REVIEW}: stored media goes to the screening review queue; others are listed as
 *                   review results. {@link Action#CASE}: a case of {@code noticeType} is opened for matched stored
 *                   media (items Pramaan does not store cannot be a case's media and are listed for review)
 * @param noticeType the rule-pack notice type of the cases opened; required for {@link Action#CASE}
 */
public record ScanPolicy(Action action, Optional<String> noticeType) {
    public enum Action {
        REVIEW,
        CASE
    }

    public static final ScanPolicy REVIEW = new ScanPolicy(Action.REVIEW, Optional.empty());

    public ScanPolicy {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(noticeType, "noticeType");
        if (action == Action.CASE && noticeType.isEmpty())
            throw new org.pramaan.errors.Invalid("policy.noticeType", "policy CASE needs a noticeType");
    }
}
