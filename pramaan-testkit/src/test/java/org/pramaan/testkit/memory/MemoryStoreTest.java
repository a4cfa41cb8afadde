package org.pramaan.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pramaan.audit.AuditLog;
import org.pramaan.cases.Hold;
import org.pramaan.testkit.FakeClock;
import org.pramaan.tx.UnitOfWork;

/** What the in-memory store adds beyond the port contracts: rollback of its tables, a simulated restart, thread safety. */
class MemoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private static Hold hold(String media) {
        return new Hold(0, media, Optional.empty(), "litigation", "key:x", T0, Optional.empty(), Optional.empty());
    }

    @Test
    void aUnitThatThrowsRestoresEveryTableItWrote() {
        MemoryStore store = MemoryStore.create();
        UnitOfWork unit = store.unitOfWork();
        AuditLog audit = new AuditLog(store.audit(), FakeClock.at("2026-06-01T10:00:00Z"), unit);
        audit.append("kept", "s", Map.of());
        Hold kept = store.holds().add(hold("a".repeat(64)));
        assertThatThrownBy(() -> unit.run(() -> {
                    audit.append("dropped", "s", Map.of());
                    store.holds().add(hold("b".repeat(64)));
                    unit.run(() -> {
                        store.holds()
                                .save(new Hold(
                                        kept.id(),
                                        kept.mediaId(),
                                        kept.caseId(),
                                        kept.reason(),
                                        kept.createdBy(),
                                        kept.createdAt(),
                                        kept.until(),
                                        Optional.of(T0)));
                        return null;
                    });
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(store.audit().last().orElseThrow().type()).isEqualTo("kept");
        assertThat(store.audit().recordedHead().orElseThrow().seq()).isEqualTo(1);
        assertThat(store.holds().forMedia("b".repeat(64))).isEmpty();
        assertThat(store.holds().find(kept.id()))
                .as("the nested unit's write went with the outer one")
                .contains(kept);
        assertThat(store.holds().add(hold("c".repeat(64))).id())
                .as("the id counter rolled back too")
                .isEqualTo(kept.id() + 1);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void aFailedBatchCaughtInsideAUnitLeavesNothingWhileTheUnitCommitsTheRest() {
        MemoryStore store = MemoryStore.create();
        store.unitOfWork().run(() -> {
            store.holds().add(hold("a".repeat(64)));
            assertThatThrownBy(() -> store.banks()
                            .addAll(java.util.Arrays.asList(
                                    org.pramaan.banks.BankItem.fromMedia(
                                            "removed",
                                            "b".repeat(64),
                                            Optional.empty(),
                                            Optional.empty(),
                                            "",
                                            "key:x",
                                            T0),
                                    null)))
                    .hasMessageContaining("bank item 1");
            return null;
        });
        assertThat(store.banks().all()).isEmpty();
        assertThat(store.holds().forMedia("a".repeat(64))).hasSize(1);
    }

    @Test
    void reopenSeesCommittedDataAndRefusesWhileAUnitIsOpen() {
        MemoryStore store = MemoryStore.create();
        Hold h = store.holds().add(hold("a".repeat(64)));
        store.unitOfWork().run(() -> {
            assertThatThrownBy(store::reopen).hasMessageContaining("open unit of work");
            return null;
        });
        MemoryStore after = store.reopen();
        assertThat(after.holds().find(h.id())).contains(h);
        assertThat(after.unitOfWork()).isNotSameAs(store.unitOfWork());
    }

    @Test
    void concurrentWritersGetDistinctIdsAndLoseNothing() throws Exception {
        MemoryStore store = MemoryStore.create();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> futures = IntStream.range(0, 4)
                    .mapToObj(t -> pool.submit(() -> IntStream.range(0, 250)
                            .mapToObj(i -> store.unitOfWork()
                                    .run(() -> store.holds()
                                            .add(hold("a".repeat(64)))
                                            .id()))
                            .toList()))
                    .toList();
            List<Long> ids = new java.util.ArrayList<>();
            for (Future<List<Long>> f : futures) ids.addAll(f.get());
            assertThat(ids).doesNotHaveDuplicates().hasSize(1_000);
            assertThat(store.holds().forMedia("a".repeat(64))).hasSize(1_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
