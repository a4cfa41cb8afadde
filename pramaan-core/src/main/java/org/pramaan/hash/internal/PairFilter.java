package org.pramaan.hash.internal;

/**
 * The second pigeonhole level of {@link MainSegment}: which entries of a set of buckets have a
 * partner chunk within the pair budget. Partners are packed four to a long, and the test runs on
 * all four 16-bit lanes at once (a SWAR popcount, then a compare by carry into each lane's top
 * bit), about a third of the instructions of one popcount per entry.
 *
 * <p>The buckets are scanned in lockstep, one 64-byte line (8 longs) of each per round, and the
 * lines two rounds ahead are read early: Java has no prefetch instruction, and a bucket is a few
 * hundred bytes, too short for the hardware prefetcher to learn, so scanning one bucket after
 * another waited on one cache line at a time (docs/performance.md measured the difference).
 */
final class PairFilter {
    private static final long M1 = 0x5555555555555555L,
            M2 = 0x3333333333333333L,
            M4 = 0x0F0F0F0F0F0F0F0FL,
            M8 = 0x00FF00FF00FF00FFL;
    private static final long LANE_TOP = 0x8000800080008000L, LANE_ONE = 0x0001000100010001L;
    /** Longs per bucket per round: one cache line. */
    private static final int STEP = 8;

    private PairFilter() {}

    static long[] packed(int entries) {
        return new long[(entries + 3) >>> 2];
    }

    static void set(long[] packed, int i, int chunk) {
        packed[i >>> 2] |= (long) (chunk & 0xFFFF) << ((i & 3) << 4);
    }

    static int get(long[] packed, int i) {
        return (int) (packed[i >>> 2] >>> ((i & 3) << 4)) & 0xFFFF;
    }

    /**
     * Adds to {@code s} every entry i in the buckets [from[j], to[j]) whose partner is within the
     * budget of the query's: R for bucket 0 (the query's own chunk), R − 1 for the others (one bit
     * already spent in the chunk). Returns the early reads' sum, for the caller to keep.
     */
    static int scan(
            long[] partner, int[] from, int[] to, int m, int query, int pairRadius, int table, MainSegment.Scratch s) {
        long q = (query & 0xFFFFL) * LANE_ONE;
        long exact = (0x7FFFL - pairRadius) * LANE_ONE, flipped = (0x7FFFL - (pairRadius - 1)) * LANE_ONE;
        int[] at = s.at, stop = s.stop;
        int touched = 0;
        for (int j = 0; j < m; j++) {
            at[j] = from[j] >>> 2;
            stop[j] = (to[j] + 3) >>> 2;
            if (at[j] < stop[j]) touched += (int) partner[at[j]];
            if (at[j] + STEP < stop[j]) touched += (int) partner[at[j] + STEP];
        }
        for (boolean more = true; more; ) {
            more = false;
            for (int j = 0; j < m; j++) if (at[j] + 2 * STEP < stop[j]) touched += (int) partner[at[j] + 2 * STEP];
            for (int j = 0; j < m; j++) {
                int w = at[j], end = Math.min(stop[j], w + STEP);
                long bias = j == 0 ? exact : flipped;
                for (; w < end; w++) {
                    long pass = ~(lanePopcounts(partner[w] ^ q) + bias) & LANE_TOP;
                    if (pass != 0) emit(pass, w, from[j], to[j], table, j, s);
                }
                at[j] = w;
                more |= w < stop[j];
            }
        }
        return touched;
    }

    /** The popcount of each 16-bit lane, in that lane (0..16). */
    static long lanePopcounts(long x) {
        x -= (x >>> 1) & M1;
        x = (x & M2) + ((x >>> 2) & M2);
        x = (x + (x >>> 4)) & M4;
        return (x + (x >>> 8)) & M8;
    }

    /** The entries of long w whose lane passed, those inside the bucket [from, to) only. */
    private static void emit(long pass, int w, int from, int to, int table, int probe, MainSegment.Scratch s) {
        for (; pass != 0; pass &= pass - 1) {
            int i = (w << 2) + (Long.numberOfTrailingZeros(pass) >>> 4);
            if (i >= from && i < to) s.add(i, table, probe);
        }
    }

    /**
     * The first index in [from, to) whose partner is at least {@code v}, the partners of that range
     * being sorted. The first guess interpolates (well-spread hashes put it within a line or two of
     * the answer), then the bracket doubles outwards and a binary search finishes, so skewed data
     * costs a logarithm, never a scan.
     */
    static int lowerBound(long[] partner, int from, int to, int v) {
        if (from >= to) return from;
        int g = from + (int) (((long) v * (to - from)) >>> 16);
        int lo, hi;
        if (get(partner, g) < v) {
            lo = g + 1;
            int probe = lo;
            for (int step = 1; probe < to && get(partner, probe) < v; step <<= 1) {
                lo = probe + 1;
                probe = lo + step;
            }
            hi = Math.min(probe, to);
        } else {
            hi = g;
            int probe = hi - 1;
            for (int step = 1; probe >= from && get(partner, probe) >= v; step <<= 1) {
                hi = probe;
                probe = hi - step;
            }
            lo = Math.max(probe + 1, from);
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (get(partner, mid) < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
