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
     * The newest checkpoint written to the checkpoint file and how many lines the file then had,
     * recorded in the store so that a deleted or truncated checkpoint file is noticed.
     */
    record CheckpointMark(long seq, String hash, long count) {}

    /** Records {@code mark}; a mark older than the one recorded (lower seq or count) is refused. */
    void recordCheckpoint(CheckpointMark mark);

    Optional<CheckpointMark> checkpointMark();
}
