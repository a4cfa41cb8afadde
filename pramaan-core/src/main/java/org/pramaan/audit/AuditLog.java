package org.pramaan.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.json.Json;

/** Appends hash-chained entries and verifies the chain. One instance per store: it serialises appends. */
public final class AuditLog {
    private final AuditStore store;
    private final Clock clock;
    private final org.pramaan.tx.UnitOfWork unit;

    public AuditLog(AuditStore store, Clock clock) { this(store, clock, org.pramaan.tx.UnitOfWork.none()); }

    /**
     * @param unit the store's unit of work: appends take the store's lock before this log's monitor,
     *             the same order as callers that append inside their own unit, so they cannot deadlock
     */
    public AuditLog(AuditStore store, Clock clock, org.pramaan.tx.UnitOfWork unit) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    public AuditEntry append(String type, String subject, Map<String, ?> details) {
        return unit.run(() -> appendNow(type, subject, details));
    }

    private synchronized AuditEntry appendNow(String type, String subject, Map<String, ?> details) {
        Optional<AuditEntry> last = store.last();
        long seq = last.map(e -> e.seq() + 1).orElse(1L);
        String prev = last.map(AuditEntry::hash).orElse(AuditEntry.GENESIS);
        AuditEntry e = AuditEntry.seal(seq, clock.instant(), type, subject, Json.write(details), prev);
        store.append(e);
        return e;
    }

    /**
     * The unit of work this log appends in. A use case that changes state and appends its entry
     * runs both in it, so a crash or a failed append keeps neither (DEV-GUIDELINES 7).
     */
    public org.pramaan.tx.UnitOfWork unitOfWork() { return unit; }

    public List<AuditEntry> forSubject(String subject) { return store.bySubject(subject); }

    /** Every entry in order (bounded memory in the store's paging). */
    public void forEach(java.util.function.Consumer<AuditEntry> visitor) { store.forEach(visitor); }

    /**
     * Walks the chain from the first entry. An edit shows as a hash mismatch, a deletion as a gap in
     * seq or a broken link, a reorder as a broken link; the problem names the entry.
     */
    public AuditVerification verify() {
        var state = new Object() {
            long count;
            long expectedSeq = 1;
            String prevHash = AuditEntry.GENESIS;
            AuditVerification failure;
        };
        store.forEach(e -> {
            if (state.failure != null) return;
            state.count++;
            String problem = null;
            if (e.seq() != state.expectedSeq) {
                problem = "entry " + e.seq() + " (" + e.type() + ") follows entry " + (state.expectedSeq - 1) + ": entries are missing or reordered";
            } else if (!e.prevHash().equals(state.prevHash)) {
                problem = "entry " + e.seq() + " (" + e.type() + ") does not link to the entry before it: an entry was deleted, replaced or reordered";
            } else if (!e.hash().equals(e.expectedHash())) {
                problem = "entry " + e.seq() + " (" + e.type() + ", subject " + e.subject() + ") was edited: its contents no longer match its hash";
            }
            if (problem != null) {
                state.failure = new AuditVerification(false, state.count, Optional.of(e.seq()), problem);
                return;
            }
            state.expectedSeq++;
            state.prevHash = e.hash();
        });
        if (state.failure != null) return state.failure;
        Optional<AuditStore.Head> head = store.recordedHead();
        if (head.isPresent() && (head.get().seq() != state.expectedSeq - 1 || !head.get().hash().equals(state.prevHash))) {
            return new AuditVerification(false, state.count, Optional.of(state.expectedSeq),
                    "the log ends at entry " + (state.expectedSeq - 1) + " but entry " + head.get().seq()
                            + " was recorded as the newest: entries at the end were deleted or replaced");
        }
        return new AuditVerification(true, state.count, Optional.empty(), "chain intact: " + state.count + " entries");
    }

    /** For callers that build details incrementally. */
    public static Map<String, Object> details(Object... keyValues) {
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("details need key/value pairs");
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
