package org.pramaan.backscan;

/**
 * A job's progress, committed with each batch.
 *
 * @param total   items in the source when the job started (a folder that grows later is not chased)
 * @param done    items with a committed result (clean, matched or error)
 * @param matched items that matched an acting bank item
 * @param errors  items that could not be read, decoded or hashed (each result says why)
 * @param reviews matched items sent to review
 * @param cases   cases opened for matched items
 */
public record ScanCounts(long total, long done, long matched, long errors, long reviews, long cases) {
    public static ScanCounts of(long total) {
        return new ScanCounts(total, 0, 0, 0, 0, 0);
    }

    public ScanCounts {
        if (total < 0 || done < 0 || matched < 0 || errors < 0 || reviews < 0 || cases < 0)
            throw new IllegalArgumentException("scan counts cannot be negative");
    }

    /** One more result of this outcome, with the action taken on it. */
    ScanCounts plus(ScanResult.Outcome outcome, ScanResult.Action action) {
        return new ScanCounts(
                total,
                done + 1,
                matched + (outcome == ScanResult.Outcome.MATCHED ? 1 : 0),
                errors + (outcome == ScanResult.Outcome.ERROR ? 1 : 0),
                reviews + (action == ScanResult.Action.REVIEW ? 1 : 0),
                cases + (action == ScanResult.Action.CASE ? 1 : 0));
    }
}
