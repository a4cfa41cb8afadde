package org.pramaan.backscan;

import java.util.List;
import java.util.Optional;

/**
 * Port: scan jobs and their per-item results. Every adapter passes {@code ScanJobRepositoryContract}
 * in the testkit and joins its store's unit of work, so a batch's results and the job's new
 * checkpoint commit together or not at all.
 */
public interface ScanJobRepository {
    /** Stores a new job; a job with the same id already stored is an {@link IllegalStateException}. */
    void insert(ScanJob job);

    /** Replaces a stored job; an unknown id is an {@link IllegalStateException}. */
    void save(ScanJob job);

    Optional<ScanJob> find(String id);

    /** The newest {@code limit} jobs, newest first. */
    List<ScanJob> recent(int limit);

    /** Every job in {@code state}, oldest first (a restarted server resumes its RUNNING jobs). */
    List<ScanJob> inState(ScanState state);

    /**
     * Stores the result unless one for the same job and item key is stored already.
     *
     * @return whether it was stored (false: an earlier run recorded this item; nothing changed)
     */
    boolean addResult(ScanResult result);

    /** Whether a result for this job and item is stored. */
    boolean hasResult(String jobId, String itemKey);

    /** Results of a job in item-key order after {@code afterKey} (empty string: from the start), at most {@code limit}. */
    List<ScanResult> results(String jobId, String afterKey, int limit);

    /** How many results the job has. */
    long resultCount(String jobId);

    /**
     * Takes or renews the job's lease for {@code node} until {@code until}: granted when no node holds
     * it, when its holder's lease ended before {@code now}, or when {@code node} holds it already. Kept
     * apart from the job record, so saving a job never moves its lease. Runs outside any unit of work.
     *
     * @return whether {@code node} holds the lease now
     */
    boolean lease(String jobId, String node, java.time.Instant now, java.time.Instant until);

    /** Ends {@code node}'s lease on the job (nothing when another node holds it). */
    void release(String jobId, String node);

    /** Who holds the job's lease and until when; empty when none ever did or it was released. */
    Optional<ScanLease> leaseOf(String jobId);
}
