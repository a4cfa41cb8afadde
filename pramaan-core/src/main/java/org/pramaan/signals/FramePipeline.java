package org.pramaan.signals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the detectors on sampled video frames on one worker thread while the decoder goes on with the next frames
 * (issue 16: a 60 s 720p video at 1 frame/s in ≤ 5 s; decoding and the models each took about half of it one after
 * the other). One worker keeps the frames' work in submission order, so results are the same as inline; at most
 * {@value #IN_FLIGHT} frames wait or run at once, so memory stays bounded whatever the decoder's pace.
 */
final class FramePipeline implements AutoCloseable {
    static final int IN_FLIGHT = 2;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pramaan-video-detectors");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Queues {@code work}, waiting while {@value #IN_FLIGHT} frames are already queued or running. */
    void submit(Runnable work) {
        acquire(1);
        worker.execute(() -> {
            try {
                if (failure.get() == null) work.run();
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every queued frame is done; rethrows the first failure the work raised. */
    void drain() {
        acquire(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
    }

    private void acquire(int n) {
        try {
            slots.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the video detectors", e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
