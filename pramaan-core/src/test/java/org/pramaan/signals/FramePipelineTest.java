package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The video detectors' worker: frame order kept, memory bounded, the decoder not held up, failures not lost. */
class FramePipelineTest {
    @Test
    void runsWorkInSubmissionOrderWithAtMostTwoFramesOutstanding() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (FramePipeline p = new FramePipeline()) {
            for (int i = 0; i < 50; i++) {
                int frame = i;
                most.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
                p.submit(() -> {
                    Thread.onSpinWait();
                    done.add(frame);
                    outstanding.decrementAndGet();
                });
            }
            p.drain();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) expected.add(i);
        assertThat(done).isEqualTo(expected);
        // Counted before submit returns, so a frame in the worker plus the two slots: never more than three.
        assertThat(most.get()).isLessThanOrEqualTo(FramePipeline.IN_FLIGHT + 1);
    }

    @Test
    void theDecoderGoesOnWhileTheWorkerIsBusyUntilBothSlotsAreTaken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (FramePipeline p = new FramePipeline()) {
            p.submit(() -> {
                started.countDown();
                await(release);
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicInteger second = new AtomicInteger();
            p.submit(second::incrementAndGet); // the second slot: returns at once although the worker is busy
            Thread third = new Thread(() -> p.submit(() -> {}));
            third.start();
            third.join(300);
            assertThat(third.isAlive()).as("a third frame waits for a slot").isTrue();
            release.countDown();
            third.join(10_000);
            assertThat(third.isAlive()).isFalse();
            p.drain();
            assertThat(second.get()).isEqualTo(1);
        }
    }

    @Test
    void aFailureInTheWorkIsRethrownAtDrainAndLaterFramesAreNotRun() {
        AtomicInteger after = new AtomicInteger();
        try (FramePipeline p = new FramePipeline()) {
            p.submit(() -> {
                throw new IllegalStateException("model crashed");
            });
            p.submit(after::incrementAndGet);
            assertThatThrownBy(p::drain).hasMessage("model crashed");
        }
        assertThat(after.get()).isZero();
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
