package org.pramaan.hash.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.LongPredicate;

/**
 * The immutable bulk of the index: exact multi-index hashing (Norouzi et al., arXiv 1307.2982)
 * over 16 chunks of 16 bits, with a two-level pigeonhole so that almost no candidate costs a
 * random memory read. If two hashes are within d ≤ 31 bits, then of the 8 chunk pairs
 * (2j, 2j+1) some pair differs in at most R = ⌊d/8⌋ ≤ 3 bits (8 pairs of ≥ R+1 would exceed d),
 * and within that pair some chunk differs in at most r = ⌊R/2⌋ ≤ 1 bit. So each chunk's bucket
 * and, when r = 1, its 16 one-bit neighbours are probed (17 × 16 buckets, or just 16 for d ≤ 15),
 * and an entry is fetched only if its <em>partner</em> chunk (k xor 1), stored next to its position
 * in the table, keeps the pair within R. For unrelated hashes that filter passes about 0.3 % of
 * the ~41,000 bucket entries a 10M-hash query scans, so verification reads ~100 hashes instead of
 * ~41,000 (the single-level design's cost: one cache miss each).
 *
 * <p>Memory (issue 18: ≤ 100 bytes per hash at 100M, ids included): the hashes are stored once,
 * sorted by (chunk 0, chunk 1), so table 0 needs no postings (its partner chunks are copied out of
 * the sorted hashes when the segment is built or loaded, 2 bytes per hash, because scanning 2 bytes
 * per entry beats scanning 32). Of each other pair (2j, 2j+1), table 2j holds one position per hash,
 * 3 bytes wide while the segment has at most 2^24 tabled entries (4 above), and its 2-byte partner,
 * ordered by (chunk, partner, position) within the bucket; table 2j+1 holds only the 2-byte
 * partners, in the same order, and no positions: an entry of bucket v with partner u is the entry
 * of table 2j's bucket u with partner v, found by a search of that sorted bucket when it passes
 * the filter (about 1 in 300). Table 1 finds its entries the same way in table 0. At 10M that is
 * 32 (hash) + 8 (id) + 21 (postings) + 32 (partners) + 0.4 (offsets) ≈ 93 bytes per hash (117 when
 * every table held positions), at 100M with 4-byte positions ≈ 100. Why not 48: each extra table
 * is a partition of the positions into 2^16 buckets and so carries about 16 bits per hash for
 * well-spread hashes, whatever the encoding; 15 tables need ≥ 30 bytes on top of the 32-byte hash.
 * Fewer tables mean wider chunks and exponentially more probes (8 × 32-bit chunks: 5,489 probes
 * per table); see docs/performance.md.
 *
 * <p>A search scans all 16 tables first and verifies the candidates afterwards, together: the
 * scans then never wait on a candidate's random reads (its position, then its hash), and those
 * reads are issued back to back, so the memory system overlaps them. {@link PairFilter} does the
 * scanning.
 *
 * <p>Degenerate hashes (near-blank images hash to near-constant bits and pile into a few buckets):
 * an entry that lands in any bucket holding more than {@code cap} entries is kept out of every
 * table and in an overflow range {@code [tabled, n)} that every query scans in full, so results
 * stay exact while no probe touches a huge bucket.
 */
public final class MainSegment {
    final int n;
    final int tabled;
    final int cap;
    final long[] words;
    final long[] ids;
    /** offsets[k][v]..offsets[k][v+1]: bucket v of table k; for table 0 these are positions. */
    final int[][] offsets;
    /**
     * postings[j-1] for table 2j (j = 1..7): positions ordered by (chunk 2j, chunk 2j+1, position),
     * {@code width} bytes each, little-endian, one pad byte. Odd tables hold none.
     */
    final byte[][] postings;
    /**
     * partners[k-1]: chunk (k xor 1) of the entry at each posting i of table k, the pair filter's
     * input, four to a long (posting i in bits 16·(i mod 4) of long i/4), so the filter tests four
     * at once ({@link PairFilter}).
     */
    final long[][] partners;
    /**
     * Table 0's partners (chunk 1 of each tabled entry, in position order), derived from the
     * hashes when the segment is built or loaded, so the snapshot does not carry them: scanning
     * them reads 2 bytes per entry where the hashes would cost 32 (2 B per hash more memory).
     */
    private final long[] firstPartners;

