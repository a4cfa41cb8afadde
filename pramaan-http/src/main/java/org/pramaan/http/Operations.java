package org.pramaan.http;

import java.util.List;
import java.util.Objects;

/**
 * What an operator configures about the service itself rather than its domain.
 *
 * @param readiness  every condition {@code GET /readyz} requires (all must hold for 200)
 * @param rateLimits per-key and per-address request limits
 */
public record Operations(List<ReadinessCheck> readiness, RateLimiter.Settings rateLimits) {
    public Operations {
        readiness = List.copyOf(readiness);
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** No readiness conditions beyond answering, default rate limits. */
    public static Operations defaults() { return new Operations(List.of(), RateLimiter.Settings.defaults()); }
}
