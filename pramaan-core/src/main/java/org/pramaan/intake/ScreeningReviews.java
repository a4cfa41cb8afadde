package org.pramaan.intake;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditLog;
import org.pramaan.decision.Decision;
import org.pramaan.detect.Finding;
import org.pramaan.detect.ReviewLabel;
import org.pramaan.detect.ReviewLabels;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalType;

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
    private final Optional<ReviewLabels> labels;

    /** Without a label store: findings are audited but not kept as calibration labels. */
    public ScreeningReviews(MediaRepository media, AuditLog audit) {
        this(media, audit, Optional.empty());
    }

    /** With the store's reviewer labels (issue 16): a finding on an item with model scores becomes labels. */
    public ScreeningReviews(MediaRepository media, AuditLog audit, ReviewLabels labels) {
        this(media, audit, Optional.of(labels));
    }

    private ScreeningReviews(MediaRepository media, AuditLog audit, Optional<ReviewLabels> labels) {
        this.media = Objects.requireNonNull(media, "media");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.labels = Objects.requireNonNull(labels, "labels");
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
        return resolve(mediaId, decision, reason, reviewer, Optional.empty(), Optional.empty());
    }

    /**
     * Resolves one with the reviewer's finding (issue 16): whether the item is synthetic, apart from what to do
     * with it, and the generator family when known. When the screening recorded model scores, each score becomes a
     * {@link ReviewLabel} in the same unit of work, replacing any earlier resolution's labels for these bytes.
     *
     * @throws Invalid also naming {@code family} (malformed, or given without a synthetic finding)
     */
    public MediaRecord resolve(
            String mediaId,
            Decision decision,
            String reason,
            Actor reviewer,
            Optional<Finding> finding,
            Optional<String> family) {
        family.ifPresent(ReviewLabel::family);
        if (family.isPresent() && finding.orElse(Finding.UNSURE) != Finding.SYNTHETIC)
            throw new Invalid("family", "a generator family is given only with the finding 'synthetic'");
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
            Map<String, Object> details =
                    AuditLog.details("decision", decision.name(), "reviewer", reviewer.wireName(), "reason", reason);
            finding.ifPresent(f -> details.put("finding", f.wire()));
            family.ifPresent(f -> details.put("family", f));
            boolean labelling = finding.isPresent() && labels.isPresent();
            List<ReviewLabel> draft = labelling
                    ? labelsOf(mediaId, scored(m.signals()), finding.get(), family, reviewer, Instant.EPOCH)
                    : List.of();
            if (labelling) details.put("labels", draft.size());
            AuditEntry entry = audit.append("media.review_resolved", "media:" + mediaId, details);
            // The latest finding on these bytes stands: it replaces earlier labels, and an item whose screening has no
            // model scores records none (an earlier finding's labels are cleared rather than left contradicting it).
            if (labelling)
                labels.get()
                        .replaceForMedia(
                                mediaId,
                                draft.stream()
                                        .map(l -> l.withLabelledAt(entry.at()))
                                        .toList());
            return updated;
        });
    }

    /**
     * The labels a finding on {@code m} gives, one per model score its latest screening recorded (issue 16): the same
     * rows a screening review records, for a decision on case {@code caseId} (an empty list when it has no scores).
     */
    public static List<ReviewLabel> caseLabels(
            MediaRecord m, Finding finding, Optional<String> family, Actor reviewer, Instant at, String caseId) {
        return labelsOf(m.id(), scored(m.signals()), finding, family, reviewer, at).stream()
                .map(l -> l.withCaseId(caseId))
                .toList();
    }

    /** The screening's model scores that ran (a failed model has no raw score and labels nothing). */
    private static List<Signal> scored(List<Signal> signals) {
        return signals.stream()
                .filter(s -> s.type() == SignalType.DETECTOR_SCORE)
                .filter(s -> s.attributes().containsKey("raw")
                        && s.attributes().containsKey("model")
                        && s.attributes().containsKey("version"))
                .toList();
    }

    private static List<ReviewLabel> labelsOf(
            String mediaId, List<Signal> scores, Finding finding, Optional<String> family, Actor reviewer, Instant at) {
        Map<String, ReviewLabel> out = new LinkedHashMap<>();
        for (Signal s : scores) {
            Map<String, String> a = s.attributes();
            double raw;
            double p;
            try {
                raw = Double.parseDouble(a.get("raw"));
                p = Double.parseDouble(a.getOrDefault("probability", s.value()));
            } catch (NumberFormatException e) {
                continue; // a score the extractor wrote is always a number; anything else is not a label
            }
            if (!Double.isFinite(raw) || !(p >= 0 && p <= 1)) continue;
            ReviewLabel l = new ReviewLabel(
                    mediaId,
                    a.get("model"),
                    a.get("version"),
                    scope(a),
                    raw,
                    p,
                    finding,
                    family,
                    reviewer.wireName(),
                    at);
            out.putIfAbsent(l.key(), l);
        }
        return List.copyOf(out.values());
    }

    /** Which part of the item a score is for, from the attributes the detector extractors write. */
    private static String scope(Map<String, String> a) {
        if (a.containsKey("scope")) return a.get("scope");
        if (a.containsKey("track")) return "track " + a.get("track");
        if (a.containsKey("face")) return "face " + a.get("face");
        if (a.containsKey("frames")) return "video";
        return "image";
    }
}
