package org.pramaan.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testing.NoRollbackUnitOfWork;

/**
 * Issue 15: several nodes append to one shared audit chain and each signs checkpoints into its own file with its own
 * key. The store keeps a mark per file, so every node's {@code audit verify} passes, a deleted file is still caught on
 * its node, and every node's mark still has to name an entry the chain holds.
 */
class AuditCheckpointsAcrossNodesTest {
    @TempDir
    Path dir;

    final AuditLogTest.ListStore store = new AuditLogTest.ListStore();
    final Clock clock = Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC);
    final List<String> problems = new ArrayList<>();

    /** One node: its key, its file, its log over the shared store. */
    record Node(CheckpointKey key, Path file, AuditCheckpoints checkpoints, AuditLog log) {}

    Node node(String name, CheckpointKey key) {
        Path file = dir.resolve(name).resolve(CheckpointJournal.FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AuditCheckpoints c =
                new AuditCheckpoints(store, key, new CheckpointJournal(file), 3, clock, Runnable::run, problems::add);
        return new Node(key, file, c, new AuditLog(store, clock, new NoRollbackUnitOfWork(), Optional.of(c)));
    }

    /** A and B append in turn, 12 entries in all; each signs every third entry it sees appended. */
    private List<Node> twoNodesAppending() {
        Node a = node("a", CheckpointKey.generate());
        Node b = node("b", CheckpointKey.generate());
        for (int i = 1; i <= 12; i++) (i % 2 == 0 ? b : a).log().append("event", "case:" + i, Map.of("n", i));
        return List.of(a, b);
    }

    @Test
    void everyNodeSignsItsOwnFileAndEveryNodesVerifyPasses() {
        List<Node> nodes = twoNodesAppending();
        for (Node n : nodes) {
            List<Checkpoint> lines = new CheckpointJournal(n.file()).read().checkpoints();
            assertThat(lines)
                    .isNotEmpty()
                    .allMatch(c -> c.publicKey().equals(n.key().publicKey()));
            AuditVerification v = n.log().verify();
            assertThat(v.valid()).as(v.problem()).isTrue();
            assertThat(v.checkpointsVerified()).isEqualTo(lines.size());
            Node other = nodes.get(nodes.indexOf(n) == 0 ? 1 : 0);
            assertThat(v.warnings())
                    .anySatisfy(w -> assertThat(w)
                            .contains("key " + other.key().fingerprint())
                            .contains("another node's"));
        }
        assertThat(store.checkpointMarks())
                .containsOnlyKeys(
                        nodes.get(0).key().fingerprint(), nodes.get(1).key().fingerprint());
        assertThat(problems).isEmpty();
    }

    @Test
    void aDeletedFileIsCaughtOnItsNodeAndOnlyThere() throws Exception {
        List<Node> nodes = twoNodesAppending();
        Files.delete(nodes.get(1).file());
        AuditVerification b = nodes.get(1).log().verify();
        assertThat(b.valid()).isFalse();
        assertThat(b.problem()).contains("is missing").contains("it was deleted");
        assertThat(nodes.get(0).log().verify().valid()).isTrue();
        // B refuses to sign afresh over the gap rather than hide it.
        nodes.get(1).log().append("event", "case:13", Map.of());
        nodes.get(1).checkpoints().checkpointNow();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("holds 0 checkpoints"));
    }

    @Test
    void anotherNodesMarkCatchesEntriesCutFromTheEnd() {
        Node a = node("a", CheckpointKey.generate());
        Node b = node("b", CheckpointKey.generate());
        for (int i = 1; i <= 3; i++) a.log().append("event", "case:" + i, Map.of());
        for (int i = 4; i <= 6; i++) b.log().append("event", "case:" + i, Map.of());
        b.checkpoints().checkpointNow(); // B's clean shutdown signs its newest entry
        assertThat(store.checkpointMark(a.key().fingerprint()))
                .map(AuditStore.CheckpointMark::seq)
                .contains(3L);
        assertThat(store.checkpointMark(b.key().fingerprint()))
                .map(AuditStore.CheckpointMark::seq)
                .contains(6L);
        store.entries.subList(4, 6).clear();
        store.head = new AuditStore.Head(4, store.entries.get(3).hash());
        AuditVerification v = a.log().verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.problem())
                .contains("the log ends at entry 4")
                .contains("key " + b.key().fingerprint())
                .contains("records entry 6");
    }

    @Test
    void theSingleMarkFromBeforeTheUpgradeIsAdoptedByTheFileThatHoldsIt() {
        CheckpointKey key = CheckpointKey.generate();
        Node before = node("a", key);
        for (int i = 1; i <= 6; i++) before.log().append("event", "case:" + i, Map.of());
        // What the V17 / PostgreSQL V6 migration leaves: the deployment's one mark under the unnamed journal.
        AuditStore.CheckpointMark legacy =
                store.checkpointMark(key.fingerprint()).orElseThrow();
        store.marks.clear();
        store.marks.put(AuditStore.LEGACY_JOURNAL, legacy);

        Node stranger = node("b", CheckpointKey.generate());
        assertThat(store.checkpointMark(stranger.key().fingerprint()))
                .as("a file that does not hold the old mark's checkpoint adopts nothing")
                .isEmpty();
        assertThat(stranger.log().verify().valid())
                .as("until a file adopts it, the old mark is everyone's, so a deleted file is still caught")
                .isFalse();

        Node after = node("a", key);
        assertThat(store.checkpointMark(key.fingerprint())).contains(legacy);
        AuditVerification v = after.log().verify();
        assertThat(v.valid()).as(v.problem()).isTrue();
        assertThat(v.checkpointsVerified()).isEqualTo(2);
    }
}
