package org.pramaan.hash.internal;

import java.util.function.LongPredicate;

/**
 * Batched brute force for radii the multi-index cannot answer (d ≥ 32) and as the benchmark's
 * baseline: the stored hashes are walked in blocks small enough to stay in L1/L2 while every
 * query of the batch is compared against the block, so memory is read once per batch instead of
 * once per query (hashing.md §9: at 10M hashes one pass is bandwidth-bound).
 */
public final class BlockScan {
    /** 512 hashes × 32 bytes = 16 KiB: fits L1 with room for the queries. */
    static final int BLOCK = 512;

    private BlockScan() {}

    /**
     * Compares entries {@code [from, to)} of {@code words} against {@code queries.length / 4} packed
     * queries and adds those within {@code d} to {@code out[q]}.
     */
    static void scan(
            long[] words, long[] ids, int from, int to, long[] queries, int d, LongPredicate removed, Hits[] out) {
        int qn = queries.length >>> 2;
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            for (int qi = 0; qi < qn; qi++) {
                long q0 = queries[qi << 2],
                        q1 = queries[(qi << 2) + 1],
                        q2 = queries[(qi << 2) + 2],
                        q3 = queries[(qi << 2) + 3];
                for (int p = start; p < end; p++) {
                    int b = p << 2;
                    int dist = Long.bitCount(words[b] ^ q0)
                            + Long.bitCount(words[b + 1] ^ q1)
                            + Long.bitCount(words[b + 2] ^ q2)
                            + Long.bitCount(words[b + 3] ^ q3);
                    if (dist <= d && !removed.test(ids[p])) out[qi].add(ids[p], dist);
                }
            }
        }
    }
}
