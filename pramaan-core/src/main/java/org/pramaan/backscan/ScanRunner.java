package org.pramaan.backscan;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.audit.AuditLog;
import org.pramaan.banks.BankMatch;
import org.pramaan.banks.HashBanks;
import org.pramaan.intake.MediaRepository;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.tx.UnitOfWork;

/**
 * Works a job one batch at a time: reads the next items after the checkpoint, hashes and matches
 * them outside any transaction (the slow part), then in one unit of work stores their results
 * (once per job and item), applies the policy to the matches, and moves the checkpoint and counts.
 * A crash before the commit loses only the batch's work, which the next run redoes; a crash after it
 * loses nothing, and results already stored are never stored or acted on twice.
 */
public final class ScanRunner {
    private final ScanJobRepository jobs;
    private final MediaRepository media;
    private final ItemHasher hasher;
    private final HashBanks banks;
    private final ScanActions actions;
    private final UnitOfWork unit;
    private final AuditLog audit;
    private final Clock clock;
    private final ScanSettings settings;
    /** This node's id: the holder named in the leases it takes. */
    private final String node;
    /** How long a lease lasts unrenewed: a node killed mid-job frees it this long after its last batch. */
    private final java.time.Duration leaseFor;

    private final ObjectSource objects;
    /** Folder listings per job, made once per process (a restart lists again). */
    private final Map<String, ScanItems> items = new ConcurrentHashMap<>();

    /** A runner alone on its store (the embedded deployment): it still leases, as node {@code local}. */
    public ScanRunner(BackScans.Parts parts) {
        this(parts, "local", java.time.Duration.ofSeconds(60));
    }

    /**
     * A runner among several nodes sharing one store (issue 15): it works a job only while it holds the job's lease,
     * renewed at every batch, so exactly one node runs a job; when the holder dies, another node takes the job over
     * from its last checkpoint once {@code leaseFor} has passed.
     */
    public ScanRunner(BackScans.Parts parts, String node, java.time.Duration leaseFor) {
        this.node = java.util.Objects.requireNonNull(node, "node");
        this.leaseFor = java.util.Objects.requireNonNull(leaseFor, "leaseFor");
        this.jobs = parts.jobs();
        this.media = parts.media();
        this.hasher = new ItemHasher(parts.screener(), parts.media(), parts.blobs(), parts.fetch(), parts.objects());
        this.banks = parts.banks();
        this.audit = parts.audit();
        this.actions = new ScanActions(parts.media(), parts.cases(), parts.audit());
        this.unit = parts.audit().unitOfWork();
        this.clock = parts.clock();
        this.settings = parts.settings();
        this.objects = parts.objects();
    }

    /** Works one batch; returns whether the job is still running with items left. */
    public boolean step(String jobId) {
        Optional<ScanJob> found = jobs.find(jobId);
        if (found.isEmpty() || found.get().state() != ScanState.RUNNING) return false;
        ScanJob job = found.get();
        java.time.Instant now = clock.instant();
        if (!jobs.lease(jobId, node, now, now.plus(leaseFor))) return false; // another node runs it now
        List<ScanItems.Item> batch;
        try {
            batch = items(job).after(job.checkpoint(), settings.batchSize());
        } catch (IOException | RuntimeException e) {
            fail(jobId, "cannot list the source: " + e.getMessage());
            return false;
        }
        if (batch.isEmpty()) {
            finish(jobId, job.checkpoint());
            return false;
        }
        List<ScanResult> results = new ArrayList<>(batch.size());
        Set<Long> only = new HashSet<>(job.source().bankItems());
        for (ScanItems.Item item : batch) {
            if (Thread.currentThread().isInterrupted()) return false; // shutting down: nothing of this batch commits
            results.add(scan(job, item, only));
        }
        String last = batch.get(batch.size() - 1).key();
        return unit.run(() -> commit(jobId, job.checkpoint(), last, results));
    }

