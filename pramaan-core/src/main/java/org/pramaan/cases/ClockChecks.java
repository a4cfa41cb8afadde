package org.pramaan.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fires the escalations and breaches of running statutory clocks. */
final class ClockChecks {
    /** An escalation or breach fired more than this after it fell due is recorded as late (e.g. after downtime). */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);

    private final CaseLedger ledger;

    ClockChecks(CaseLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Fires every escalation and breach that has fallen due by now and was not fired before; the
     * event records both when it was due and when it fired, so a late firing (after downtime) is
     * visible rather than silently skipped. Returns the new events.
     */
    List<CaseEvent> check() {
        Instant now = ledger.clock.instant();
        List<CaseEvent> fired = new ArrayList<>();
        for (CaseFile due : ledger.cases.due(now)) {
            fired.addAll(ledger.locked(
                    () -> ledger.cases.claim(due.id()).map(c -> fire(c, now)).orElse(List.of())));
        }
        return fired;
    }

    /** Fires what fell due on {@code c} (read inside the lock, so a concurrent action is never overwritten). */
    private List<CaseEvent> fire(CaseFile c, Instant now) {
        List<CaseEvent> added = new ArrayList<>();
        for (CaseClock k : c.clocks()) {
            if (!k.running()) continue;
            for (double f : k.escalateAt()) {
                String threshold = Math.round(f * 100) + "%";
                Instant due = k.escalationDue(f);
                if (!now.isBefore(due) && !c.hasEvent(CaseEvent.Escalated.class, k.name(), threshold)) {
                    added.add(new CaseEvent.Escalated(
                            now,
                            Map.of(
                                    "clock",
                                    k.name(),
                                    "threshold",
                                    threshold,
                                    "dueAt",
                                    due.toString(),
                                    "deadline",
                                    k.dueAt().toString(),
                                    "late",
                                    Boolean.toString(now.isAfter(due.plus(LATE_AFTER))))));
                }
            }
            if (now.isAfter(k.dueAt()) && !c.hasEvent(CaseEvent.Breached.class, k.name(), null)) {
                added.add(new CaseEvent.Breached(
                        now,
                        Map.of(
                                "clock",
                                k.name(),
                                "deadline",
                                k.dueAt().toString(),
                                "late",
                                Boolean.toString(now.isAfter(k.dueAt().plus(LATE_AFTER))))));
            }
        }
        // Saved even when nothing fired, so a stale due time (e.g. after a schema upgrade) is recomputed;
        // the events and their audit entries commit together, so a crash never fires one twice or logs it half.
        ledger.store(
                c.with(c.clocks(), c.state(), c.outcome(), added), c.events().size());
        for (CaseEvent e : added)
            ledger.audit.append("case." + e.wireName(), "case:" + c.id(), new LinkedHashMap<>(e.details()));
        return added;
    }
}
