package org.pramaan.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The work budget of the current request (issue 11: no handler may run unbounded, even after its
 * client has gone). The HTTP layer {@link #begin begins} a budget on the handler's thread and a
 * watchdog {@link Token#expire expires} it when its time is spent; the long loops of the engines
 * (every {@code MediaSource} read, the C2PA/JUMBF/XMP/SVG scanners, decoders' frame and scan loops)
 * call {@link #check()}, which then throws {@link BudgetExceededException}.
 *
 * <p>Cooperative, not {@code Thread.interrupt()}: an interrupt closes any NIO channel the thread is
 * reading (the spooled upload, the blob store) and would surface as an I/O error deep inside a
 * parser, or linger on a pooled thread; a flag read at loop heads costs one thread-local and one
 * volatile read. Code outside a request (the CLI, background jobs) has no budget and never stops.
 */
public final class WorkBudget {
    private static final ThreadLocal<Token> CURRENT = new ThreadLocal<>();

    private WorkBudget() {}

    /** One request's budget. */
    public static final class Token {
        private final Duration limit;
        private final String work;
        private volatile boolean expired;

        private Token(Duration limit, String work) {
            this.limit = limit;
            this.work = work;
        }

        /** Called by the watchdog when the budget is spent; the worker stops at its next {@link #check()}. */
        public void expire() { expired = true; }

        public boolean expired() { return expired; }

        public Duration limit() { return limit; }
    }

    /** Starts a budget on this thread; {@code work} names it in the refusal (e.g. the route). */
    public static Token begin(Duration limit, String work) {
        Token t = new Token(Objects.requireNonNull(limit, "limit"), Objects.requireNonNull(work, "work"));
        CURRENT.set(t);
        return t;
    }

    /** Ends this thread's budget (pooled threads serve the next request without it). */
    public static void end() { CURRENT.remove(); }

    /**
     * Throws when the current request's budget is spent; free when there is none. Cheap enough for
     * any loop that does at least a few hundred nanoseconds of work per step.
     */
    public static void check() {
        Token t = CURRENT.get();
        if (t != null && t.expired) throw new BudgetExceededException(t.work, t.limit);
    }
}
