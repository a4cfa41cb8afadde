package org.pramaan.testkit.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.backscan.ScanJob;
import org.pramaan.backscan.ScanJobRepository;
import org.pramaan.backscan.ScanResult;
import org.pramaan.backscan.ScanState;

final class MemoryScanJobRepository implements ScanJobRepository {
    private final MemoryStore store;

    MemoryScanJobRepository(MemoryStore store) {
        this.store = store;
    }

    private static String key(String jobId, String itemKey) {
        return jobId + "\0" + itemKey;
    }

    @Override
    public void insert(ScanJob job) {
        Objects.requireNonNull(job, "job");
        store.locked(t -> {
            if (t.scanJobs.containsKey(job.id()))
                throw new IllegalStateException("scan " + job.id() + " exists already");
            t.scanJobs.put(job.id(), job);
            return null;
        });
    }

    @Override
    public void save(ScanJob job) {
        Objects.requireNonNull(job, "job");
        store.locked(t -> {
            if (!t.scanJobs.containsKey(job.id())) throw new IllegalStateException("no scan with id " + job.id());
            t.scanJobs.put(job.id(), job);
            return null;
        });
    }

    @Override
    public Optional<ScanJob> find(String id) {
        return store.locked(t -> Optional.ofNullable(t.scanJobs.get(id)));
    }

    @Override
    public List<ScanJob> recent(int limit) {
        return store.locked(t -> t.scanJobs.values().stream()
                .sorted(Comparator.comparing(ScanJob::createdAt)
                        .thenComparing(ScanJob::id)
                        .reversed())
                .limit(limit)
                .toList());
    }

    @Override
    public List<ScanJob> inState(ScanState state) {
        return store.locked(t -> t.scanJobs.values().stream()
                .filter(j -> j.state() == state)
                .sorted(Comparator.comparing(ScanJob::createdAt).thenComparing(ScanJob::id))
                .toList());
    }

    @Override
    public boolean addResult(ScanResult r) {
        Objects.requireNonNull(r, "result");
        return store.locked(t -> t.scanResults.putIfAbsent(key(r.jobId(), r.itemKey()), r) == null);
    }

    @Override
    public boolean hasResult(String jobId, String itemKey) {
        return store.locked(t -> t.scanResults.containsKey(key(jobId, itemKey)));
    }

    @Override
    public List<ScanResult> results(String jobId, String afterKey, int limit) {
        return store.locked(t -> t.scanResults.tailMap(key(jobId, afterKey), false).values().stream()
                .takeWhile(r -> r.jobId().equals(jobId))
                .limit(limit)
                .toList());
    }

    @Override
    public long resultCount(String jobId) {
        return store.locked(
                        t -> t.scanResults.subMap(jobId + "\0", jobId + "\1").size())
                .longValue();
    }

    @Override
    public boolean lease(String jobId, String node, java.time.Instant now, java.time.Instant until) {
        return store.locked(t -> {
            org.pramaan.backscan.ScanLease held = t.scanLeases.get(jobId);
            if (held != null && !held.node().equals(node) && !held.until().isBefore(now)) return false;
            t.scanLeases.put(jobId, new org.pramaan.backscan.ScanLease(node, until));
            return true;
        });
    }

    @Override
    public void release(String jobId, String node) {
        store.locked(
                t -> t.scanLeases.computeIfPresent(jobId, (k, l) -> l.node().equals(node) ? null : l));
    }

    @Override
    public Optional<org.pramaan.backscan.ScanLease> leaseOf(String jobId) {
        return store.locked(t -> Optional.ofNullable(t.scanLeases.get(jobId)));
    }
}
