package org.pramaan.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditLog;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Invalid;

/**
 * The affected user's appeal against a restriction (DSA art.20) and its decision; appeal state is
 * derived from the case's events (the restriction appealed against and any pending appeal).
 */
final class Appeals {
    private final CaseLedger ledger;
    private final CaseActions actions;

    Appeals(CaseLedger ledger, CaseActions actions) {
        this.ledger = ledger;
        this.actions = actions;
    }

    CaseFile appeal(String caseId, String appellant, String statement) {
        return ledger.locked(() -> appealUnit(caseId, appellant, statement));
    }

    private CaseFile appealUnit(String caseId, String appellant, String statement) {
        CaseFile c = ledger.require(caseId);
        Instant restricted = restrictedAt(c)
                .orElseThrow(() -> new Conflict(
                        CaseLedger.CONFLICT, "case " + caseId + " restricted nothing, so there is nothing to appeal"));
        RulePack.AppealWindow w = ledger.pack(c).appeals();
        Instant now = ledger.clock.instant();
        if (now.isAfter(restricted.plus(w.window()))) {
            throw new Conflict(
                    CaseLedger.CONFLICT,
                    "the appeal window for case " + caseId + " closed at " + restricted.plus(w.window()) + " ("
                            + w.source() + ")");
        }
        if (pending(c))
            throw new Conflict(CaseLedger.CONFLICT, "case " + caseId + " already has an appeal awaiting a decision");
        if (statement.isBlank())
            throw new Invalid("statement", "an appeal needs a statement of why the decision is wrong");
        CaseEvent e = new CaseEvent.AppealReceived(
                now,
                Map.of(
                        "appellant",
                        appellant,
                        "statement",
                        statement,
                        "windowClosesAt",
                        restricted.plus(w.window()).toString()));
        CaseFile updated = c.with(c.clocks(), c.state(), c.outcome(), List.of(e));
        ledger.store(updated, c.events().size());
        ledger.audit.append("case.appeal_received", "case:" + caseId, AuditLog.details("appellant", appellant));
        return updated;
    }

    CaseFile decide(String caseId, boolean reverse, Actor reviewer, String reason, Optional<CaseFinding> finding) {
        return ledger.locked(() -> decideUnit(caseId, reverse, reviewer, reason, finding));
    }

    private CaseFile decideUnit(
            String caseId, boolean reverse, Actor reviewer, String reason, Optional<CaseFinding> finding) {
        // DSA art.20(6): decided under the supervision of qualified staff, not solely by automated means.
        if (reviewer instanceof Actor.Component) {
            throw new Invalid(
                    "reviewer", "appeals are decided by a person with a key, not by '" + reviewer.wireName() + "'");
        }
        CaseFile c = ledger.require(caseId);
        if (!pending(c))
            throw new Conflict(CaseLedger.CONFLICT, "case " + caseId + " has no appeal awaiting a decision");
        if (reason.isBlank()) throw new Invalid("reason", "an appeal decision needs its reasons (DSA art.20(5))");
        String decision = reverse ? "RESTRICTION_REVERSED" : "RESTRICTION_UPHELD";
        CaseEvent decided = new CaseEvent.AppealDecided(
                ledger.clock.instant(),
                Map.of("decision", decision, "reviewer", reviewer.wireName(), "reason", reason));
        ledger.store(
                c.with(c.clocks(), c.state(), c.outcome(), List.of(decided)),
                c.events().size());
        Map<String, Object> details = AuditLog.details("decision", decision, "reviewer", reviewer.wireName());
        // Issue 16: an upheld restriction records the finding here; a reversal gives it to the restoration it makes.
        if (!reverse) finding.ifPresent(f -> ledger.findings.record(c, f, reviewer, decided.at(), details));
        ledger.audit.append("case.appeal_decided", "case:" + caseId, details);
        if (!reverse) return ledger.cases.find(caseId).orElseThrow();
        return actions.act(caseId, CaseAction.RESTORE, reviewer, "appeal upheld: " + reason, Map.of(), finding);
    }

    /** When the case's latest content restriction (remove, geo-restrict, label, demote) applied. */
    static Optional<Instant> restrictedAt(CaseFile c) {
        List<CaseEvent.ActionTaken> actions = c.events().stream()
                .flatMap(e -> e instanceof CaseEvent.ActionTaken a
                        ? java.util.stream.Stream.of(a)
                        : java.util.stream.Stream.empty())
                .toList();
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (actions.get(i).action().restrictsContent())
                return Optional.of(actions.get(i).at());
        }
        return Optional.empty();
    }

    static boolean pending(CaseFile c) {
        long received = c.events().stream()
                .filter(e -> e instanceof CaseEvent.AppealReceived)
                .count();
        long decided = c.events().stream()
                .filter(e -> e instanceof CaseEvent.AppealDecided)
                .count();
        return received > decided;
    }
}
