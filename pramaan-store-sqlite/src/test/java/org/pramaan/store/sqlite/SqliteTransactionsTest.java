package org.pramaan.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.audit.AuditCheckpoints;
import org.pramaan.audit.AuditLog;
import org.pramaan.audit.CheckpointJournal;
import org.pramaan.audit.CheckpointKey;
import org.pramaan.testkit.FakeClock;
import org.pramaan.tx.UnitOfWork;

/** A unit of work commits everything inside it together, nested writes join it, and concurrent appends do not deadlock. */
class SqliteTransactionsTest {
    @TempDir
    Path dir;

    @Test
    void aFailureInsideAUnitRollsBackEveryWriteInIt() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            AuditLog audit = new AuditLog(
                    store.audit(),
                    FakeClock.at("2026-03-01T00:00:00Z"),
                    store.database().unitOfWork());
            audit.append("before", "s", Map.of());
            assertThatThrownBy(() -> store.database().unitOfWork().run(() -> {
                        audit.append("inside-1", "s", Map.of());
                        audit.append("inside-2", "s", Map.of());
                        throw new IllegalStateException("crash between writes");
                    }))
                    .hasMessageContaining("crash");
            assertThat(store.audit().last().orElseThrow().type()).isEqualTo("before");
            assertThat(audit.verify().valid()).isTrue();
            store.database().unitOfWork().run(() -> audit.append("after", "s", Map.of()));
            assertThat(audit.verify().entriesChecked()).isEqualTo(2);
        }
    }

    /**
     * Issue 12: the checkpoints come in through the log's constructor and still see only committed
     * entries: an append whose unit rolls back leaves no row, no signed checkpoint, and does not
     * make the process one that appended (so closing signs nothing either).
     */
    @Test
    void aRolledBackAppendOfAnAnchoredLogSignsNothing() throws Exception {
        CheckpointJournal journal = new CheckpointJournal(dir.resolve("outside").resolve(CheckpointJournal.FILE_NAME));
        java.nio.file.Files.createDirectories(journal.file().getParent());
        java.util.List<String> problems = new java.util.ArrayList<>();
        FakeClock clock = FakeClock.at("2026-03-01T00:00:00Z");
        try (EmbeddedStore store = EmbeddedStore.open(dir.resolve("data"))) {
            UnitOfWork unit = store.database().unitOfWork();
            AuditCheckpoints checkpoints = new AuditCheckpoints(
                    store.audit(), CheckpointKey.generate(), journal, 1, clock, Runnable::run, problems::add);
            AuditLog audit = new AuditLog(store.audit(), clock, unit, Optional.of(checkpoints));
            assertThatThrownBy(() -> unit.run(() -> {
                        audit.append("inside", "s", Map.of());
                        throw new IllegalStateException("crash after the append");
                    }))
                    .hasMessageContaining("crash");
            assertThat(store.audit().last()).as("the entry rolled back").isEmpty();
            assertThat(journal.read().checkpoints()).as("nothing signed for it").isEmpty();
            checkpoints.close();
            assertThat(journal.read().checkpoints())
                    .as("nor at close: nothing was appended")
                    .isEmpty();
            assertThat(problems).isEmpty();
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir.resolve("data"))) {
            UnitOfWork unit = store.database().unitOfWork();
            AuditCheckpoints checkpoints = new AuditCheckpoints(
                    store.audit(), CheckpointKey.generate(), journal, 1, clock, Runnable::run, problems::add);
            AuditLog audit = new AuditLog(store.audit(), clock, unit, Optional.of(checkpoints));
            unit.run(() -> audit.append("committed", "s", Map.of()));
            assertThat(journal.read().checkpoints())
                    .extracting(c -> c.seq())
                    .as("a committed append is signed")
                    .containsExactly(1L);
            assertThat(audit.verify().valid()).isTrue();
        }
    }

    @Test
    void concurrentUnitsAndAppendsFinish() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            FakeClock clock = FakeClock.at("2026-03-01T00:00:00Z");
            AuditLog audit = new AuditLog(store.audit(), clock, store.database().unitOfWork());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<?>[] fs = new Future<?>[4];
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    fs[t] = pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            if (thread % 2 == 0)
                                store.database()
                                        .unitOfWork()
                                        .run(() -> audit.append("unit", "t" + thread, Map.of("i", 1)));
                            else audit.append("plain", "t" + thread, Map.of("i", 1));
                        }
                        return null;
                    });
                }
                for (Future<?> f : fs) f.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(audit.verify().entriesChecked()).isEqualTo(800);
            assertThat(audit.verify().valid()).isTrue();
        }
    }

    @Test
    void anAfterCommitHookSeesTheUnitsWritesDurableAndARolledBackUnitsHookNeverRuns() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            AuditLog audit = new AuditLog(
                    store.audit(),
                    FakeClock.at("2026-03-01T00:00:00Z"),
                    store.database().unitOfWork());
            org.pramaan.tx.UnitOfWork unit = store.database().unitOfWork();
            java.util.List<Long> seenByHook = new java.util.ArrayList<>();
            unit.run(() -> {
                audit.append("committed", "s", Map.of());
                unit.afterCommit(() -> seenByHook.add(countFromAnotherConnection()));
                assertThat(countFromAnotherConnection())
                        .as("not yet visible to another connection")
                        .isZero();
                return null;
            });
            assertThat(seenByHook)
                    .as("the hook ran after the commit: another connection sees the entry")
                    .containsExactly(1L);
            assertThatThrownBy(() -> unit.run(() -> {
                        audit.append("rolled-back", "s", Map.of());
                        unit.afterCommit(() -> seenByHook.add(-1L));
                        throw new IllegalStateException("crash before commit");
                    }))
                    .hasMessageContaining("crash");
            assertThat(seenByHook).containsExactly(1L);
        }
    }

    private long countFromAnotherConnection() {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:sqlite:" + dir.resolve(EmbeddedStore.DATABASE_FILE));
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM audit_log")) {
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
