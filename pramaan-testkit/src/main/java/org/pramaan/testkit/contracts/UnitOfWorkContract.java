package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.tx.UnitOfWork;

/**
 * Contract for {@link UnitOfWork} adapters: after-commit hooks run once after the outermost unit
 * commits, in order, and never for a unit that rolled back; nested units join the outermost;
 * outside any unit a hook runs at once.
 */
public abstract class UnitOfWorkContract {
    @TempDir
    protected Path dir;

    protected abstract UnitOfWork createUnit(Path dir);

    @Test
    void outsideAnyUnitAHookRunsAtOnce() {
        UnitOfWork unit = createUnit(dir);
        List<String> ran = new ArrayList<>();
        unit.afterCommit(() -> ran.add("hook"));
        assertThat(ran).containsExactly("hook");
    }

    @Test
    void hooksRunOnceAfterTheOutermostUnitCommitsInRegistrationOrder() {
        UnitOfWork unit = createUnit(dir);
        List<String> ran = new ArrayList<>();
        String result = unit.run(() -> {
            unit.afterCommit(() -> ran.add("outer"));
            unit.run(() -> {
                unit.afterCommit(() -> ran.add("inner"));
                return null;
            });
            assertThat(ran)
                    .as("the inner unit joined the outer one: nothing committed yet")
                    .isEmpty();
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(ran).containsExactly("outer", "inner");
        unit.run(() -> "next");
        assertThat(ran).as("hooks run once, not again with the next unit").containsExactly("outer", "inner");
    }

    @Test
    void hooksOfAUnitThatRollsBackAreDropped() {
        UnitOfWork unit = createUnit(dir);
        List<String> ran = new ArrayList<>();
        IllegalStateException failure = new IllegalStateException("audit append failed");
        assertThatThrownBy(() -> unit.run(() -> {
                    unit.afterCommit(() -> ran.add("outer"));
                    unit.run(() -> {
                        unit.afterCommit(() -> ran.add("inner"));
                        return null;
                    });
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(ran).isEmpty();
        unit.run(() -> {
            unit.afterCommit(() -> ran.add("later"));
            return null;
        });
        assertThat(ran)
                .as("the dropped hooks do not come back with the next unit")
                .containsExactly("later");
    }

    @Test
    void aFailingHookDoesNotStopTheOthersAndIsReported() {
        UnitOfWork unit = createUnit(dir);
        List<String> ran = new ArrayList<>();
        assertThatThrownBy(() -> unit.run(() -> {
                    unit.afterCommit(() -> {
                        throw new IllegalStateException("first hook broke");
                    });
                    unit.afterCommit(() -> ran.add("second"));
                    return null;
                }))
                .hasMessage("first hook broke");
        assertThat(ran).containsExactly("second");
    }

    @Test
    void anotherThreadOutsideAnyUnitIsNotHeldBackByThisThreadsUnit() throws Exception {
        UnitOfWork unit = createUnit(dir);
        CountDownLatch ranOnOtherThread = new CountDownLatch(1);
        unit.run(() -> {
            CompletableFuture.runAsync(() -> unit.afterCommit(ranOnOtherThread::countDown))
                    .join();
            try {
                assertThat(ranOnOtherThread.await(0, TimeUnit.SECONDS))
                        .as("the other thread's hook ran at once")
                        .isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }
}
