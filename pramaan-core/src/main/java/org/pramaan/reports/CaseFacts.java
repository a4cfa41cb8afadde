package org.pramaan.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;

/** What reports read off a case's history; everything derives from its sealed events and clocks. */
final class CaseFacts {
    private CaseFacts() {}

    static boolean receivedIn(CaseFile c, ReportPeriod p) {
        return p.contains(c.receivedAt());
    }

    /** Actions applied in the period, in order. */
    static List<CaseEvent.ActionTaken> actionsIn(CaseFile c, ReportPeriod p) {
        List<CaseEvent.ActionTaken> out = new ArrayList<>();
        for (CaseEvent e : c.events()) if (e instanceof CaseEvent.ActionTaken a && p.contains(a.at())) out.add(a);
        return out;
    }

    static <T extends CaseEvent> List<T> eventsIn(CaseFile c, Class<T> type, ReportPeriod p) {
        List<T> out = new ArrayList<>();
        for (CaseEvent e : c.events()) if (type.isInstance(e) && p.contains(e.at())) out.add(type.cast(e));
        return out;
    }

    /** The first action that settled the case (one that closes it: remove, restrict, label, demote, dismiss). */
    static Optional<CaseEvent.ActionTaken> settling(CaseFile c) {
        for (CaseEvent e : c.events())
            if (e instanceof CaseEvent.ActionTaken a && a.action().closesCase()) return Optional.of(a);
        return Optional.empty();
    }

    /** The settling action, when it fell in the period. */
    static Optional<CaseEvent.ActionTaken> settledIn(CaseFile c, ReportPeriod p) {
        return settling(c).filter(a -> p.contains(a.at()));
    }

    /**
     * From when the statutory clocks ran (the receipt, or the completion of a notice that lacked fields:
     * TAKE IT DOWN s.223a(a)(3) counts 48 h from a valid request) to the settling action.
     */
    static Optional<Duration> timeToAction(CaseFile c) {
        Instant start = c.clocks().stream()
                .map(CaseClock::startedAt)
                .min(Instant::compareTo)
                .orElse(c.receivedAt());
        return settling(c).map(a -> Duration.between(start, a.at()));
    }

    /**
     * Whether the settling action met every statutory clock it stopped; empty when it stopped none
     * (a case with no clock has no limit to meet or miss).
     */
    static Optional<Boolean> metLimit(CaseFile c) {
        Optional<CaseEvent.ActionTaken> a = settling(c);
        if (a.isEmpty()) return Optional.empty();
        Optional<Boolean> met = Optional.empty();
        for (CaseEvent e : c.events()) {
            if (e instanceof CaseEvent.ClockStopped s && s.at().equals(a.get().at())) {
                boolean ok = Boolean.parseBoolean(s.details().get("met"));
                met = Optional.of(met.orElse(true) && ok);
            }
        }
        return met;
    }

    /** Whether a clock was past its deadline and not yet stopped at {@code end} (the period's last instant). */
    static boolean overdueAt(CaseFile c, Instant end) {
        for (CaseClock k : c.clocks()) {
            boolean stoppedBefore = k.stoppedAt().filter(s -> !s.isAfter(end)).isPresent();
            if (k.dueAt().isBefore(end) && !stoppedBefore) return true;
        }
        return false;
    }

    /** The median in whole seconds (the mean of the middle two, rounded down, for an even count); empty for none. */
    static Optional<Long> medianSeconds(List<Duration> ds) {
        if (ds.isEmpty()) return Optional.empty();
        long[] s = ds.stream().mapToLong(Duration::getSeconds).sorted().toArray();
        int n = s.length;
        return Optional.of(n % 2 == 1 ? s[n / 2] : Math.floorDiv(s[n / 2 - 1] + s[n / 2], 2));
    }
}
