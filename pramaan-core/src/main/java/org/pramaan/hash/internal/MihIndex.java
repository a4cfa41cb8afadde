package org.pramaan.hash.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongPredicate;

/**
 * The PDQ index: an immutable {@link MainSegment}, an append-only {@link Delta} and a tombstone
 * set, published together as one volatile state so a search sees one consistent view without a
 * lock. Adds go to the delta (searchable at once); when it reaches the merge threshold, a merge
 * rebuilds the main segment on the {@code merger} executor while searches and writes go on.
 * Tombstones hide removed ids in the main segment only: a removed delta entry is dropped from
 * the delta, so an id removed and added again is found through its new entry.
 */
public final class MihIndex {
    /** Delta entries are scanned by every query: 16k × ~1 ns keeps that well under the MIH cost. */
    public static final int DEFAULT_MERGE_THRESHOLD = 16_384;

    public static final int DEFAULT_MIN_CAP = 4_096;

    private record State(MainSegment main, Delta delta, Set<Long> tombstones) {}

    private final Object lock = new Object();
    private final Executor merger;
    private final int mergeThreshold;
    private final int minCap;
    private volatile State state;
    private long seq;
    private boolean merging;
    private Set<Long> pending;

    public MihIndex(MainSegment main, Executor merger, int mergeThreshold, int minCap) {
        if (mergeThreshold < 1)
            throw new IllegalArgumentException("mergeThreshold must be at least 1, got " + mergeThreshold);
        if (minCap < 1) throw new IllegalArgumentException("minCap must be at least 1, got " + minCap);
        this.merger = merger;
        this.mergeThreshold = mergeThreshold;
        this.minCap = minCap;
        this.state = new State(main, Delta.empty(), ConcurrentHashMap.newKeySet());
    }

    /** Builds the main segment from {@code n} packed hashes and their ids. */
    public static MihIndex build(long[] words, long[] ids, int n, Executor merger, int mergeThreshold, int minCap) {
        return new MihIndex(MainSegment.build(words, ids, n, minCap), merger, mergeThreshold, minCap);
    }

    public void add(long id, long[] hash) {
        synchronized (lock) {
            State s = state;
            state = new State(s.main, s.delta.append(id, ++seq, hash), s.tombstones);
            if (!merging && state.delta.n >= mergeThreshold) startMerge(true);
        }
    }

    public void remove(long id) {
        synchronized (lock) {
            State s = state;
            s.tombstones.add(id);
            if (pending != null) pending.add(id);
            state = new State(s.main, s.delta.without(id), s.tombstones);
        }
    }

    /** Every stored hash within {@code d} bits of {@code q}: the multi-index for d ≤ 31, a full scan above. */
    public void search(long[] q, int d, Hits out) {
        if (d < 0 || d > 256) throw new IllegalArgumentException("radius must be 0..256, got " + d);
        State s = state;
        LongPredicate removed = s.tombstones.isEmpty() ? MihIndex::noneRemoved : s.tombstones::contains;
        if (d <= 31) s.main.search(q, d, removed, out);
        else BlockScan.scan(s.main.words, s.main.ids, 0, s.main.n, q, d, removed, new Hits[] {out});
        s.delta.search(q, d, out);
    }

    /** Brute force for a batch of packed queries (one pass over memory per batch), any radius. */
    public void scanBatch(long[] queries, int d, Hits[] out) {
        State s = state;
        LongPredicate removed = s.tombstones.isEmpty() ? MihIndex::noneRemoved : s.tombstones::contains;
        BlockScan.scan(s.main.words, s.main.ids, 0, s.main.n, queries, d, removed, out);
        for (int qi = 0; qi < out.length; qi++)
            s.delta.search(java.util.Arrays.copyOfRange(queries, qi * 4, qi * 4 + 4), d, out[qi]);
    }

    /** Merges the delta and tombstones into a new main segment now, in the calling thread. */
    public void compact() {
        synchronized (lock) {
            while (merging) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a merge", e);
                }
            }
            if (state.delta.n == 0 && state.tombstones.isEmpty()) return;
            startMerge(false);
        }
    }

    /** Called with the lock held; in the background, the build runs outside it. */
    private void startMerge(boolean background) {
        merging = true;
        pending = ConcurrentHashMap.newKeySet();
        // The live tombstone set keeps changing while a background merge runs; the merge must count
        // and copy against one fixed set, or a removal between its two passes leaves a phantom entry.
        State snap = new State(state.main, state.delta, Set.copyOf(state.tombstones));
        long snapSeq = seq;
        // A background merge builds on one thread so it never takes more than one core from the
        // searches; compact() is asked for and waited on, so it uses them all.
        int threads = background ? 1 : Workers.available();
        Runnable job = () -> finishMerge(snap, snapSeq, threads);
        if (!background) {
            job.run();
            return;
        }
        try {
            merger.execute(job);
        } catch (RuntimeException e) {
            merging = false;
            pending = null;
            throw e;
        }
    }

    private void finishMerge(State snap, long snapSeq, int threads) {
        MainSegment built = null;
        try {
            built = merged(snap, threads);
        } finally {
            synchronized (lock) {
                if (built != null) state = new State(built, state.delta.after(snapSeq), pending);
                merging = false;
                pending = null;
                lock.notifyAll();
                if (built != null && state.delta.n >= mergeThreshold) startMerge(true);
            }
        }
    }

    private MainSegment merged(State s, int threads) {
        MainSegment m = s.main;
        int live = 0;
        boolean anyRemoved = !s.tombstones.isEmpty();
        for (int p = 0; p < m.n; p++) if (!anyRemoved || !s.tombstones.contains(m.ids[p])) live++;
        int total = live + s.delta.n;
        long[] words = new long[total * 4];
        long[] ids = new long[total];
        int k = 0;
        for (int p = 0; p < m.n; p++) {
            if (anyRemoved && s.tombstones.contains(m.ids[p])) continue;
            System.arraycopy(m.words, p << 2, words, k << 2, 4);
            ids[k++] = m.ids[p];
        }
        System.arraycopy(s.delta.words, 0, words, k << 2, s.delta.n * 4);
        System.arraycopy(s.delta.ids, 0, ids, k, s.delta.n);
        return MainSegment.build(words, ids, total, minCap, threads);
    }

    /** The main segment, after a {@link #compact()} the whole index (used to write snapshots). */
    public MainSegment main() {
        return state.main;
    }

    public boolean merged() {
        State s = state;
        return s.delta.n == 0 && s.tombstones.isEmpty();
    }

    /** Stored entries, removed ones not yet merged away included. */
    public long stored() {
        State s = state;
        return (long) s.main.n + s.delta.n;
    }

    public int deltaSize() {
        return state.delta.n;
    }

    public int overflow() {
        return state.main.overflow();
    }

    public long memoryBytes() {
        State s = state;
        return s.main.memoryBytes() + s.delta.memoryBytes();
    }

    /** Order-independent digest of one (id, hash) pair; sum it over entries to compare with {@link #fingerprint()}. */
    public static long entryFingerprint(long id, long[] hash) {
        return Packed.mix(id, hash[0], hash[1], hash[2], hash[3]);
    }

    /** The digest of the main segment's entries (call after {@link #compact()}). */
    public long fingerprint() {
        return state.main.fingerprint();
    }

    /** The removal test of a segment without tombstones. */
    private static boolean noneRemoved(long id) {
        return false;
    }
}
