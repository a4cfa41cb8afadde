package org.pramaan.cases;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;
import org.pramaan.intake.MediaRepository;
import org.pramaan.limits.TextLimits;

/** Opening a case from a notice, and completing a notice that lacked required fields. */
final class Notices {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final char[] ID_CHARS = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaseLedger ledger;
    private final MediaRepository media;

    Notices(CaseLedger ledger, MediaRepository media) {
        this.ledger = ledger;
        this.media = media;
    }

    CaseFile open(NoticeRequest request) {
        // Caps checked before the lock: every case operation waits on this monitor, so nothing of unbounded size may
        // run under it (issue 11 defect 1).
        TextLimits.checkNoticeFields(request.fields(), TextLimits.NOTICE_FIELDS + TextLimits.SERVER_SET_FIELDS);
        TextLimits.check("noticeType", request.noticeType(), TextLimits.NOTICE_TYPE);
        return ledger.locked(() -> openUnit(request));
    }

    private CaseFile openUnit(NoticeRequest request) {
        RulePack.NoticeType type = ledger.noticeType(request.noticeType())
                .orElseThrow(() -> new Invalid(
                        "noticeType",
                        "unknown notice type '" + request.noticeType() + "'; known: "
                                + String.join(", ", ledger.noticeTypes().keySet())));
        if (media.find(request.mediaId()).isEmpty())
            throw new Invalid("mediaId", "no media with id '" + request.mediaId() + "'");
        Instant now = ledger.clock.instant();
        Instant received = request.receivedAt().orElse(now);
        if (received.isAfter(now)) throw new Invalid("receivedAt", "receivedAt " + received + " is in the future");
        List<String> missing = type.missing(request.fields());
        boolean await = !missing.isEmpty() && type.onMissingFields() == RulePack.OnMissingFields.AWAIT_INFORMATION;
        boolean legalReview = !missing.isEmpty() && type.onMissingFields() == RulePack.OnMissingFields.LEGAL_REVIEW;
        List<CaseClock> inForce = clocks(type, received); // fails now if no rule was in force at receipt
        List<CaseClock> clocks = await ? List.of() : inForce;
        String id = newId(type, received);
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent.Opened(now, Map.of("noticeType", type.id(), "receivedAt", received.toString())));
        if (!missing.isEmpty()) {
            Map<String, String> d = Map.of(
                    "missing",
                    String.join(",", missing),
                    "clock",
                    await ? "not started" : "running",
                    "source",
                    type.missingFieldsSource());
            events.add(await ? new CaseEvent.InformationRequested(now, d) : new CaseEvent.RoutedToLegalReview(now, d));
        }
        CaseFile c = new CaseFile(
                id,
                type.id(),
                type.jurisdiction(),
                type.article(),
                request.mediaId(),
                received,
                request.fields(),
                clocks,
                CaseState.OPEN,
                Optional.empty(),
                events,
                missing,
                legalReview,
                await);
        ledger.store(c, 0);
        ledger.audit.append(
                "case.opened",
                "case:" + id,
                AuditLog.details(
                        "noticeType",
                        type.id(),
                        "article",
                        type.article(),
                        "mediaId",
                        request.mediaId(),
                        "receivedAt",
                        received.toString(),
                        "missingFields",
                        missing,
                        "deadlines",
                        clocks.stream().map(k -> k.name() + "=" + k.dueAt()).toList()));
        return c;
    }

    CaseFile supplyFields(String caseId, Map<String, String> fields, Actor actor) {
        return ledger.locked(() -> supplyFieldsUnit(caseId, fields, actor.wireName()));
    }

    private CaseFile supplyFieldsUnit(String caseId, Map<String, String> fields, String actor) {
        CaseFile c = ledger.require(caseId);
        if (c.state() == CaseState.CLOSED) throw new Conflict(CaseLedger.CONFLICT, "case " + caseId + " is closed");
        NoticeFields.refuseServerOwned(fields, "notice");
        for (String name : fields.keySet()) {
            if (c.notice().containsKey(name)) {
                throw new NoticeFields.FieldRefusedException(
                        NoticeFields.FieldRefusedException.Reason.PRESENT,
                        name,
                        "case " + caseId + " already has notice field '" + name
                                + "'; a completion only fills missing fields");
            }
            if (!c.missingFields().contains(name)) {
                throw new NoticeFields.FieldRefusedException(
                        NoticeFields.FieldRefusedException.Reason.NOT_MISSING,
                        name,
                        "notice field '" + name + "' is not missing from case " + caseId + " (missing: "
                                + (c.missingFields().isEmpty() ? "none" : String.join(", ", c.missingFields())) + ")");
            }
        }
        RulePack.NoticeType type = ledger.noticeType(c.noticeType()).orElseThrow();
        Map<String, String> merged = new LinkedHashMap<>(c.notice());
        merged.putAll(fields);
        List<String> stillMissing = type.missing(merged);
        Instant now = ledger.clock.instant();
        List<CaseEvent> added = new ArrayList<>();
        List<CaseClock> clocks = c.clocks();
        added.add(new CaseEvent.FieldsSupplied(
                now,
                Map.of(
                        "fields",
                        String.join(",", fields.keySet()),
                        "actor",
                        actor,
                        "stillMissing",
                        String.join(",", stillMissing))));
        if (c.awaitingInformation() && stillMissing.isEmpty()) {
            clocks = clocks(type, now);
            added.add(new CaseEvent.NoticeCompleted(now, Map.of("clocksStartedAt", now.toString())));
        }
        CaseFile updated = c.completed(merged, stillMissing, clocks, added);
        ledger.store(updated, c.events().size());
        // Old and new value of each field: the old one is always absent (only missing fields are filled);
        // the new one as a digest, since notice fields are personal data and the log cannot be erased.
        List<Map<String, Object>> changes = fields.entrySet().stream()
                .map(e -> AuditLog.details(
                        "field",
                        e.getKey(),
                        "old",
                        "absent",
                        "new",
                        NoticeFields.auditDigest(caseId, e.getKey(), e.getValue())))
                .toList();
        ledger.audit.append(
                "case.fields_supplied",
                "case:" + caseId,
                AuditLog.details(
                        "fields",
                        List.copyOf(fields.keySet()),
                        "changes",
                        changes,
                        "stillMissing",
                        stillMissing,
                        "actor",
                        actor,
                        "deadlines",
                        clocks.stream().map(k -> k.name() + "=" + k.dueAt()).toList()));
        return updated;
    }

    /** Every clock runs from {@code start} with the duration in force then. */
    static List<CaseClock> clocks(RulePack.NoticeType type, Instant start) {
        List<CaseClock> clocks = new ArrayList<>();
        for (RulePack.ClockRule rule : type.clocks()) {
            RulePack.Version v = rule.inForceAt(start)
                    .orElseThrow(() -> new Invalid(
                            "receivedAt", "no " + type.id() + " '" + rule.name() + "' rule was in force at " + start));
            clocks.add(new CaseClock(
                    rule.name(), v.source(), start, start.plus(v.duration()), rule.escalateAt(), Optional.empty()));
        }
        return clocks;
    }

    /** A new tracking number: jurisdiction, day of receipt, random code. */
    static String newId(RulePack.NoticeType type, Instant received) {
        return type.jurisdiction() + "-" + DAY.format(received) + "-" + randomCode(6);
    }

    /**
     * The id of an imported case: a digest of (source system, source id), so one previous case is one Pramaan case
     * however often its batch is sent. "IMP-" and 12 characters keep it apart from live ids (6 random characters).
     */
    static String importedId(String sourceSystem, String sourceId) {
        byte[] d;
        try {
            d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((sourceSystem + "\u0000" + sourceId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        StringBuilder sb = new StringBuilder("IMP-");
        for (int i = 0; i < 12; i++) sb.append(ID_CHARS[(d[i] & 0xff) % ID_CHARS.length]);
        return sb.toString();
    }

    private static String randomCode(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
        return sb.toString();
    }
}
