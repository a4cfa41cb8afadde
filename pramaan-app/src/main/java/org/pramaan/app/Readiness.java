package org.pramaan.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.pramaan.http.ReadinessCheck;

/**
 * What {@code GET /readyz} asks of the embedded deployment: the database answers a real query, the
 * PDQ index is loaded, and the clock checker (which fires the statutory escalations and breaches) has
 * completed a run within the last three of its intervals. A server whose clocks have stalled must
 * leave the load balancer's rotation even though it still answers {@code /healthz}.
 */
final class Readiness {
    /** Missed intervals before the clock checker counts as stalled (one slow pass is not an outage). */
    static final int CLOCK_CHECK_GRACE = 3;

    private final Embedded app;
    private final Clock clock;
    private final Duration interval;
    private final AtomicReference<Instant> lastClockCheck = new AtomicReference<>();

    Readiness(Embedded app, Clock clock, Duration interval) {
        this.app = app;
        this.clock = clock;
        this.interval = interval;
    }

    /** Called by the clock checker after each successful pass; the time comes from the injected clock. */
    void clockChecked() {
        lastClockCheck.set(clock.instant());
    }

    List<ReadinessCheck> checks() {
        return List.of(
                new ReadinessCheck("database", this::database),
                new ReadinessCheck("pdq_index", this::pdqIndex),
                new ReadinessCheck("clock_checker", this::clockChecker),
                // Issue 15: a node that lost its id, or whose heartbeats stopped, is counted dead by the others.
                new ReadinessCheck("node", () -> app.node().problem()));
    }

    private Optional<String> database() {
        return app.adapters().probe();
    }

    private Optional<String> pdqIndex() {
        String status = app.banks().indexStatus();
        if (status == null) return Optional.of("the PDQ index is not loaded");
        app.banks().size();
        return Optional.empty();
    }

    private Optional<String> clockChecker() {
        Instant last = lastClockCheck.get();
        if (last == null) return Optional.of("the clock checker has not completed a run yet");
        Duration since = Duration.between(last, clock.instant());
        Duration limit = interval.multipliedBy(CLOCK_CHECK_GRACE);
        return since.compareTo(limit) > 0
                ? Optional.of("the clock checker last completed a run " + since + " ago at " + last + ", more than "
                        + CLOCK_CHECK_GRACE + " intervals of " + interval)
                : Optional.empty();
    }
}
