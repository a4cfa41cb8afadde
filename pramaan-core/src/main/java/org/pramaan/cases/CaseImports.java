package org.pramaan.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Invalid;
import org.pramaan.intake.MediaRepository;
import org.pramaan.json.Json;
import org.pramaan.limits.TextLimits;

/**
 * Brings in a case a previous system handled (issue 17 part 3): its clocks and windows are
 * recomputed from the recorded times under the rule pack in force at receipt, so a removal made
 * five months ago leaves an EU appeal window of about one month (DSA art.20(1): six months from the
 * decision). The history is stored as what it was (events at their recorded times, marked
 * {@code imported}) and the import itself is audited as {@code case.imported}; listeners are not
 * told, so no webhook or message goes out for something that happened elsewhere, long ago.
 */
final class CaseImports {
    private final CaseLedger ledger;
    private final MediaRepository media;
    private final ImportedEffects effects;

    CaseImports(CaseLedger ledger, MediaRepository media, ImportedEffects effects) {
        this.ledger = ledger;
        this.media = media;
        this.effects = effects;
    }

    /**
     * Imports {@code in} once: its Pramaan id is derived from (source system, source id), so sending a batch again
     * (a migration retried after a failure) answers the case made the first time and changes nothing.
     */
    ImportedCase.Outcome importCase(ImportedCase in, Actor importer, String sourceSystem) {
        TextLimits.checkNoticeFields(in.fields());
        TextLimits.check("noticeType", in.noticeType(), TextLimits.NOTICE_TYPE);
        String id = Notices.importedId(sourceSystem, in.sourceId());
        return ledger.locked(() -> ledger.cases
                .find(id)
                .map(c -> new ImportedCase.Outcome(c, true))
                .orElseGet(() -> new ImportedCase.Outcome(importUnit(id, in, importer, sourceSystem), false)));
    }

