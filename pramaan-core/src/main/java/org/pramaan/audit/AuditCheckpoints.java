package org.pramaan.audit;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Anchors the audit chain outside the database: every {@code interval} entries (and on a clean
 * shutdown) the newest committed entry is signed with the {@link CheckpointKey} and appended to the
 * {@link CheckpointJournal}. Someone who rewrites rows <em>and</em> the recorded head consistently
 * (recomputing every hash) is then caught by {@link AuditLog#verify()}, unless they also hold the key.
 *
 * <p>Checkpoints are written after the append commits: {@link #afterAppend()} hands the work to
 * {@code executor}, whose task reads the newest entry through the store. The SQLite store serialises
 * reads and writes on one lock held for a whole transaction, so that read waits for an enclosing
 * unit of work to commit or roll back and never signs an entry that is later rolled back; besides,
 * {@link AuditLog} calls {@code afterAppend} from an after-commit hook of its unit of work.
 *
 * <p>Before signing, the entries since the previous checkpoint are re-checked (hashes, links, recorded
 * head), so the key never signs over a chain that no longer extends what it signed before.
 */
public final class AuditCheckpoints implements AutoCloseable {
    public static final int DEFAULT_INTERVAL = 100;
    private final AuditStore store;
    private final CheckpointKey key;
    private final CheckpointJournal journal;
    private final int interval;
    private final Clock clock;
    private final Executor executor;
    private final Consumer<String> problems;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Whether this process appended anything: a process that only read (e.g. {@code audit verify}) signs nothing at close. */
    private final AtomicBoolean appended = new AtomicBoolean();

    /** This file's mark in the store: the fingerprint of the key that signs it (one file per node, issue 15). */
    private final String journalId;

    private long lastSeq;
    private String lastHash = AuditEntry.GENESIS;
    private long count;

    /**
     * @param executor runs the checkpoint after an append; {@link #background()} in production, a
     *                 direct executor ({@code Runnable::run}) in tests without transactions
     * @param problems told (to be logged loudly) when a checkpoint is refused because the chain no
     *                 longer extends the previous checkpoint, or when writing one fails
     */
    public AuditCheckpoints(
            AuditStore store,
            CheckpointKey key,
            CheckpointJournal journal,
            int interval,
            Clock clock,
            Executor executor,
            Consumer<String> problems) {
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.journal = Objects.requireNonNull(journal, "journal");
        if (interval < 1)
            throw new IllegalArgumentException("checkpoint interval must be at least 1 entry, was " + interval);
        this.interval = interval;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.journalId = key.fingerprint();
        refresh();
        adoptLegacyMark();
    }

    /**
     * A store upgraded from one mark per deployment holds that mark as {@link AuditStore#LEGACY_JOURNAL}. It was
     * this file's when this file holds the checkpoint it names; the first node to start after the upgrade that can
     * show it takes it as its own. Until one does, {@link #mark()} treats it as this file's, so a deleted file is
     * still caught as before the upgrade.
     */
    private void adoptLegacyMark() {
        if (store.checkpointMark(journalId).isPresent()) return;
        Optional<AuditStore.CheckpointMark> legacy = store.checkpointMark(AuditStore.LEGACY_JOURNAL);
        if (legacy.isEmpty()) return;
        boolean holds = journal.read().checkpoints().stream()
                .anyMatch(c -> c.seq() == legacy.get().seq()
                        && c.hash().equals(legacy.get().hash())
                        && c.publicKey().equals(key.publicKey()));
        if (holds) store.recordCheckpoint(journalId, legacy.get());
    }

    /**
     * This file's mark: its own, or the deployment's mark from before marks were per file while no file has
     * adopted it (every other mark is another node's).
     */
    Optional<AuditStore.CheckpointMark> mark() {
        Optional<AuditStore.CheckpointMark> own = store.checkpointMark(journalId);
        if (own.isPresent()) return own;
        java.util.Map<String, AuditStore.CheckpointMark> all = store.checkpointMarks();
        if (all.size() == 1 && all.containsKey(AuditStore.LEGACY_JOURNAL))
            return Optional.of(all.get(AuditStore.LEGACY_JOURNAL));
        return Optional.empty();
    }

    /** The name of this file's mark in the store. */
    public String journalId() {
        return journalId;
    }

    /** Re-reads the newest checkpoint from the file: another process on the same data directory may have written one. */
    private void refresh() {
        List<Checkpoint> written = journal.read().checkpoints();
        count = written.size();
        for (Checkpoint c : written) {
            if (c.seq() >= lastSeq) {
                lastSeq = c.seq();
                lastHash = c.hash();
            }
        }
    }

    /** One daemon thread: checkpoints are written in order and never hold up a request. */
    public static ExecutorService background() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pramaan-audit-checkpoint");
            t.setDaemon(true);
            return t;
        });
    }

    public CheckpointKey key() {
        return key;
    }

    public CheckpointJournal journal() {
        return journal;
    }

    public int interval() {
        return interval;
    }

    /** Called after each append; at most one task waits in the queue at a time. */
    void afterAppend() {
        appended.set(true);
        if (!queued.compareAndSet(false, true)) return;
        try {
            executor.execute(() -> {
                queued.set(false);
                try {
                    checkpointIfDue();
                } catch (RuntimeException e) {
                    problems.accept("audit checkpoint failed: " + e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false); // shutting down: close() writes the last checkpoint
        }
    }

    /** Signs the newest entry when {@code interval} entries have been appended since the last checkpoint. */
    public synchronized Optional<Checkpoint> checkpointIfDue() {
        Optional<AuditEntry> head = store.last();
        if (head.isEmpty() || head.get().seq() - lastSeq < interval) return Optional.empty();
        return sign(head.get());
    }

    /** Signs the newest entry if it is not signed yet (clean shutdown). Call outside any unit of work. */
    public synchronized Optional<Checkpoint> checkpointNow() {
        Optional<AuditEntry> head = store.last();
        if (head.isEmpty() || head.get().seq() <= lastSeq) return Optional.empty();
        return sign(head.get());
    }

    private Optional<Checkpoint> sign(AuditEntry head) {
        refresh();
        if (head.seq() <= lastSeq) return Optional.empty();
        Optional<String> broken = extendsLastCheckpoint(head);
        if (broken.isPresent()) {
            problems.accept("audit checkpoint refused: " + broken.get() + "; run 'pramaan audit verify'");
            return Optional.empty();
        }
        Checkpoint c = key.sign(head.seq(), head.hash(), clock.instant());
        journal.append(c);
        count++;
        lastSeq = c.seq();
        lastHash = c.hash();
        Optional<AuditStore.CheckpointMark> mark = store.checkpointMark(journalId);
        if (mark.isEmpty() || (mark.get().seq() <= c.seq() && mark.get().count() <= count)) {
            store.recordCheckpoint(journalId, new AuditStore.CheckpointMark(c.seq(), c.hash(), count));
        }
        return Optional.of(c);
    }

    /** Walks from the last checkpointed entry to {@code head}; any break is a reason not to sign. */
    private Optional<String> extendsLastCheckpoint(AuditEntry head) {
        // A file with fewer checkpoints than the database records was deleted or cut: signing afresh would hide that.
        Optional<AuditStore.CheckpointMark> mark = mark();
        if (mark.isPresent()
                && (count < mark.get().count() || lastSeq < mark.get().seq())) {
            return Optional.of("the checkpoint file " + journal.file() + " holds " + count + " checkpoints up to entry "
                    + lastSeq + " but the database records " + mark.get().count() + " up to entry "
                    + mark.get().seq() + " for key " + journalId
                    + " (restore the file from a backup; if several nodes sign with this one key, give each its own)");
        }
        var s = new Object() {
            long expected = lastSeq == 0 ? 1 : lastSeq;
            String prev = AuditEntry.GENESIS;
            String problem;
        };
        store.forEachAfter(Math.max(0, lastSeq - 1), e -> {
            if (s.problem != null || e.seq() > head.seq()) return;
            if (e.seq() != s.expected) s.problem = "entry " + s.expected + " is missing";
            else if (e.seq() == lastSeq && !e.hash().equals(lastHash))
                s.problem = "entry " + lastSeq + " no longer has the hash its checkpoint signed";
            else if (e.seq() != lastSeq && !e.prevHash().equals(s.prev))
                s.problem = "entry " + e.seq() + " does not link to the entry before it";
            else if (!e.hash().equals(e.expectedHash())) s.problem = "entry " + e.seq() + " no longer matches its hash";
            s.expected++;
            s.prev = e.hash();
        });
        if (s.problem == null && s.expected <= head.seq()) s.problem = "entries from " + s.expected + " are missing";
        if (s.problem == null) s.problem = headProblem(head).orElse(null);
        return Optional.ofNullable(s.problem);
    }

    /**
     * Checks the recorded head against {@code head}, the entry being signed. The head is there to
     * catch entries cut from the end of the log (the rows deleted, the head left naming the old
     * last entry). Appends go on while this runs (the checkpoint is written in the background), so
     * a head past {@code head} is no alarm by itself: it is one only if the log's last entry, read
     * after the head, falls short of it. An append writes its entry before (and in the same
     * transaction as) the head, so without a cut the last entry always reaches the head read before
     * it; the entries in between are walked by the next checkpoint.
     */
    private Optional<String> headProblem(AuditEntry head) {
        Optional<AuditStore.Head> recorded = store.recordedHead();
        if (recorded.isEmpty()) return Optional.of("no head is recorded, yet the log holds entry " + head.seq());
        AuditStore.Head r = recorded.get();
        if (r.seq() <= head.seq()) {
            return r.equals(new AuditStore.Head(head.seq(), head.hash()))
                    ? Optional.empty()
                    : Optional.of("the recorded head is not entry " + head.seq());
        }
        Optional<AuditEntry> last = store.last();
        long lastSeq = last.map(AuditEntry::seq).orElse(0L);
        if (lastSeq < r.seq()) {
            return Optional.of("the recorded head is entry " + r.seq() + " but the log ends at entry " + lastSeq
                    + ": entries at the end were deleted");
        }
        if (lastSeq == r.seq() && !last.get().hash().equals(r.hash()))
            return Optional.of("the recorded head is not entry " + r.seq());
        return Optional.empty();
    }

    /** Drains the queue, then signs whatever is still unsigned if this process appended anything. */
    @Override
    public void close() {
        if (executor instanceof ExecutorService es) {
            es.shutdown();
            try {
                es.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!appended.get()) return;
        try {
            checkpointNow();
        } catch (RuntimeException e) {
            problems.accept("audit checkpoint at shutdown failed: " + e.getMessage());
        }
    }

    /** Checks the checkpoint file against the chain while {@link AuditLog#verify()} walks it. */
    CheckpointVerifier verifier() {
        return new CheckpointVerifier(store, key, journal, mark());
    }
}
