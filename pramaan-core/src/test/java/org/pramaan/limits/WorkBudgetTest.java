package org.pramaan.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;

/** The work budget stops the loops that consult it once spent, and only on the thread whose request it belongs to. */
class WorkBudgetTest {
    @AfterEach
    void clear() {
        WorkBudget.end();
    }

    @Test
    void withoutABudgetNothingStops() throws Exception {
        assertThatCode(WorkBudget::check).doesNotThrowAnyException();
        assertThat(MediaSource.of(new byte[16]).read(0, 16)).hasSize(16);
    }

    @Test
    void aSpentBudgetStopsMediaReadsWithTheDocumentedException() throws Exception {
        WorkBudget.Token t = WorkBudget.begin(Duration.ofNanos(1), "test work");
        while (!t.expired()) Thread.onSpinWait(); // one nanosecond: spent by the time the loop first looks
        assertThatThrownBy(WorkBudget::check)
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("test work")
                .hasMessageContaining("PT0.000000001S");
        assertThatThrownBy(() -> MediaSource.of(new byte[16]).read(0, 16)).isInstanceOf(BudgetExceededException.class);
        WorkBudget.end();
        assertThat(MediaSource.of(new byte[16]).read(0, 16)).hasSize(16);
    }

    @Test
    void aGenerousBudgetDoesNotStopWorkAndAnotherThreadHasNone() throws Exception {
        WorkBudget.begin(
                Duration.ofDays(365_000), "long work"); // past Long nanos: treated as unbounded, not as overflowed
        assertThatCode(WorkBudget::check).doesNotThrowAnyException();
        WorkBudget.Token spent = WorkBudget.begin(Duration.ofNanos(1), "spent");
        while (!spent.expired()) Thread.onSpinWait();
        Thread other = new Thread(WorkBudget::check);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        other.setUncaughtExceptionHandler((th, e) -> failure.set(e));
        other.start();
        other.join();
        assertThat(failure.get())
                .as("a thread without a request budget never stops")
                .isNull();
    }
}
