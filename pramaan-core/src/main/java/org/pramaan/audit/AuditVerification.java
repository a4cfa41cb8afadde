package org.pramaan.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Result of checking the chain.
 *
 * @param valid               whether every entry, the recorded head and every signed checkpoint checked out
 * @param entriesChecked      how many entries were read
 * @param badSeq              the first entry found wrong
 * @param problem             what was wrong with it, naming the entry (or "chain intact: …")
 * @param warnings            things an operator must see that do not by themselves break the chain:
 *                            append-only triggers restored at start-up, entries not yet anchored by a checkpoint
 * @param checkpointsVerified how many signed checkpoints matched the chain
 */
public record AuditVerification(
        boolean valid,
        long entriesChecked,
        Optional<Long> badSeq,
        String problem,
        List<String> warnings,
        long checkpointsVerified) {
    public AuditVerification {
        Objects.requireNonNull(badSeq, "badSeq");
        Objects.requireNonNull(problem, "problem");
        warnings = List.copyOf(warnings);
    }

    public AuditVerification(boolean valid, long entriesChecked, Optional<Long> badSeq, String problem) {
        this(valid, entriesChecked, badSeq, problem, List.of(), 0);
    }

    AuditVerification with(List<String> moreWarnings, long checkpoints) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return new AuditVerification(valid, entriesChecked, badSeq, problem, all, checkpoints);
    }
}
