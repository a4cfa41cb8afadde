package org.pramaan.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.NoticeFields;

/**
 * One open case as the queue shows it.
 *
 * @param urgency {@code ok}, {@code warn} (past the pack's first escalation threshold), {@code urgent} (past its last)
 *     or {@code breached} (past the deadline): the CSS class, recomputed every second by console.js from the same data
 */
public record QueueRow(
        String id,
        String noticeType,
        String jurisdiction,
        boolean trustedFlagger,
        Instant receivedAt,
        Optional<Instant> startedAt,
        Optional<Instant> deadline,
        String escalateAt,
        String urgency,
        boolean legalReview,
        boolean awaitingInformation,
        String assignee) {

    static QueueRow of(CaseFile c, Instant now) {
        Optional<CaseClock> next = nextClock(c);
        String urgency = next.map(k -> urgency(k, now)).orElse("ok");
        return new QueueRow(
                c.id(),
                c.noticeType(),
                c.jurisdiction(),
                NoticeFields.trustedFlagger(c),
                c.receivedAt(),
                next.map(CaseClock::startedAt),
                next.map(CaseClock::dueAt),
                thresholds(next.map(CaseClock::escalateAt).orElse(List.of())),
                urgency,
                c.legalReview(),
                c.awaitingInformation(),
                c.assignee().orElse(""));
    }

    /** The running clock that falls due first (the one {@link CaseFile#nextDeadline()} reports). */
    static Optional<CaseClock> nextClock(CaseFile c) {
        return c.clocks().stream().filter(CaseClock::running).min(java.util.Comparator.comparing(CaseClock::dueAt));
    }

    /** By the share of the clock's time used, against the escalation thresholds the rule pack set for that clock. */
    static String urgency(CaseClock k, Instant now) {
        if (k.breachedBy(now)) return "breached";
        long total = Math.max(1, k.duration().toMillis());
        double used = (double) (now.toEpochMilli() - k.startedAt().toEpochMilli()) / total;
        List<Double> t = k.escalateAt();
        if (t.isEmpty()) return "ok";
        double first = t.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double last = t.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (used >= last) return "urgent";
        if (used >= first) return "warn";
        return "ok";
    }

    private static String thresholds(List<Double> t) {
        StringBuilder b = new StringBuilder();
        for (Double d : t) {
            if (b.length() > 0) b.append(',');
            b.append(d);
        }
        return b.toString();
    }

    public long startMs() {
        return startedAt.map(Instant::toEpochMilli).orElse(0L);
    }

    public long deadlineMs() {
        return deadline.map(Instant::toEpochMilli).orElse(0L);
    }
}
