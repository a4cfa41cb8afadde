package org.pramaan.http;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One condition {@code GET /readyz} requires.
 *
 * @param name  stable name shown in the answer ({@code database}, {@code pdq_index}, {@code clock_checker})
 * @param probe empty when ready, else why not; a probe that throws counts as failing with its message
 */
public record ReadinessCheck(String name, Supplier<Optional<String>> probe) {
    public ReadinessCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
    }

    /** Runs the probe; empty when ready. */
    Optional<String> failure() {
        try {
            return probe.get();
        } catch (RuntimeException e) {
            return Optional.of(
                    e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "no message" : e.getMessage()));
        }
    }
}
