package org.pramaan.backscan;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs jobs in the background, one batch at a time, on one worker thread: jobs take turns a batch each,
 * so a long scan does not starve a short one. {@link #start()} resumes every job stored as RUNNING (a
 * crash or restart left them so); a paused or cancelled job drops out at its next batch. Stopping
 * interrupts the worker between items: the batch in hand is not committed and is redone on restart.
 */
public final class ScanExecutor implements AutoCloseable {
    private final ScanRunner runner;
    private final ScanJobRepository jobs;
    private final Consumer<RuntimeException> onError;
    private final Set<String> queue = new LinkedHashSet<>();
    private final java.util.ArrayDeque<Runnable> tasks = new java.util.ArrayDeque<>();
    private Thread worker;
    private boolean closed;

    /** @param onError told of a batch that failed unexpectedly (logged by the server); the job is marked FAILED */
    public ScanExecutor(ScanRunner runner, ScanJobRepository jobs, Consumer<RuntimeException> onError) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /** Starts the worker and queues every RUNNING job. */
    public synchronized void start() {
        if (worker != null || closed) return;
        for (ScanJob j : jobs.inState(ScanState.RUNNING)) queue.add(j.id());
        worker = Thread.ofPlatform().name("pramaan-backscan").daemon(true).start(this::work);
    }

    /** Queues a job (after it started or resumed); a job already queued keeps its place. */
    public synchronized void submit(String jobId) {
        if (closed) return;
        queue.add(jobId);
        notifyAll();
    }

    /**
     * Queues every RUNNING job again (the server calls it periodically): a job whose node died is taken over
     * here once its lease has ended; one another node holds drops out at its lease check.
     */
    public synchronized void rescan() {
        if (closed || worker == null) return;
        for (ScanJob j : jobs.inState(ScanState.RUNNING)) queue.add(j.id());
        notifyAll();
    }

    /**
     * Runs {@code task} on the worker before its next batch: how an after-commit hook (a bank addition)
     * hands on work that needs the store, which the hook itself must not wait for.
     */
    public synchronized void submitTask(Runnable task) {
        if (closed) return;
        tasks.add(Objects.requireNonNull(task, "task"));
        notifyAll();
    }

    private void work() {
        while (true) {
            String next;
            Runnable task;
            synchronized (this) {
                while (queue.isEmpty() && tasks.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                task = tasks.poll();
                next = task != null ? null : queue.iterator().next();
                if (next != null) queue.remove(next);
            }
            if (task != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    onError.accept(e);
                }
                continue;
            }
            boolean more;
            try {
                more = runner.step(next);
            } catch (RuntimeException e) {
                onError.accept(e);
                if (Thread.currentThread().isInterrupted()) return;
                try {
                    runner.fail(next, "batch failed: " + e);
                } catch (RuntimeException ignored) {
                    // the store itself failed; the job stays RUNNING and resumes at the next start
                }
                more = false;
            }
            if (Thread.currentThread().isInterrupted()) return;
            if (more) submit(next); // to the back of the queue: jobs take turns
        }
    }

    /** Whether any job is queued or in hand (tests wait on this, never on time). */
    public synchronized boolean idle() {
        return queue.isEmpty() && tasks.isEmpty();
    }

    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            closed = true;
            w = worker;
            notifyAll();
        }
        if (w != null) {
            w.interrupt();
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