    final int width;
    private final int mask;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    MainSegment(
            int n,
            int tabled,
            int cap,
            int width,
            long[] words,
            long[] ids,
            int[][] offsets,
            byte[][] postings,
            long[][] partners) {
        this.n = n;
        this.tabled = tabled;
        this.cap = cap;
        this.words = words;
        this.ids = ids;
        this.offsets = offsets;
        this.postings = postings;
        this.partners = partners;
        this.firstPartners = PairFilter.packed(tabled);
        for (int p = 0; p < tabled; p++) PairFilter.set(firstPartners, p, Packed.chunk(words, p, 1));
        if (!validWidth(width, tabled))
            throw new IllegalArgumentException("posting width " + width + " cannot address " + tabled + " entries");
        this.width = width;
        this.mask = width == 3 ? 0xFFFFFF : -1;
    }

    /** 3-byte positions while they fit: saves 15 bytes per hash against int postings. */
    static int widthFor(int tabled) {
        return tabled <= 1 << 24 ? 3 : 4;
    }

    static boolean validWidth(int width, long tabled) {
        return width == 4 || (width == 3 && tabled <= (1 << 24));
    }

    static byte[] postingArray(int width, int tabled) {
        return new byte[width * tabled + 1];
    }

    static MainSegment empty() {
        return build(new long[0], new long[0], 0, 1);
    }

    /** The cap: {@code minCap}, or 16 × the mean bucket size when that is larger. */
    static int capFor(int n, int minCap) {
        return Math.max(minCap, 16 * (int) Math.ceil(n / (double) Packed.BUCKETS));
    }

    /** Builds from {@code n} entries of {@code words}/{@code ids} on every core; the inputs are not kept. */
    public static MainSegment build(long[] words, long[] ids, int n, int minCap) {
        return build(words, ids, n, minCap, Workers.available());
    }

    /** As {@link #build(long[], long[], int, int)} on {@code threads} threads (1: in the calling thread). */
    public static MainSegment build(long[] words, long[] ids, int n, int minCap, int threads) {
        return SegmentBuilder.build(words, ids, n, minCap, false, threads);
    }

    /** @param wide 4-byte postings even when 3 would do (tests reach the wide layout without 16M hashes) */
    static MainSegment build(long[] words, long[] ids, int n, int minCap, boolean wide) {
        return SegmentBuilder.build(words, ids, n, minCap, wide, Workers.available());
    }

    /** Exact search within {@code d} (0..31) bits; entries whose id {@code removed} accepts are skipped. */
    void search(long[] q, int d, LongPredicate removed, Hits out) {
        if (d < 0 || d > 31) throw new IllegalArgumentException("the multi-index answers radius 0..31, got " + d);
        int pairRadius = d >>> 3;
        boolean flips = (pairRadius >>> 1) == 1;
        Scratch s = scratch.get();
        s.candidates = 0;
        for (int k = 0; k < Packed.CHUNKS; k++) {
            int v = Packed.chunk(q, k);
            int partnerQuery = Packed.chunk(q, k ^ 1);
            probeTable(k, v, flips, partnerQuery, pairRadius, s);
        }
        // Verified only now, all together: each is a random read of a full hash, and issued back to
        // back they are fetched in parallel instead of stalling the bucket scans one by one.
        for (int c = 0; c < s.candidates; c++) check(s.position[c], q, d, pairRadius, s.table[c], removed, out);
        for (int p = tabled; p < n; p++) verify(p, q, d, removed, out);
    }

    /** Per-thread buffers of one search: bucket cursors, and the candidates that passed the pair filter. */
    static final class Scratch {
        final int[] cursor = new int[17], end = new int[17], at = new int[17], stop = new int[17];
        int[] position = new int[512];
        byte[] table = new byte[512];
        /** Which of the table's 17 probed buckets each candidate came from (0: the query's own chunk). */
        byte[] probe = new byte[512];

        int candidates;
        /** An odd table's candidates, set aside while their positions are looked up. */
        int[] held = new int[64];

        byte[] heldProbe = new byte[64];
        /** Where the touch-ahead reads go, so the JIT cannot drop them as unused. */
        int sink;

