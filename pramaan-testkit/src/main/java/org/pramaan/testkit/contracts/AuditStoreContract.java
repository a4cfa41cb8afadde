package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditLog;
import org.pramaan.audit.AuditStore;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.memory.MemoryUnitOfWork;

/** Contract for {@link AuditStore} adapters. */
public abstract class AuditStoreContract {
    @TempDir
    protected Path dir;

    protected abstract AuditStore createStore(Path dir);

    @Test
    void appendsInOrderAndReportsLastAndHead() {
        AuditStore store = createStore(dir);
        AuditLog log = new AuditLog(store, FakeClock.at("2026-03-01T10:00:00Z"), new MemoryUnitOfWork());
        AuditEntry a = log.append("media.screened", "media:1", Map.of("k", "v"));
        AuditEntry b = log.append("case.opened", "case:1", Map.of("n", 2));
        assertThat(a.seq()).isEqualTo(1);
        assertThat(b.prevHash()).isEqualTo(a.hash());
        assertThat(store.last()).contains(b);
        assertThat(store.recordedHead()).contains(new AuditStore.Head(2, b.hash()));
        List<AuditEntry> all = new ArrayList<>();
        store.forEach(all::add);
        assertThat(all).containsExactly(a, b);
        assertThat(store.bySubject("case:1")).containsExactly(b);
        assertThat(log.verify().valid()).isTrue();
    }

    @Test
    void refusesAnEntryThatDoesNotFollowTheLast() {
        AuditStore store = createStore(dir);
        new AuditLog(store, FakeClock.at("2026-03-01T10:00:00Z"), new MemoryUnitOfWork()).append("x", "s", Map.of());
        AuditEntry stray =
                new AuditEntry(5, java.time.Instant.EPOCH, "x", "s", "{}", AuditEntry.GENESIS, AuditEntry.GENESIS);
        assertThatThrownBy(() -> store.append(stray)).hasMessageContaining("5");
        assertThat(store.last().orElseThrow().seq()).isEqualTo(1);
    }

    @Test
    void visitsLongLogsCompletelyInOrder() {
        AuditStore store = createStore(dir);
        FakeClock clock = FakeClock.at("2026-03-01T10:00:00Z");
        AuditLog log = new AuditLog(store, clock, new MemoryUnitOfWork());
        for (int i = 0; i < 2_500; i++) {
            clock.advance(Duration.ofMillis(7));
            log.append("tick", "s" + (i % 3), Map.of("i", i));
        }
        List<Long> seqs = new ArrayList<>();
        store.forEach(e -> seqs.add(e.seq()));
        assertThat(seqs).hasSize(2_500);
        assertThat(seqs).isSorted();
        assertThat(log.verify().entriesChecked()).isEqualTo(2_500);
    }

    @Test
    void visitsTheEntriesAfterASeq() {
        AuditStore store = createStore(dir);
        FakeClock clock = FakeClock.at("2026-03-01T10:00:00Z");
        AuditLog log = new AuditLog(store, clock, new MemoryUnitOfWork());
        for (int i = 0; i < 1_205; i++) log.append("tick", "s", Map.of("i", i));
        List<Long> seqs = new ArrayList<>();
        store.forEachAfter(3, e -> seqs.add(e.seq()));
        assertThat(seqs).hasSize(1_202).startsWith(4L).endsWith(1_205L).isSorted();
        List<Long> none = new ArrayList<>();
        store.forEachAfter(1_205, e -> none.add(e.seq()));
        assertThat(none).isEmpty();
    }

    /**
     * A checkpoint mark lets verify notice a deleted or truncated checkpoint file; it only moves forward. Each node's
     * file has its own mark (issue 15), so one node's mark neither blocks nor moves another's.
     */
    @Test
    void recordsTheNewestCheckpointMarkPerJournalAndRefusesAnOlderOne() {
        AuditStore store = createStore(dir);
        assertThat(store.checkpointMark("node-a")).isEmpty();
        assertThat(store.checkpointMarks()).isEmpty();
        AuditStore.CheckpointMark first = new AuditStore.CheckpointMark(100, "a".repeat(64), 1);
        AuditStore.CheckpointMark second = new AuditStore.CheckpointMark(200, "b".repeat(64), 2);
        AuditStore.CheckpointMark other = new AuditStore.CheckpointMark(150, "c".repeat(64), 1);
        store.recordCheckpoint("node-a", first);
        store.recordCheckpoint("node-a", second);
        store.recordCheckpoint("node-b", other);
        assertThat(store.checkpointMark("node-a")).contains(second);
        assertThat(store.checkpointMark("node-b")).contains(other);
        assertThatThrownBy(() -> store.recordCheckpoint("node-a", first))
                .hasMessageContaining("100")
                .hasMessageContaining("node-a");
        assertThat(store.checkpointMark("node-a")).contains(second);
        // Lower than node-a's mark, yet node-b's own: accepted.
        store.recordCheckpoint("node-b", new AuditStore.CheckpointMark(160, "d".repeat(64), 2));
        assertThat(store.checkpointMarks())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                        "node-a", second, "node-b", new AuditStore.CheckpointMark(160, "d".repeat(64), 2)));
        assertThat(store.checkpointMark(AuditStore.LEGACY_JOURNAL)).isEmpty();
    }
}
