package org.pramaan.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A running or stopped statutory clock of a case.
 *
 * @param name       e.g. {@code remove}, {@code acknowledge}
 * @param source     the rule text behind the duration in force at receipt
 * @param startedAt  receipt time
 * @param dueAt      startedAt + duration (wall clock)
 * @param escalateAt fractions of the duration at which to escalate
 * @param stoppedAt  when an action stopped it
 */
public record CaseClock(
        String name,
        String source,
        Instant startedAt,
        Instant dueAt,
        List<Double> escalateAt,
        Optional<Instant> stoppedAt) {
    public CaseClock {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        escalateAt = List.copyOf(escalateAt);
        Objects.requireNonNull(stoppedAt, "stoppedAt");
    }

    public boolean running() {
        return stoppedAt.isEmpty();
    }

    public Duration duration() {
        return Duration.between(startedAt, dueAt);
    }

    /** When the escalation at {@code fraction} of the duration falls due. */
    public Instant escalationDue(double fraction) {
        return startedAt.plusMillis(Math.round(duration().toMillis() * fraction));
    }

    /** Whether the clock was (or, if running, is by {@code now}) past its deadline. */
    public boolean breachedBy(Instant now) {
        return stoppedAt.map(s -> s.isAfter(dueAt)).orElse(now.isAfter(dueAt));
    }

    CaseClock stop(Instant at) {
        return new CaseClock(name, source, startedAt, dueAt, escalateAt, Optional.of(at));
    }
}
