package org.pramaan.http;

import java.util.List;
import java.util.Objects;

/**
 * What an operator configures about the service itself rather than its domain.
 *
 * @param readiness  every condition {@code GET /readyz} requires (all must hold for 200)
 * @param rateLimits per-key and per-address request limits
 * @param budgets    how long one request may work ({@link RequestBudget})
 */
public record Operations(
        List<ReadinessCheck> readiness, RateLimiter.Settings rateLimits, RequestBudget.Settings budgets) {
    public Operations {
        readiness = List.copyOf(readiness);
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(budgets, "budgets");
    }

    /** With the default request budgets. */
    public Operations(List<ReadinessCheck> readiness, RateLimiter.Settings rateLimits) {
        this(readiness, rateLimits, RequestBudget.Settings.DEFAULT);
    }

    /** No readiness conditions beyond answering, default rate limits and budgets. */
    public static Operations defaults() {
        return new Operations(List.of(), RateLimiter.Settings.defaults());
    }
}
