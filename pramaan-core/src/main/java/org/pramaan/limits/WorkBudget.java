package org.pramaan.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * The work budget of the current request (issue 11: no handler may run unbounded, even after its
 * client has gone). The HTTP layer {@link #begin begins} a budget on the handler's thread; the long
 * loops of the engines (every {@code MediaSource} read, the C2PA/JUMBF/XMP/SVG scanners, decoders'
 * frame, segment and block-row loops, the upload spooler) call {@link #check()}, which throws
 * {@link BudgetExceededException} once the budget is spent. A client that hangs up does not stop a
 * Jetty handler, so this is what ends its work.
 *
 * <p>Cooperative, not {@code Thread.interrupt()} from a watchdog: an interrupt closes any NIO channel
 * the thread is reading (the spooled upload, the blob store), surfacing as an I/O error deep inside a
 * parser, and can linger on a pooled thread after the request. The budget is elapsed monotonic time
 * ({@link System#nanoTime()}), a measure of work done, not a statutory instant, so it does not come
 * from the injected {@code Clock} (a test's fake clock never moves on its own). A check costs one
 * thread-local read and one {@code nanoTime}, tens of nanoseconds. Code outside a request (the
 * CLI, background jobs) has no budget and never stops.
 */
public final class WorkBudget {
    private static final ThreadLocal<Token> CURRENT = new ThreadLocal<>();

    private WorkBudget() {}

    /** One request's budget. */
    public static final class Token {
        private final Duration limit;
        private final String work;
        private final long deadlineNanos;

        private Token(Duration limit, String work, long startNanos) {
            this.limit = limit;
            this.work = work;
            long n;
            try {
                n = limit.toNanos();
            } catch (ArithmeticException e) {
                n = Long.MAX_VALUE / 2; // a budget of centuries: never reached
            }
            this.deadlineNanos = startNanos + Math.min(n, Long.MAX_VALUE / 2);
        }

        /** Whether the budget is spent. */
        public boolean expired() {
            return System.nanoTime() - deadlineNanos > 0;
        }

        public Duration limit() {
            return limit;
        }
    }

    /** Starts a budget of {@code limit} on this thread; {@code work} names it in the refusal (e.g. the route). */
    public static Token begin(Duration limit, String work) {
        Token t = new Token(
                Objects.requireNonNull(limit, "limit"), Objects.requireNonNull(work, "work"), System.nanoTime());
        CURRENT.set(t);
        return t;
    }

    /** Ends this thread's budget (pooled threads serve the next request without it). */
    public static void end() {
        CURRENT.remove();
    }

    /** Throws when the current request's budget is spent; free when there is none. */
    public static void check() {
        Token t = CURRENT.get();
        if (t != null && t.expired()) throw new BudgetExceededException(t.work, t.limit);
    }
}