        void add(int p, int k, int j) {
            if (candidates == position.length) {
                position = java.util.Arrays.copyOf(position, candidates * 2);
                table = java.util.Arrays.copyOf(table, candidates * 2);
                probe = java.util.Arrays.copyOf(probe, candidates * 2);
            }
            position[candidates] = p;
            probe[candidates] = (byte) j;
            table[candidates++] = (byte) k;
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * Table k's bucket v (chunk distance 0, pair budget R) and, with {@code flips}, its 16 one-bit
     * neighbours (budget R − 1). Entries that pass the pair filter become candidates, verified
     * after all tables ({@link #search}); their positions are read after this table's scan, back to
     * back, so nothing in the scan waits on a dependent random read.
     */
    private void probeTable(int k, int v, boolean flips, int partnerQuery, int pairRadius, Scratch s) {
        int[] off = offsets[k], from = s.cursor, to = s.end;
        int m = 0;
        from[m] = off[v];
        to[m++] = off[v + 1];
        if (flips) {
            for (int b = 0; b < 16; b++, m++) {
                from[m] = off[v ^ (1 << b)];
                to[m] = off[(v ^ (1 << b)) + 1];
            }
        }
        int first = s.candidates;
        s.sink +=
                PairFilter.scan(k == 0 ? firstPartners : partners[k - 1], from, to, m, partnerQuery, pairRadius, k, s);
        if (k == 0) return; // table 0's postings are the positions themselves
        if ((k & 1) == 1) {
            PairLookup.resolve(this, k, v, first, s);
            return;
        }
        byte[] post = postings[(k >>> 1) - 1];
        for (int c = first; c < s.candidates; c++) s.position[c] = position(post, s.position[c]);
    }

    /** Table k's packed partners (table 0's are derived from the hashes). */
    long[] partnersOf(int k) {
        return k == 0 ? firstPartners : partners[k - 1];
    }

    /** The position of entry i of even table k (table 0: i itself). */
    int positionIn(int k, int i) {
        return k == 0 ? i : position(postings[(k >>> 1) - 1], i);
    }

    private void check(int p, long[] q, int d, int pairRadius, int k, LongPredicate removed, Hits out) {
        int dist = Packed.distance(words, p, q);
        if (dist <= d && firstTable(p, q, pairRadius, k)) emit(p, dist, removed, out);
    }

    int position(byte[] post, int i) {
        return (int) INT.get(post, i * width) & mask;
    }

    /**
     * A match is reported only by the first table that finds it (its chunk within ⌊R/2⌋ and its pair
     * within R), so each comes back once.
     */
    private boolean firstTable(int p, long[] q, int pairRadius, int k) {
        int r = pairRadius >>> 1;
        for (int j = 0; j < k; j++) {
            int c = Packed.chunkDistance(words, p, q, j);
            if (c <= r && c + Packed.chunkDistance(words, p, q, j ^ 1) <= pairRadius) return false;
        }
        return true;
    }

    private void verify(int p, long[] q, int d, LongPredicate removed, Hits out) {
        int dist = Packed.distance(words, p, q);
        if (dist <= d) emit(p, dist, removed, out);
    }

    private void emit(int p, int dist, LongPredicate removed, Hits out) {
        if (!removed.test(ids[p])) out.add(ids[p], dist);
    }

    /** Bytes held by this segment's arrays (array headers ignored). */
    public long memoryBytes() {
        long b = words.length * 8L + ids.length * 8L;
        for (int[] o : offsets) b += o.length * 4L;
        for (byte[] p : postings) b += p.length;
        for (long[] p : partners) b += p.length * 8L;
        b += firstPartners.length * 8L;
        return b;
    }

    long fingerprint() {
        long f = 0;
        for (int p = 0; p < n; p++)
            f += Packed.mix(ids[p], words[p << 2], words[(p << 2) + 1], words[(p << 2) + 2], words[(p << 2) + 3]);
        return f;
    }

    public int size() {
        return n;
    }

    /*
     * What pramaan-bench's match driver needs, read-only (issue 12 item 6: the driver lives outside
     * core, so it reaches the segment through these instead of its package-private fields).
     */

    /** Bytes of the chunk offset tables, fixed whatever the number of entries. */
    public static final long OFFSET_TABLE_BYTES = (long) Packed.CHUNKS * (Packed.BUCKETS + 1) * 4;

    /** Copies entry {@code entry}'s four hash words into {@code dst} at {@code at}. */
    public void copyHash(int entry, long[] dst, int at) {
        System.arraycopy(words, entry * 4, dst, at, 4);
    }

    /** The batched brute-force scan over every entry (the oracle the index answers are checked against). */
    public void bruteForce(long[] queries, int d, Hits[] out) {
        BlockScan.scan(words, ids, 0, n, queries, d, id -> false, out);
    }

    public int overflow() {
        return n - tabled;
    }
}