    private CaseFile importUnit(String id, ImportedCase in, Actor importer, String sourceSystem) {
        RulePack.NoticeType type = ledger.noticeType(in.noticeType())
                .orElseThrow(() -> new Invalid("noticeType", "unknown notice type '" + in.noticeType() + "'"));
        if (media.find(in.mediaId()).isEmpty()) throw new Invalid("mediaId", "no media with id '" + in.mediaId() + "'");
        NoticeFields.refuseServerOwned(in.fields(), "notice");
        Instant now = ledger.clock.instant();
        Instant received = in.receivedAt();
        notFuture("receivedAt", received, now);
        // Validated against the pack as of receipt: the required fields and the clock durations then in force.
        List<String> missing = type.missing(in.fields());
        if (!missing.isEmpty())
            throw new Invalid("fields." + missing.get(0), "required notice field '" + missing.get(0) + "' is missing");
        List<CaseClock> clocks = Notices.clocks(type, received);
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent.Opened(
                received,
                Map.of("noticeType", type.id(), "receivedAt", received.toString(), "imported", sourceSystem)));
        CaseState state = CaseState.OPEN;
        Optional<CaseAction> outcome = Optional.empty();
        Instant last = received;
        for (int i = 0; i < in.actions().size(); i++) {
            ImportedCase.PastAction a = in.actions().get(i);
            String f = "actions[" + i + "].at";
            notFuture(f, a.at(), now);
            last = inOrder(f, a.at(), last, i == 0 ? "receivedAt" : "actions[" + (i - 1) + "].at");
            if (state == CaseState.CLOSED
                    && !(a.action() == CaseAction.RESTORE || a.action().onAccount()))
                throw new Invalid(
                        "actions[" + i + "].action",
                        a.action() + " after the case was closed by "
                                + outcome.map(Enum::name).orElse("") + "");
            events.add(new CaseEvent.ActionTaken(
                    a.at(),
                    Map.of("action", a.action().name(), "actor", a.actor(), "note", a.note(), "imported", "true")));
            clocks = CaseActions.settleClocks(
                    caseFile(id, type, in, clocks, state, outcome, List.of()), a.action(), a.at(), events);
            if (a.action().closesCase()) {
                state = CaseState.CLOSED;
                outcome = Optional.of(a.action());
            }
        }
        for (int i = 0; i < in.statements().size(); i++) {
            ImportedCase.PastStatement s = in.statements().get(i);
            notFuture("statements[" + i + "].at", s.at(), now);
            inOrder("statements[" + i + "].at", s.at(), received, "receivedAt");
            String json = Json.write(Map.of("puid", s.puid(), "imported", sourceSystem));
            events.add(
                    new CaseEvent.StatementIssued(s.at(), Map.of("puid", s.puid(), "json", json, "imported", "true")));
        }
        appeals(in, type, now, events);
        events.addAll(pastDue(clocks, now));
        events.sort(Comparator.comparing(CaseEvent::at)); // stable: same-time events keep their order
        CaseFile c = caseFile(id, type, in, clocks, state, outcome, events);
        ledger.cases.save(c); // not ledger.store: listeners would send messages for events that happened elsewhere
        Map<String, Object> applied = effects.apply(c, in, ledger.packOf(type.jurisdiction()), importer, now);
        ledger.audit.append(
                "case.imported",
                "case:" + id,
                AuditLog.details(
                        "importer", importer.wireName(),
                        "sourceSystem", sourceSystem,
                        "sourceId", in.sourceId(),
                        "noticeType", type.id(),
                        "mediaId", in.mediaId(),
                        "receivedAt", received.toString(),
                        "events", events.size(),
                        "effects", applied,
                        "deadlines",
                                clocks.stream()
                                        .map(k -> k.name() + "=" + k.dueAt())
                                        .toList()));
        return c;
    }

    /** Appeals in order, each within the pack's window from the restriction before it (DSA art.20(1)). */
    private void appeals(ImportedCase in, RulePack.NoticeType type, Instant now, List<CaseEvent> events) {
        RulePack.AppealWindow w = ledger.packOf(type.jurisdiction()).appeals();
        Instant last = in.receivedAt();
        for (int i = 0; i < in.appeals().size(); i++) {
            ImportedCase.PastAppeal a = in.appeals().get(i);
            String f = "appeals[" + i + "].receivedAt";
            notFuture(f, a.receivedAt(), now);
            last = inOrder(f, a.receivedAt(), last, i == 0 ? "receivedAt" : "appeals[" + (i - 1) + "]");
            Instant restricted = restrictedBefore(in, a.receivedAt())
                    .orElseThrow(() -> new Invalid(f, "appeal at " + a.receivedAt() + " precedes any restriction"));
            Instant closes = restricted.plus(w.window());
            if (a.receivedAt().isAfter(closes))
                throw new Invalid(
                        f,
                        "appeal at " + a.receivedAt() + " came after its window closed at " + closes + " (" + w.source()
                                + ")");
            events.add(new CaseEvent.AppealReceived(
                    a.receivedAt(),
                    Map.of(
                            "appellant",
                            a.appellant(),
                            "statement",
                            a.statement(),
                            "windowClosesAt",
                            closes.toString(),
                            "imported",
                            "true")));
            if (a.decidedAt().isPresent()) {
                String d = "appeals[" + i + "].decidedAt";
                notFuture(d, a.decidedAt().get(), now);
                last = inOrder(d, a.decidedAt().get(), last, f);
                String decision = a.reversed().orElse(false) ? "RESTRICTION_REVERSED" : "RESTRICTION_UPHELD";
                events.add(new CaseEvent.AppealDecided(
                        a.decidedAt().get(),
                        Map.of(
                                "decision",
                                decision,
                                "reviewer",
                                a.reviewer(),
                                "reason",
                                "imported",
                                "imported",
                                "true")));
            } else if (i < in.appeals().size() - 1) {
                throw new Invalid(
                        "appeals[" + i + "].decidedAt",
                        "appeal " + i
                                + " has no decision but a later appeal follows it; one appeal is pending at a time");
            }
        }
    }

    /** The case as its history so far makes it; assignments and flags start empty, as on a live case. */
    private static CaseFile caseFile(
            String id,
            RulePack.NoticeType type,
            ImportedCase in,
            List<CaseClock> clocks,
            CaseState state,
            Optional<CaseAction> outcome,
            List<CaseEvent> events) {
        return new CaseFile(
                id,
                type.id(),
                type.jurisdiction(),
                type.article(),
                in.mediaId(),
                in.receivedAt(),
                in.fields(),
                clocks,
                state,
                outcome,
                events,
                List.of(),
                false,
                false);
    }

    private static Optional<Instant> restrictedBefore(ImportedCase in, Instant at) {
        Optional<Instant> r = Optional.empty();
        for (ImportedCase.PastAction a : in.actions())
            if (a.action().restrictsContent() && !a.at().isAfter(at)) r = Optional.of(a.at());
        return r;
    }

    /** Escalations and breaches already due: recorded at their due times, so the clock checker does not fire them now. */
    private static List<CaseEvent> pastDue(List<CaseClock> clocks, Instant now) {
        List<CaseEvent> out = new ArrayList<>();
        for (CaseClock k : clocks) {
            if (!k.running()) continue;
            for (double f : k.escalateAt()) {
                Instant due = k.escalationDue(f);
                if (!now.isBefore(due))
                    out.add(new CaseEvent.Escalated(
                            due,
                            Map.of(
                                    "clock",
                                    k.name(),
                                    "threshold",
                                    Math.round(f * 100) + "%",
                                    "dueAt",
                                    due.toString(),
                                    "deadline",
                                    k.dueAt().toString(),
                                    "late",
                                    "false",
                                    "imported",
                                    "true")));
            }
            if (now.isAfter(k.dueAt()))
                out.add(new CaseEvent.Breached(
                        k.dueAt(),
                        Map.of(
                                "clock",
                                k.name(),
                                "deadline",
                                k.dueAt().toString(),
                                "late",
                                "false",
                                "imported",
                                "true")));
        }
        return out;
    }

    private static void notFuture(String field, Instant at, Instant now) {
        if (at.isAfter(now)) throw new Invalid(field, field + " " + at + " is in the future (now " + now + ")");
    }

    private static Instant inOrder(String field, Instant at, Instant previous, String previousField) {
        if (at.isBefore(previous))
            throw new Invalid(field, field + " " + at + " is before " + previousField + " " + previous);
        return at;
    }
}
