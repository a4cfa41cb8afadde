package org.pramaan.testkit.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.pramaan.audit.AuditEntry;
import org.pramaan.audit.AuditStore;

final class MemoryAuditStore implements AuditStore {
    private final MemoryStore store;

    MemoryAuditStore(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void append(AuditEntry e) {
        Objects.requireNonNull(e, "entry");
        store.locked(t -> {
            long last = t.audit.isEmpty() ? 0 : t.audit.get(t.audit.size() - 1).seq();
            if (e.seq() != last + 1)
                throw new IllegalStateException("audit entry " + e.seq() + " does not follow entry " + last);
            t.audit.add(e);
            t.auditHead = Optional.of(new Head(e.seq(), e.hash()));
            return null;
        });
    }

    @Override
    public Optional<AuditEntry> last() {
        return store.locked(
                t -> t.audit.isEmpty() ? Optional.<AuditEntry>empty() : Optional.of(t.audit.get(t.audit.size() - 1)));
    }

    @Override
    public Optional<Head> recordedHead() {
        return store.locked(t -> t.auditHead);
    }

    @Override
    public void forEach(Consumer<AuditEntry> visitor) {
        forEachAfter(0, visitor);
    }

    @Override
    public void forEachAfter(long afterSeq, Consumer<AuditEntry> visitor) {
        // A copy taken under the lock, visited outside it, so a visitor may append or read without deadlock.
        List<AuditEntry> entries = store.locked(
                t -> t.audit.stream().filter(e -> e.seq() > afterSeq).toList());
        entries.forEach(visitor);
    }

    @Override
    public List<AuditEntry> bySubject(String subject) {
        return store.locked(
                t -> t.audit.stream().filter(e -> e.subject().equals(subject)).toList());
    }

    @Override
    public void recordCheckpoint(String journal, CheckpointMark m) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(m, "mark");
        store.locked(t -> {
            CheckpointMark now = t.checkpointMarks.get(journal);
            if (now != null && (m.seq() < now.seq() || m.count() < now.count())) {
                throw new IllegalStateException("checkpoint mark of journal '" + journal + "' for entry " + m.seq()
                        + " (" + m.count() + " written) is older than the recorded one for entry " + now.seq() + " ("
                        + now.count() + ")");
            }
            t.checkpointMarks.put(journal, m);
            return null;
        });
    }

    @Override
    public Optional<CheckpointMark> checkpointMark(String journal) {
        return store.locked(t -> Optional.ofNullable(t.checkpointMarks.get(journal)));
    }

    @Override
    public java.util.Map<String, CheckpointMark> checkpointMarks() {
        return store.locked(t -> java.util.Map.copyOf(t.checkpointMarks));
    }
}
