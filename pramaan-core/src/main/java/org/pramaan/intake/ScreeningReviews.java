package org.pramaan.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.decision.Decision;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;

/**
 * The screening review queue: uploads whose policy decision was {@link Decision#REVIEW} (stored with
 * status {@link MediaStatus#PENDING_REVIEW}) that no one has resolved, and a person's resolution to
 * allow, label or block with a reason. The resolution changes the media's status and is audited with
 * who decided and why in the same unit of work; the screening's own decision stays as recorded.
 */
public final class ScreeningReviews {
    public static final int MAX_REASON = 4000;

    private final MediaRepository media;
    private final AuditLog audit;

    public ScreeningReviews(MediaRepository media, AuditLog audit) {
        this.media = Objects.requireNonNull(media, "media");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Unresolved REVIEW uploads, at most {@code limit}: those showing a protected person first (the
     * likeness registry raises their priority, issue 16), then newest screening first.
     */
    public List<MediaRecord> pending(int limit) {
        return media.withStatus(MediaStatus.PENDING_REVIEW).stream()
                .sorted(Comparator.comparing((MediaRecord m) -> !showsProtectedPerson(m))
                        .thenComparing(Comparator.comparing(MediaRecord::lastScreenedAt)
                                .reversed())
                        .thenComparing(MediaRecord::id))
                .limit(limit)
                .toList();
    }

    /** Whether screening found a face matching a protected person: such an upload is reviewed first. */
    public static boolean showsProtectedPerson(MediaRecord m) {
        return m.signals().stream().anyMatch(org.pramaan.signals.LikenessExtractor::isMatch);
    }

    /**
     * Resolves one: {@code ALLOW}, {@code LABEL} or {@code BLOCK}, with the reviewer's reason.
     *
     * @throws Invalid naming {@code decision} (REVIEW again), {@code reason} (blank or too long) or {@code reviewer} (not a person)
     * @throws NotFound {@code media.not_found}
     * @throws Conflict when the media is not awaiting review (resolved already, or removed by a case)
     */
    public MediaRecord resolve(String mediaId, Decision decision, String reason, Actor reviewer) {
        if (decision == Decision.REVIEW)
            throw new Invalid("decision", "a review is resolved with ALLOW, LABEL or BLOCK, not REVIEW");
        if (reason.isBlank()) throw new Invalid("reason", "a review resolution needs a reason");
        if (reason.length() > MAX_REASON)
            throw new Invalid(
                    "reason", "reason is " + reason.length() + " characters; at most " + MAX_REASON + " are allowed");
        if (reviewer instanceof Actor.Component)
            throw new Invalid("reviewer", "a review is resolved by a person, not by '" + reviewer.wireName() + "'");
        return audit.unitOfWork().run(() -> {
            MediaRecord m = media.find(mediaId)
                    .orElseThrow(() -> new NotFound("media.not_found", "no media with id '" + mediaId + "'"));
            if (m.status() != MediaStatus.PENDING_REVIEW)
                throw new Conflict(
                        Conflict.REQUEST_CONFLICT, "media " + mediaId + " is " + m.status() + ", not awaiting review");
            MediaRecord updated = m.withStatus(MediaStatus.after(decision));
            media.save(updated);
            audit.append(
                    "media.review_resolved",
                    "media:" + mediaId,
                    AuditLog.details("decision", decision.name(), "reviewer", reviewer.wireName(), "reason", reason));
            return updated;
        });
    }
}
