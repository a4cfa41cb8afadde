package org.pramaan.limits;

import java.time.Duration;

/**
 * The current request spent its work budget ({@link WorkBudget}); the HTTP API answers
 * {@code 503 request.budget_exceeded}. Unchecked, so it passes through parsers unchanged: every
 * catch of {@code RuntimeException} that turns parser bugs into results rethrows it first.
 */
public final class BudgetExceededException extends RuntimeException {
    private final Duration limit;

    public BudgetExceededException(String work, Duration limit) {
        super(work + " used its whole work budget of " + limit + " and was stopped");
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }
}
