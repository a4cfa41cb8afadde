package org.pramaan.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the checkpoint file against the chain while {@link AuditLog#verify()} walks it: every line
 * signed by this deployment's key and valid, none missing against the count the database records,
 * and every signed entry still the entry the chain holds (docs/audit.md).
 */
final class CheckpointVerifier {

    final List<String> failures = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    Optional<Long> firstBad = Optional.empty();
    long verified;
    private final Map<Long, List<Checkpoint>> bySeq = new HashMap<>();
    private final CheckpointJournal.Contents contents;
    private long newest;
    private Instant newestAt;

    /** Other nodes' marks (their files are on their machines): each still has to name an entry the chain holds. */
    private final Map<Long, List<Map.Entry<String, AuditStore.CheckpointMark>>> others = new HashMap<>();

    /**
     * @param mark this file's mark in the store ({@link AuditCheckpoints#mark()}); the other journals' marks are
     *             read from {@code store}
     */
    CheckpointVerifier(
            AuditStore store, CheckpointKey key, CheckpointJournal journal, Optional<AuditStore.CheckpointMark> mark) {
        this.contents = journal.read();
        String file = journal.file().toString();
        Map<String, AuditStore.CheckpointMark> marks = store.checkpointMarks();
        // The unnamed mark from before one file per node counts as this file's while no file has adopted it.
        boolean legacyIsOwn = !marks.containsKey(key.fingerprint()) && mark.isPresent();
        marks.forEach((id, m) -> {
            if (id.equals(key.fingerprint()) || (legacyIsOwn && id.equals(AuditStore.LEGACY_JOURNAL))) return;
            others.computeIfAbsent(m.seq(), k -> new ArrayList<>()).add(Map.entry(id, m));
            warnings.add("checkpoint file of key " + (id.isEmpty() ? "(unnamed, from before one file per node)" : id)
                    + " records " + m.count() + " checkpoints up to entry " + m.seq()
                    + ": it is another node's; run audit verify on that node to check its signatures");
        });
        if (!contents.exists() && mark.isPresent()) {
            fail(
                    mark.get().seq(),
                    "the checkpoint file " + file + " is missing, but the database records "
                            + mark.get().count() + " checkpoints up to entry "
                            + mark.get().seq() + ": it was deleted");
        }
        contents.problems().forEach(p -> fail(-1, p));
        warnings.addAll(contents.warnings());
        int line = 0;
        for (Checkpoint c : contents.checkpoints()) {
            line++;
            if (!c.publicKey().equals(key.publicKey())) {
                fail(
                        c.seq(),
                        "checkpoint " + line + " (entry " + c.seq() + ") is signed by key "
                                + CheckpointKey.fingerprint(c.publicKey())
                                + ", not by this deployment's checkpoint key " + key.fingerprint());
            } else if (!CheckpointKey.verify(c)) {
                fail(
                        c.seq(),
                        "checkpoint " + line + " (entry " + c.seq() + ", " + c.at()
                                + ") has an invalid signature: the line was forged or altered");
            } else {
                bySeq.computeIfAbsent(c.seq(), k -> new ArrayList<>()).add(c);
                if (c.seq() >= newest) {
                    newest = c.seq();
                    newestAt = c.at();
                }
            }
        }
        if (mark.isPresent() && contents.exists()) {
            AuditStore.CheckpointMark m = mark.get();
            if (contents.checkpoints().size() + contents.problems().size() < m.count()) {
                fail(
                        m.seq(),
                        "the checkpoint file " + file + " holds "
                                + contents.checkpoints().size() + " checkpoints but the database records "
                                + m.count() + " written: it was truncated or lines were removed");
            }
            boolean found = contents.checkpoints().stream()
                    .anyMatch(c -> c.seq() == m.seq() && c.hash().equals(m.hash()));
            if (!found)
                fail(
                        m.seq(),
                        "the checkpoint file has no checkpoint for entry " + m.seq()
                                + ", the newest the database records: it was truncated or replaced");
        }
    }

    private void fail(long seq, String problem) {
        failures.add(problem);
        if (firstBad.isEmpty() && seq > 0) firstBad = Optional.of(seq);
    }

    void visit(AuditEntry e) {
        for (Map.Entry<String, AuditStore.CheckpointMark> o : others.getOrDefault(e.seq(), List.of())) {
            if (!o.getValue().hash().equals(e.hash()))
                fail(
                        e.seq(),
                        "entry " + e.seq() + " (" + e.type() + ") is not the entry the checkpoint file of key "
                                + o.getKey() + " records as signed: the chain up to it was rewritten");
        }
        List<Checkpoint> cs = bySeq.get(e.seq());
        if (cs == null) return;
        for (Checkpoint c : cs) {
            if (c.hash().equals(e.hash())) {
                verified++;
            } else {
                fail(
                        e.seq(),
                        "entry " + e.seq() + " (" + e.type() + ") is not the entry the checkpoint signed at " + c.at()
                                + " names: the chain up to it was rewritten");
            }
        }
    }

    void finish(long lastSeq) {
        others.forEach((seq, marks) -> {
            if (seq > lastSeq)
                fail(
                        lastSeq + 1,
                        "the log ends at entry " + lastSeq + " but the checkpoint file of key "
                                + marks.get(0).getKey() + " records entry " + seq
                                + " as signed: entries at the end were deleted");
        });
        bySeq.forEach((seq, cs) -> {
            if (seq > lastSeq) {
                fail(
                        lastSeq + 1,
                        "the log ends at entry " + lastSeq + " but the checkpoint signed at "
                                + cs.get(0).at() + " names entry " + seq + ": entries at the end were deleted");
            }
        });
        if (lastSeq > newest) {
            warnings.add((lastSeq - newest) + " entries (" + (newest + 1) + " to " + lastSeq
                    + ") are not yet anchored by a signed checkpoint"
                    + (newestAt == null
                            ? " (no checkpoint yet)"
                            : "; the newest checkpoint is for entry " + newest + " at " + newestAt));
        }
    }
}
