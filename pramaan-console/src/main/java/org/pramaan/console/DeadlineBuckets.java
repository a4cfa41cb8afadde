package org.pramaan.console;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The overview's count of open cases by how long is left on the clock that falls due first (the one the queue colours).
 * Edges: a case due in exactly 1 h is in {@code underOneHour}, one due exactly now is not yet breached (a clock is
 * breached only once "now" is after its deadline, {@link org.pramaan.cases.CaseClock#breachedBy}).
 *
 * @param noDeadline open cases with no running clock (e.g. awaiting information, clock stopped)
 */
public record DeadlineBuckets(
        int breached, int underOneHour, int underSixHours, int underDay, int later, int noDeadline) {

    /** Counts {@code rows} at {@code now}. */
    public static DeadlineBuckets of(Collection<QueueRow> rows, Instant now) {
        Objects.requireNonNull(now, "now");
        int breached = 0, hour = 0, six = 0, day = 0, later = 0, none = 0;
        for (QueueRow r : rows) {
            Optional<Instant> due = r.deadline();
            if (due.isEmpty()) {
                none++;
                continue;
            }
            Duration left = Duration.between(now, due.get());
            if (left.isNegative()) breached++;
            else if (left.compareTo(Duration.ofHours(1)) <= 0) hour++;
            else if (left.compareTo(Duration.ofHours(6)) <= 0) six++;
            else if (left.compareTo(Duration.ofHours(24)) <= 0) day++;
            else later++;
        }
        return new DeadlineBuckets(breached, hour, six, day, later, none);
    }

    /**
     * The start of the ISO week (Monday 00:00) containing {@code now} in the person's time zone: "breaches this week"
     * means the reviewer's week, not UTC's, so a Monday-morning breach in Kolkata is not counted in the week before.
     */
    public static Instant weekStart(Instant now, ZoneId zone) {
        return now.atZone(zone)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(zone)
                .toInstant();
    }
}
