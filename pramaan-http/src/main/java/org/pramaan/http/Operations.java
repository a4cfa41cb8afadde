package org.pramaan.http;

import java.util.List;
import java.util.Objects;

/**
 * What an operator configures about the service itself rather than its domain.
 *
 * @param readiness  every condition {@code GET /readyz} requires (all must hold for 200)
 * @param rateLimits per-key and per-address request limits
 * @param budgets    how long one request may work ({@link RequestBudget})
 * @param liveNodes  the nodes sharing the store whose heartbeat is fresh ({@code GET /v1/nodes}, issue 15)
 */
public record Operations(
        List<ReadinessCheck> readiness,
        RateLimiter.Settings rateLimits,
        RequestBudget.Settings budgets,
        java.util.function.Supplier<List<org.pramaan.nodes.NodeInfo>> liveNodes) {
    public Operations {
        readiness = List.copyOf(readiness);
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(liveNodes, "liveNodes");
    }

    /** Without a node registry ({@code GET /v1/nodes} answers an empty list). */
    public Operations(List<ReadinessCheck> readiness, RateLimiter.Settings rateLimits, RequestBudget.Settings budgets) {
        this(readiness, rateLimits, budgets, List::of);
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
