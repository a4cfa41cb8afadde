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

    /** Entries whose subject equals {@code subject}, in order. */
    java.util.List<AuditEntry> bySubject(String subject);
}
