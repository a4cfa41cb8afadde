package org.pramaan.audit;

import java.util.Optional;
import java.util.function.Consumer;

/** Port: durable storage of audit entries. Appends are serialised by {@link AuditLog}. */
public interface AuditStore {
    /** Appends an entry atomically; fails if its seq is not last + 1. */
    void append(AuditEntry entry);

    Optional<AuditEntry> last();

    /**
     * The newest entry's seq and hash as recorded at append time, kept apart from the entries, so
     * that deleting entries from the end of the log is also detected.
     */
    Optional<Head> recordedHead();

    record Head(long seq, String hash) {}

    /** Visits every entry in storage order (ascending seq). */
    void forEach(Consumer<AuditEntry> visitor);

    /** Visits the entries with seq greater than {@code afterSeq}, in ascending seq (bounded memory for long logs). */
    void forEachAfter(long afterSeq, Consumer<AuditEntry> visitor);

    /** Entries whose subject equals {@code subject}, in order. */
    java.util.List<AuditEntry> bySubject(String subject);

    /**
     * The newest checkpoint written to one checkpoint file and how many lines the file then had,
     * recorded in the store so that a deleted or truncated checkpoint file is noticed.
     */
    record CheckpointMark(long seq, String hash, long count) {}

    /**
     * The journal of marks recorded before they were kept per journal (one file per deployment, issue 11);
     * {@link AuditCheckpoints} adopts it as its own on the first start after the upgrade.
     */
    String LEGACY_JOURNAL = "";

    /**
     * Records {@code mark} for {@code journal}, the checkpoint file of one node (named by the fingerprint of the key
     * that signs it: several nodes share one store but each keeps its own file, issue 15). A mark older than the one
     * recorded for that journal (lower seq or count) is refused; other journals' marks are untouched.
     */
    void recordCheckpoint(String journal, CheckpointMark mark);

    Optional<CheckpointMark> checkpointMark(String journal);

    /** Every journal's mark, by journal. */
    java.util.Map<String, CheckpointMark> checkpointMarks();
}
