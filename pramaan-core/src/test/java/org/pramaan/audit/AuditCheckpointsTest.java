package org.pramaan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testing.NoRollbackUnitOfWork;

/** Issue 11 defect 7: signed checkpoints outside the store catch a consistent rewrite of rows and head. */
class AuditCheckpointsTest {
    @TempDir
    Path dir;

    final AuditLogTest.ListStore store = new AuditLogTest.ListStore();
    final Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    final CheckpointKey key = CheckpointKey.generate();
    final List<String> problems = new ArrayList<>();
    AuditLog log;
    AuditCheckpoints checkpoints;
    Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve(CheckpointJournal.FILE_NAME);
        checkpoints =
                new AuditCheckpoints(store, key, new CheckpointJournal(file), 3, clock, Runnable::run, problems::add);
        log = new AuditLog(store, clock, new NoRollbackUnitOfWork(), java.util.Optional.of(checkpoints));
        for (int i = 1; i <= 7; i++) log.append("event", "case:" + i, Map.of("n", i));
    }

    private List<Checkpoint> lines() {
        return new CheckpointJournal(file).read().checkpoints();
    }

    /** Rewrites entry {@code from}'s details and re-chains everything after it, head included, as someone with the database could. */
    private void rewriteFrom(int from) {
        for (int i = from - 1; i < store.entries.size(); i++) {
            AuditEntry e = store.entries.get(i);
            String prev = i == 0 ? AuditEntry.GENESIS : store.entries.get(i - 1).hash();
            String details = i == from - 1 ? "{\"n\":\"forged\"}" : e.details();
            AuditEntry unsealed = new AuditEntry(e.seq(), e.at(), e.type(), e.subject(), details, prev, "");
            store.entries.set(
                    i, new AuditEntry(e.seq(), e.at(), e.type(), e.subject(), details, prev, unsealed.expectedHash()));
        }
        AuditEntry last = store.entries.get(store.entries.size() - 1);
        store.head = new AuditStore.Head(last.seq(), last.hash());
    }

    @Test
    void signsEveryIntervalAndOnDemandAndAllVerify() {
        assertThat(lines()).extracting(Checkpoint::seq).containsExactly(3L, 6L);
        assertThat(lines())
                .allMatch(CheckpointKey::verify)
                .allMatch(c -> c.publicKey().equals(key.publicKey()));
        AuditVerification v = log.verify();
        assertThat(v.valid()).as(v.problem()).isTrue();
        assertThat(v.checkpointsVerified()).isEqualTo(2);
        assertThat(v.warnings()).anySatisfy(w -> assertThat(w).contains("1 entries (7 to 7) are not yet anchored"));
        assertThat(checkpoints.checkpointNow()).map(Checkpoint::seq).contains(7L);
        assertThat(checkpoints.checkpointNow()).isEmpty();
        assertThat(log.verify().warnings()).isEmpty();
        assertThat(store.checkpointMark(key.fingerprint()))
                .contains(new AuditStore.CheckpointMark(7, store.entries.get(6).hash(), 3));
        assertThat(problems).isEmpty();
    }

    @Test
    void aConsistentRewriteOfRowsAndHeadIsCaughtByTheCheckpoint() {
        rewriteFrom(2);
        AuditLog unanchored = new AuditLog(store, clock, new NoRollbackUnitOfWork());
        assertThat(unanchored.verify().valid())
                .as("without checkpoints the rewrite is invisible")
                .isTrue();
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.badSeq()).contains(3L);
        assertThat(v.problem()).contains("entry 3").contains("rewritten");
    }

    @Test
    void cuttingTheTailPastACheckpointIsCaughtEvenWithAConsistentHead() {
        store.entries.subList(4, 7).clear();
        store.head = new AuditStore.Head(4, store.entries.get(3).hash());
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).contains("the log ends at entry 4").contains("names entry 6");
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrAlteredIsRefused() throws Exception {
        Checkpoint forged =
                CheckpointKey.generate().sign(7, store.entries.get(6).hash(), clock.instant());
        new CheckpointJournal(file).append(forged);
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).contains("not by this deployment's checkpoint key " + key.fingerprint());

        Files.writeString(file, Files.readString(file).replace(forged.toJsonLine() + "\n", ""));
        String first = Files.readAllLines(file).get(0);
        Checkpoint c = Checkpoint.parse(first);
        Files.writeString(
                file,
                Files.readString(file).replace(c.hash(), store.entries.get(1).hash()));
        assertThat(log.verify().problem()).contains("invalid signature");
    }

    @Test
    void aDeletedOrTruncatedCheckpointFileIsReported() throws Exception {
        List<String> all = Files.readAllLines(file);
        Files.write(file, all.subList(0, 1));
        AuditVerification truncated = log.verify();
        assertThat(truncated.valid()).isFalse();
        assertThat(truncated.problem()).contains("holds 1 checkpoints but the database records 2");
        Files.delete(file);
        AuditVerification deleted = log.verify();
        assertThat(deleted.valid()).isFalse();
        assertThat(deleted.problem()).contains("is missing").contains("records 2 checkpoints up to entry 6");
    }

    @Test
    void refusesToSignAChainThatNoLongerExtendsTheLastCheckpoint() {
        rewriteFrom(5);
        log.append("event", "case:8", Map.of());
        log.append("event", "case:9", Map.of());
        assertThat(lines()).extracting(Checkpoint::seq).containsExactly(3L, 6L);
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("checkpoint refused")
                .contains("entry 6 no longer has the hash its checkpoint signed");
    }

    /** A crash (SIGKILL, power loss) mid-write leaves a torn last line: reported, not a failure, and the next line starts fresh. */
    @Test
    void aTornLastLineIsAWarningAndTheNextCheckpointStartsOnANewLine() throws Exception {
        String whole = Files.readString(file);
        Files.writeString(file, whole + "{\"format\":\"pramaan-audit-che");
        AuditVerification v = log.verify();
        assertThat(v.valid()).as(v.problem()).isTrue();
        assertThat(v.warnings()).anySatisfy(w -> assertThat(w).contains("line 3 is incomplete"));
        assertThat(checkpoints.checkpointNow()).isPresent();
        assertThat(lines()).extracting(Checkpoint::seq).containsExactly(3L, 6L, 7L);
        assertThat(new CheckpointJournal(file).read().problems())
                .as("the torn fragment was cut off before appending")
                .isEmpty();
        assertThat(log.verify().valid()).isTrue();
        Files.writeString(file, whole + "{\"format\":\"pramaan-audit-che\n");
        assertThat(log.verify().valid())
                .as("a bad line in the middle is a failure")
                .isFalse();
    }

    @Test
    void neverSignsAfreshOverADeletedCheckpointFile() throws Exception {
        Files.delete(file);
        AuditCheckpoints reopened =
                new AuditCheckpoints(store, key, new CheckpointJournal(file), 3, clock, Runnable::run, problems::add);
        assertThat(reopened.checkpointNow()).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("holds 0 checkpoints")
                .contains("records 2 up to entry 6");
    }

    /** The documented limit: whoever holds the key (and the database and the file) can rewrite and re-sign everything. */
    @Test
    void aKeyHolderWhoRewritesAndResignsEverythingIsNotCaught() throws Exception {
        rewriteFrom(2);
        Files.delete(file);
        store.marks.clear();
        AuditCheckpoints resigned =
                new AuditCheckpoints(store, key, new CheckpointJournal(file), 3, clock, Runnable::run, problems::add);
        resigned.checkpointNow();
        assertThat(log.verify().valid()).isTrue();
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReloadsTheSamePair() throws Exception {
        Path f = dir.resolve("keys/checkpoint.key");
        CheckpointKey.Loaded created = CheckpointKey.loadOrCreate(f);
        assertThat(created.created()).isTrue();
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(f))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        CheckpointKey.Loaded again = CheckpointKey.loadOrCreate(f);
        assertThat(again.created()).isFalse();
        assertThat(again.key().publicKey()).isEqualTo(created.key().publicKey());
        Checkpoint c = again.key().sign(1, AuditEntry.GENESIS, clock.instant());
        assertThat(CheckpointKey.verify(c)).isTrue();
    }

    @Test
    void anInvalidOrMismatchedKeyFileIsRefusedNamingTheFile() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "not a key");
        assertThatThrownBy(() -> CheckpointKey.loadOrCreate(garbage))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("garbage.key")
                .hasMessageContaining("not an Ed25519 key pair");
        String a = CheckpointKey.generate().toPem(),
                b = CheckpointKey.generate().toPem();
        String mixed =
                a.substring(0, a.indexOf("-----BEGIN PUBLIC KEY")) + b.substring(b.indexOf("-----BEGIN PUBLIC KEY"));
        Path mismatched = Files.writeString(dir.resolve("mixed.key"), mixed);
        assertThatThrownBy(() -> CheckpointKey.load(mismatched))
                .hasMessageContaining("does not belong to its private key");
    }

    @Test
    void hostileCheckpointLinesAreRefusedNamingTheField() {
        String ok = lines().get(0).toJsonLine();
        assertThatThrownBy(() -> Checkpoint.parse("x".repeat(5000))).hasMessageContaining("longer than 4096");
        assertThatThrownBy(() -> Checkpoint.parse(ok.replace("\"seq\":3", "\"seq\":3.5")))
                .hasMessageContaining("'seq'");
        assertThatThrownBy(() -> Checkpoint.parse(ok.replace("\"seq\":3", "\"seq\":-3")))
                .hasMessageContaining("'seq'");
        assertThatThrownBy(() -> Checkpoint.parse(ok.replace(lines().get(0).hash(), "ZZ")))
                .hasMessageContaining("'hash'");
        assertThatThrownBy(() -> Checkpoint.parse("[1]")).hasMessageContaining("not a JSON object");
        assertThat(Checkpoint.parse(ok)).isEqualTo(lines().get(0));
    }
    /**
     * Another thread's append committing while the checkpoint walks the chain: the store's head has
     * then moved past the entry being signed. {@code pramaan bench notices} logged dozens of "the
     * recorded head is not entry N" for exactly this, a false alarm, so the walk here appends from
     * inside {@code forEachAfter}, deterministically.
     */
    @Test
    void appendsCommittedWhileTheCheckpointWalksAreNoTruncatedTail() {
        appendDirectly(8);
        RacingStore racing = new RacingStore(store, () -> {
            appendDirectly(9);
            appendDirectly(10);
        });
        AuditCheckpoints concurrent =
                new AuditCheckpoints(racing, key, new CheckpointJournal(file), 3, clock, Runnable::run, problems::add);
        assertThat(concurrent.checkpointNow()).map(Checkpoint::seq).contains(8L);
        assertThat(racing.raced).as("the append ran inside the walk").isTrue();
        assertThat(problems).isEmpty();
        assertThat(lines()).extracting(Checkpoint::seq).containsExactly(3L, 6L, 8L);
        assertThat(concurrent.checkpointNow())
                .as("the entries appended meanwhile are signed next")
                .map(Checkpoint::seq)
                .contains(10L);
        assertThat(log.verify().valid()).isTrue();
    }

    /** What the recorded head is there for: entries cut from the end while the head still names the old last entry. */
    @Test
    void aTailCutBehindTheRecordedHeadIsStillRefused() {
        appendDirectly(8);
        appendDirectly(9);
        store.entries.remove(store.entries.size() - 1);
        assertThat(store.head.seq()).isEqualTo(9);
        assertThat(checkpoints.checkpointNow()).isEmpty();
        assertThat(lines()).extracting(Checkpoint::seq).containsExactly(3L, 6L);
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("checkpoint refused")
                .contains("the recorded head is entry 9")
                .contains("the log ends at entry 8");
    }

    /** A head that names an entry other than the one stored under its seq is refused too. */
    @Test
    void aRecordedHeadWithAnotherHashIsRefused() {
        appendDirectly(8);
        store.head = new AuditStore.Head(8, store.entries.get(1).hash());
        assertThat(checkpoints.checkpointNow()).isEmpty();
        assertThat(problems)
                .singleElement()
                .asString()
                .contains("checkpoint refused")
                .contains("the recorded head is not entry 8");
    }

    /** Appends entry {@code seq} to the store alone, as another thread whose after-commit hook has not run yet. */
    private void appendDirectly(long seq) {
        AuditEntry prev = store.entries.get(store.entries.size() - 1);
        assertThat(prev.seq()).isEqualTo(seq - 1);
        store.append(AuditEntry.seal(seq, clock.instant(), "event", "case:" + seq, "{}", prev.hash()));
    }

    /** Delegates to a list store and runs {@code append} once from inside the first walk. */
    static final class RacingStore implements AuditStore {
        private final AuditStore inner;
        private final Runnable append;
        boolean raced;

        RacingStore(AuditStore inner, Runnable append) {
            this.inner = inner;
            this.append = append;
        }

        @Override
        public void append(AuditEntry e) {
            inner.append(e);
        }

        @Override
        public Optional<AuditEntry> last() {
            return inner.last();
        }

        @Override
        public Optional<Head> recordedHead() {
            return inner.recordedHead();
        }

        @Override
        public void forEach(Consumer<AuditEntry> v) {
            inner.forEach(v);
        }

        @Override
        public List<AuditEntry> bySubject(String s) {
            return inner.bySubject(s);
        }

        @Override
        public void recordCheckpoint(String journal, CheckpointMark mark) {
            inner.recordCheckpoint(journal, mark);
        }

        @Override
        public Optional<CheckpointMark> checkpointMark(String journal) {
            return inner.checkpointMark(journal);
        }

        @Override
        public java.util.Map<String, CheckpointMark> checkpointMarks() {
            return inner.checkpointMarks();
        }

        @Override
        public void forEachAfter(long after, Consumer<AuditEntry> v) {
            List<AuditEntry> seen = new ArrayList<>();
            inner.forEachAfter(after, seen::add);
            if (!raced) {
                raced = true;
                append.run();
            }
            seen.forEach(v);
        }
    }
}
