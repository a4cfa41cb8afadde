package org.pramaan.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;

/**
 * What the human report draws: notices received per day (in the report's zone) and how long the settling
 * actions took against the legal limit of the clocks they stopped (each case against its own limit, so
 * 2 h, 36 h and 7-day clocks share one axis).
 *
 * @param received  one count per day of the period, in order
 * @param againstLimit settled cases by time used of their limit: up to 25 %, 50 %, 75 %, 100 %, and over (late)
 */
public record Charts(List<Day> received, List<Long> againstLimit) {
    /** Bucket labels of {@link #againstLimit}. */
    public static final List<String> BUCKETS = List.of("≤25%", "≤50%", "≤75%", "≤100%", "late");

    public Charts {
        received = List.copyOf(received);
        againstLimit = List.copyOf(againstLimit);
    }

    public record Day(LocalDate date, long count) {}

    static Charts of(ReportInputs in) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        LocalDate first = in.period().from().atZone(in.period().zone()).toLocalDate();
        LocalDate last =
                in.period().to().minusNanos(1).atZone(in.period().zone()).toLocalDate();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) days.put(d, 0L);
        for (CaseFile c : in.received())
            days.merge(c.receivedAt().atZone(in.period().zone()).toLocalDate(), 1L, Long::sum);
        List<Day> received = new ArrayList<>();
        days.forEach((d, n) -> received.add(new Day(d, n)));
        long[] buckets = new long[BUCKETS.size()];
        for (CaseFile c : in.cases()) {
            Optional<CaseEvent.ActionTaken> a = CaseFacts.settledIn(c, in.period());
            if (a.isEmpty()) continue;
            double used = 0;
            boolean any = false;
            for (CaseClock k : c.clocks()) {
                if (k.stoppedAt().filter(s -> s.equals(a.get().at())).isEmpty()) continue;
                Duration limit = k.duration();
                if (limit.isZero() || limit.isNegative()) continue;
                any = true;
                used = Math.max(
                        used,
                        (double) Duration.between(k.startedAt(), a.get().at()).toMillis() / limit.toMillis());
            }
            if (!any) continue;
            int b = used <= 0.25 ? 0 : used <= 0.5 ? 1 : used <= 0.75 ? 2 : used <= 1.0 ? 3 : 4;
            buckets[b]++;
        }
        List<Long> hist = new ArrayList<>();
        for (long n : buckets) hist.add(n);
        return new Charts(received, hist);
    }
}
