package org.pramaan.hash.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs independent build tasks on a few platform threads (issue 18: the 100M build must use the
 * machine's cores). Tasks are claimed in order from a counter, so their number need not match the
 * threads'; with one thread they run inline, in order, which the tests use as the sequential
 * reference. The first failure is rethrown once every thread has stopped.
 */
final class Workers {
    private Workers() {}

    static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    static void run(int threads, int tasks, IntConsumer task) {
        int t = Math.min(threads, tasks);
        if (t <= 1) {
            for (int i = 0; i < tasks; i++) task.accept(i);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] ts = new Thread[t];
        for (int w = 0; w < t; w++) {
            ts[w] = Thread.ofPlatform().name("pdq-index-build-" + w).start(() -> {
                for (int i; failure.get() == null && (i = next.getAndIncrement()) < tasks; ) {
                    try {
                        task.accept(i);
                    } catch (RuntimeException | Error e) {
                        // An OutOfMemoryError too: a worker that died silently would leave a half-built table.
                        failure.compareAndSet(null, e);
                    }
                }
            });
        }
        boolean interrupted = false;
        for (Thread x : ts) {
            while (true) {
                try {
                    x.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the workers write into arrays the caller owns: wait them out
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable e = failure.get();
        if (e instanceof Error err) throw err;
        if (e != null) throw (RuntimeException) e;
    }

    /** The start of range r when [0, n) is cut into {@code ranges} nearly equal ranges, aligned to 4 entries. */
    static int rangeStart(int n, int ranges, int r) {
        if (r >= ranges) return n;
        long s = (long) n * r / ranges;
        return (int) Math.min(n, s & ~3L);
    }
}
