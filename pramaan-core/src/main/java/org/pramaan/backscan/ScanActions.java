package org.pramaan.backscan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.audit.AuditLog;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.MediaStatus;

/**
 * What a match becomes, run inside the batch's unit of work so the result, its effect and its audit
 * entry commit together. Never a removal (see {@link ScanPolicy}): stored media goes to the screening
 * review queue ({@link MediaStatus#PENDING_REVIEW}, resolved by a person through
 * {@code ScreeningReviews}) or gets a case; media already removed or blocked is only listed; items
 * Pramaan does not store are review items in the job's results.
 */
final class ScanActions {
    static final String AUDIT_MATCH = "backscan.matched";

    private final MediaRepository media;
    private final CaseService cases;
    private final AuditLog audit;

    ScanActions(MediaRepository media, CaseService cases, AuditLog audit) {
        this.media = Objects.requireNonNull(media, "media");
        this.cases = Objects.requireNonNull(cases, "cases");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Applies the policy to a matched result and audits it; returns the result with the action taken. */
    ScanResult apply(ScanJob job, ScanResult r) {
        ScanResult done = decide(job, r);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("item", r.item());
        d.put("sha256", r.sha256().orElse(""));
        d.put(
                "hits",
                r.hits().stream()
                        .map(h -> h.bank() + "#" + h.itemId() + ":" + h.method())
                        .toList());
        d.put("action", done.action().name());
        d.put("ref", done.ref().orElse(""));
        audit.append(AUDIT_MATCH, "scan:" + job.id(), d);
        return done;
    }

    private ScanResult decide(ScanJob job, ScanResult r) {
        if (!job.source().stored())
            return r.withAction(
                    ScanResult.Action.REVIEW,
                    Optional.empty(),
                    "listed for review: the platform hosts it, Pramaan does not");
        String id = r.itemKey();
        Optional<MediaRecord> m = media.find(id);
        if (m.isEmpty()) return r.withAction(ScanResult.Action.LISTED, Optional.empty(), "media no longer stored");
        MediaStatus s = m.get().status();
        if (s == MediaStatus.REMOVED || s == MediaStatus.BLOCKED)
            return r.withAction(ScanResult.Action.LISTED, Optional.of(id), "media is already " + s);
        if (job.policy().action() == ScanPolicy.Action.CASE) {
            ScanResult.Hit first = r.hits().get(0);
            CaseFile c = cases.openCase(new NoticeRequest(
                    job.policy().noticeType().orElseThrow(),
                    id,
                    Map.of(
                            "source", "backscan",
                            "scan_job", job.id(),
                            "bank", first.bank(),
                            "bank_item", Long.toString(first.itemId())),
                    Optional.empty()));
            return r.withAction(ScanResult.Action.CASE, Optional.of(c.id()), "case opened");
        }
        if (s != MediaStatus.PENDING_REVIEW) media.save(m.get().withStatus(MediaStatus.PENDING_REVIEW));
        return r.withAction(
                ScanResult.Action.REVIEW, Optional.of(id), "sent to the screening review queue (was " + s + ")");
    }
}