    private ScanItems items(ScanJob job) throws IOException {
        ScanItems known = items.get(job.id());
        if (known != null) return known;
        ScanItems made = ScanItems.of(job, media, objects, settings.maxFolderItems());
        items.put(job.id(), made);
        return made;
    }

    private ScanResult scan(ScanJob job, ScanItems.Item item, Set<Long> only) {
        try {
            ItemHasher.Hashes h = hasher.hash(job.source(), item);
            List<ScanResult.Hit> hits = new ArrayList<>();
            for (BankMatch m : banks.match(h.sha256(), h.pdq(), h.av())) {
                if (!m.acts() || (!only.isEmpty() && !only.contains(m.itemId()))) continue;
                hits.add(new ScanResult.Hit(m.bank(), m.itemId(), m.method(), m.distance()));
            }
            ScanResult.Outcome o = hits.isEmpty() ? ScanResult.Outcome.CLEAN : ScanResult.Outcome.MATCHED;
            return new ScanResult(
                    job.id(),
                    item.key(),
                    item.label(),
                    o,
                    h.sha256(),
                    hits,
                    ScanResult.Action.NONE,
                    Optional.empty(),
                    "",
                    clock.instant());
        } catch (IOException | MediaRejectedException | RuntimeException e) {
            String why = e instanceof MediaRejectedException r
                    ? r.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new ScanResult(
                    job.id(),
                    item.key(),
                    item.label(),
                    ScanResult.Outcome.ERROR,
                    Optional.empty(),
                    List.of(),
                    ScanResult.Action.NONE,
                    Optional.empty(),
                    String.valueOf(why),
                    clock.instant());
        }
    }

    private boolean commit(String jobId, String from, String last, List<ScanResult> results) {
        ScanJob now = jobs.find(jobId).orElseThrow();
        // Another runner moved on, or the job was paused or cancelled while this batch ran: the batch is dropped, so
        // nothing commits after a pause or cancel has returned (a resumed job redoes it).
        if (!now.checkpoint().equals(from) || now.state() != ScanState.RUNNING) return false;
        // A node whose lease passed to another (it stalled past leaseFor) drops its batch: the new holder redoes it.
        if (!jobs.leaseOf(jobId).map(l -> l.node().equals(node)).orElse(false)) return false;
        ScanCounts counts = now.counts();
        for (ScanResult r : results) {
            if (jobs.hasResult(jobId, r.itemKey())) continue; // recorded by an earlier run: not acted on twice
            ScanResult done = r.outcome() == ScanResult.Outcome.MATCHED ? actions.apply(now, r) : r;
            jobs.addResult(done);
            counts = counts.plus(done.outcome(), done.action());
        }
        jobs.save(now.progressed(counts, last, clock.instant()));
        return true;
    }

    private void finish(String jobId, String checkpoint) {
        unit.run(() -> {
            ScanJob now = jobs.find(jobId).orElseThrow();
            if (now.state() != ScanState.RUNNING || !now.checkpoint().equals(checkpoint)) return null;
            ScanJob done = now.withState(ScanState.FINISHED, clock.instant());
            jobs.save(done);
            audit.append("backscan.finished", "scan:" + jobId, summary(done));
            items.remove(jobId);
            return null;
        });
    }

    void fail(String jobId, String why) {
        unit.run(() -> {
            ScanJob now = jobs.find(jobId).orElseThrow();
            if (now.state().terminal()) return null;
            jobs.save(now.failed(why, clock.instant()));
            audit.append("backscan.failed", "scan:" + jobId, AuditLog.details("reason", why));
            items.remove(jobId);
            return null;
        });
    }

    static Map<String, Object> summary(ScanJob j) {
        ScanCounts c = j.counts();
        return AuditLog.details(
                "total",
                c.total(),
                "done",
                c.done(),
                "matched",
                c.matched(),
                "errors",
                c.errors(),
                "reviews",
                c.reviews(),
                "cases",
                c.cases());
    }
}
