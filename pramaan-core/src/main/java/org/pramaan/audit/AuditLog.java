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
    /** Written after appends that committed; checked by {@link #verify()}. */
    private final Optional<AuditCheckpoints> checkpoints;

    /** The entry type the store's start-up check appends when it had to recreate append-only triggers. */
    public static final String TRIGGERS_RESTORED = "audit.triggers_restored";
    /** The entry type appended when, at an append, the recorded head did not match the newest entry. */
    public static final String HEAD_MISMATCH = "audit.head_mismatch";

    /** A log whose chain is not anchored by signed checkpoints. */
    public AuditLog(AuditStore store, Clock clock, org.pramaan.tx.UnitOfWork unit) {
        this(store, clock, unit, Optional.empty());
    }

    /**
     * @param unit        the store's unit of work: appends take the store's lock before this log's monitor,
     *                    the same order as callers that append inside their own unit, so they cannot deadlock.
     *                    Required: every use case runs its change and its entry in it (DEV-GUIDELINES 7)
     * @param checkpoints anchors the chain with signed checkpoints (see {@link AuditCheckpoints}); they read
     *                    the {@link AuditStore}, not this log, so they are built first and handed in
     */
    public AuditLog(
            AuditStore store, Clock clock, org.pramaan.tx.UnitOfWork unit, Optional<AuditCheckpoints> checkpoints) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    public AuditEntry append(String type, String subject, Map<String, ?> details) {
        return unit.run(() -> {
            AuditEntry e = appendNow(type, subject, details);
            // Only a committed entry may be signed: a rolled-back unit drops the hook with the entry.
            checkpoints.ifPresent(c -> unit.afterCommit(c::afterAppend));
            return e;
        });
    }

    public Optional<AuditCheckpoints> checkpoints() {
        return checkpoints;
    }

    private synchronized AuditEntry appendNow(String type, String subject, Map<String, ?> details) {
        Optional<AuditEntry> last = store.last();
        Optional<AuditStore.Head> head = store.recordedHead();
        Optional<AuditStore.Head> expected = last.map(e -> new AuditStore.Head(e.seq(), e.hash()));
        if (!head.equals(expected)) {
            // The next append would write a new head and so erase the only trace of a cut-off tail (or of a
            // deleted head): record the discrepancy in the chain first, where verify() reports it for good.
            last = Optional.of(sealAndStore(
                    last,
                    HEAD_MISMATCH,
                    "audit:head",
                    details(
                            "recordedHead",
                                    head.map(h -> h.seq() + ":" + h.hash()).orElse("none"),
                            "lastEntry",
                                    expected.map(h -> h.seq() + ":" + h.hash()).orElse("none"))));
        }
        return sealAndStore(last, type, subject, details);
    }

    private AuditEntry sealAndStore(Optional<AuditEntry> last, String type, String subject, Map<String, ?> details) {
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
    public org.pramaan.tx.UnitOfWork unitOfWork() {
        return unit;
    }

    public List<AuditEntry> forSubject(String subject) {
        return store.bySubject(subject);
    }

    /** Every entry in order (bounded memory in the store's paging). */
    public void forEach(java.util.function.Consumer<AuditEntry> visitor) {
        store.forEach(visitor);
    }

    /**
     * Walks the chain from the first entry. An edit shows as a hash mismatch, a deletion as a gap in
     * seq or a broken link, a reorder as a broken link; the problem names the entry. Once the log has
     * entries the recorded head is mandatory: without it, deleting the last entries together with the
     * head row would leave a shorter chain that looks whole. With checkpoints, every signed checkpoint
     * must verify under this deployment's key and name an entry the chain still has, with that hash.
     */
    public AuditVerification verify() {
        Optional<CheckpointVerifier> anchors = checkpoints.map(AuditCheckpoints::verifier);
        List<String> warnings = new java.util.ArrayList<>();
        var state = new Object() {
            long count;
            long expectedSeq = 1;
            String prevHash = AuditEntry.GENESIS;
            AuditVerification failure;
            AuditVerification headMismatch;
        };
        store.forEach(e -> {
            if (state.failure != null) return;
            state.count++;
            String problem = null;
            if (e.seq() != state.expectedSeq) {
                problem = "entry " + e.seq() + " (" + e.type() + ") follows entry " + (state.expectedSeq - 1)
                        + ": entries are missing or reordered";
            } else if (!e.prevHash().equals(state.prevHash)) {
                problem = "entry " + e.seq() + " (" + e.type()
                        + ") does not link to the entry before it: an entry was deleted, replaced or reordered";
            } else if (!e.hash().equals(e.expectedHash())) {
                problem = "entry " + e.seq() + " (" + e.type() + ", subject " + e.subject()
                        + ") was edited: its contents no longer match its hash";
            }
            if (problem != null) {
                state.failure = new AuditVerification(false, state.count, Optional.of(e.seq()), problem);
                return;
            }
            if (HEAD_MISMATCH.equals(e.type()) && state.headMismatch == null) {
                state.headMismatch = new AuditVerification(
                        false,
                        0,
                        Optional.of(e.seq()),
                        "entry " + e.seq() + " (" + e.at()
                                + ") records that the recorded head did not match the newest entry when it was appended "
                                + e.details()
                                + ": entries at the end or the head row had been deleted or replaced before it");
            }
            if (TRIGGERS_RESTORED.equals(e.type())) {
                warnings.add("entry " + e.seq() + " (" + e.at()
                        + "): append-only triggers were missing or altered and were restored: " + e.details());
            }
            anchors.ifPresent(a -> a.visit(e));
            state.expectedSeq++;
            state.prevHash = e.hash();
        });
        long verified = anchors.map(a -> a.verified).orElse(0L);
        if (state.failure != null) return state.failure.with(warnings, verified);
        long lastSeq = state.expectedSeq - 1;
        if (state.headMismatch != null) {
            return new AuditVerification(
                    false, state.count, state.headMismatch.badSeq(), state.headMismatch.problem(), warnings, verified);
        }
        Optional<AuditStore.Head> head = store.recordedHead();
        if (head.isEmpty() && state.count > 0) {
            return new AuditVerification(
                    false,
                    state.count,
                    Optional.of(lastSeq),
                    "the log has " + state.count
                            + " entries but no recorded head: the head row was deleted, so entries at the end may have been cut off",
                    warnings,
                    verified);
        }
        if (head.isPresent()
                && (head.get().seq() != lastSeq || !head.get().hash().equals(state.prevHash))) {
            return new AuditVerification(
                    false,
                    state.count,
                    Optional.of(state.expectedSeq),
                    "the log ends at entry " + lastSeq + " but entry "
                            + head.get().seq()
                            + " was recorded as the newest: entries at the end were deleted or replaced",
                    warnings,
                    verified);
        }
        if (anchors.isPresent()) {
            CheckpointVerifier a = anchors.get();
            a.finish(lastSeq);
            warnings.addAll(a.warnings);
            if (!a.failures.isEmpty()) {
                return new AuditVerification(
                        false, state.count, a.firstBad, String.join("; ", a.failures), warnings, a.verified);
            }
        }
        return new AuditVerification(
                true,
                state.count,
                Optional.empty(),
                "chain intact: " + state.count + " entries"
                        + (anchors.isPresent() ? ", " + verified + " signed checkpoints match" : ""),
                warnings,
                verified);
    }

    /** For callers that build details incrementally. */
    public static Map<String, Object> details(Object... keyValues) {
        if (keyValues.length % 2 != 0) throw new IllegalArgumentException("details need key/value pairs");
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
