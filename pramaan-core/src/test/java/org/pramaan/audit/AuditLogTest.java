package org.pramaan.audit;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.pramaan.testing.NoRollbackUnitOfWork;

class AuditLogTest {
    /** A list-backed store whose entries a test can tamper with, as someone with the database file could. */
    static final class ListStore implements AuditStore {
        final List<AuditEntry> entries = new ArrayList<>();
        Head head;

        @Override
        public void append(AuditEntry e) {
            entries.add(e);
            head = new Head(e.seq(), e.hash());
        }

        @Override
        public Optional<AuditEntry> last() {
            return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
        }

        @Override
        public Optional<Head> recordedHead() {
            return Optional.ofNullable(head);
        }

        @Override
        public void forEach(Consumer<AuditEntry> v) {
            entries.forEach(v);
        }

        @Override
        public List<AuditEntry> bySubject(String s) {
            return entries.stream().filter(e -> e.subject().equals(s)).toList();
        }

        @Override
        public void forEachAfter(long after, Consumer<AuditEntry> v) {
            entries.stream().filter(e -> e.seq() > after).forEach(v);
        }

        final java.util.Map<String, CheckpointMark> marks = new java.util.TreeMap<>();

        @Override
        public void recordCheckpoint(String journal, CheckpointMark m) {
            marks.put(journal, m);
        }

        @Override
        public Optional<CheckpointMark> checkpointMark(String journal) {
            return Optional.ofNullable(marks.get(journal));
        }

        @Override
        public java.util.Map<String, CheckpointMark> checkpointMarks() {
            return java.util.Map.copyOf(marks);
        }
    }

    private final ListStore store = new ListStore();
    private final AuditLog log = new AuditLog(
            store, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC), new NoRollbackUnitOfWork());

    @BeforeEach
    void fill() {
        for (int i = 1; i <= 5; i++) log.append("event", "case:" + i, Map.of("n", i));
    }

    private static AuditEntry edited(AuditEntry e, String details) {
        return new AuditEntry(e.seq(), e.at(), e.type(), e.subject(), details, e.prevHash(), e.hash());
    }

    @Test
    void anIntactChainVerifies() {
        AuditVerification v = log.verify();
        assertThat(v.valid()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
    }

    @Test
    void anEditedEntryIsNamed() {
        store.entries.set(2, edited(store.entries.get(2), "{\"n\":99}"));
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.badSeq()).contains(3L);
        assertThat(v.problem()).contains("entry 3").contains("edited");
    }

    @Test
    void anEditWithARecomputedHashBreaksTheNextLink() {
        AuditEntry e = store.entries.get(1);
        store.entries.set(1, AuditEntry.seal(e.seq(), e.at(), e.type(), e.subject(), "{\"n\":42}", e.prevHash()));
        assertThat(log.verify().badSeq()).contains(3L);
    }

    @Test
    void aDeletedEntryIsFound() {
        store.entries.remove(1);
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).contains("entry 3").contains("missing");
    }

    @Test
    void reorderedEntriesAreFound() {
        AuditEntry a = store.entries.get(1), b = store.entries.get(2);
        store.entries.set(1, new AuditEntry(2, b.at(), b.type(), b.subject(), b.details(), b.prevHash(), b.hash()));
        store.entries.set(2, new AuditEntry(3, a.at(), a.type(), a.subject(), a.details(), a.prevHash(), a.hash()));
        assertThat(log.verify().valid()).isFalse();
    }

    @Test
    void truncatingTheEndIsFoundThroughTheRecordedHead() {
        store.entries.remove(4);
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).contains("entry 5 was recorded as the newest");
    }

    /** Issue 11 defect 7: deleting the tail and the head row together used to verify as intact. */
    @Test
    void cuttingTheTailAndDeletingTheHeadIsFound() {
        store.entries.remove(4);
        store.entries.remove(3);
        store.head = null;
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).contains("no recorded head").contains("3 entries");
    }

    @Test
    void aHeadThatOutlivesEveryEntryIsFound() {
        store.entries.clear();
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.problem()).contains("entry 5 was recorded as the newest");
    }

    @Test
    void anEmptyLogWithoutHeadIsIntact() {
        ListStore empty = new ListStore();
        assertThat(new AuditLog(empty, Clock.systemUTC(), new NoRollbackUnitOfWork())
                        .verify()
                        .valid())
                .isTrue();
    }

    /** An append after the tail and head were deleted must not write a fresh head over the evidence. */
    @Test
    void anAppendAfterTheTailAndHeadWereCutRecordsItInTheChain() {
        store.entries.remove(4);
        store.entries.remove(3);
        store.head = null;
        log.append("event", "case:6", Map.of());
        assertThat(store.entries).extracting(AuditEntry::type).containsSubsequence(AuditLog.HEAD_MISMATCH, "event");
        AuditVerification v = log.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.badSeq()).contains(4L);
        assertThat(v.problem())
                .contains("entry 4")
                .contains("recordedHead\":\"none")
                .contains("head row had been deleted");
    }

    @Test
    void anIntactLogAppendsNoMismatchEntry() {
        log.append("event", "case:6", Map.of());
        assertThat(store.entries).extracting(AuditEntry::type).doesNotContain(AuditLog.HEAD_MISMATCH);
    }
}
