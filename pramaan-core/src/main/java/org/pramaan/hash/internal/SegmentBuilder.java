package org.pramaan.hash.internal;

import java.util.Arrays;

/**
 * Builds a {@link MainSegment} from raw hashes, on several threads (issue 18: 100M hashes took 63 s
 * on one). The steps, each split into independent tasks: count every chunk's buckets per range of
 * entries; keep entries of over-full buckets out of the tables (the overflow range every query
 * scans); order the hashes by (chunk 0, chunk 1) with a stable counting sort by chunk 0 and a sort
 * of each chunk-0 bucket by chunk 1; then one task per chunk pair writes that pair's two tables.
 * Every step is stable and its tasks write disjoint slices, so the layout is the same for any
 * number of threads. The layout itself is described on {@link MainSegment}.
 */
final class SegmentBuilder {
    private SegmentBuilder() {}

    /** @param wide 4-byte postings even when 3 would do (tests reach the wide layout without 16M hashes) */
    static MainSegment build(long[] words, long[] ids, int n, int minCap, boolean wide, int threads) {
        if (n > Integer.MAX_VALUE / 4)
            throw new IllegalArgumentException(
                    "one segment holds at most " + Integer.MAX_VALUE / 4 + " hashes, got " + n);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        int cap = MainSegment.capFor(n, minCap);
        // Ranges of entries, each with its own counts (4 MB), so counting and the chunk-0 scatter run
        // in parallel and stay stable: range r's entries go after those of ranges before it.
        int ranges = n < 1024 ? 1 : threads;
        int[][][] counts = new int[ranges][Packed.CHUNKS][Packed.BUCKETS];
        Workers.run(threads, ranges, r -> {
            int[][] c = counts[r];
            for (int i = Workers.rangeStart(n, ranges, r), e = Workers.rangeStart(n, ranges, r + 1); i < e; i++)
                for (int k = 0; k < Packed.CHUNKS; k++) c[k][Packed.chunk(words, i, k)]++;
        });
        int[][] total = sum(counts, threads);
        boolean[] overflow = new boolean[n];
        int[] overflowIn = new int[ranges];
        Workers.run(threads, ranges, r -> {
            for (int i = Workers.rangeStart(n, ranges, r), e = Workers.rangeStart(n, ranges, r + 1); i < e; i++) {
                for (int k = 0; k < Packed.CHUNKS && !overflow[i]; k++)
                    overflow[i] = total[k][Packed.chunk(words, i, k)] > cap;
                if (!overflow[i]) continue;
                overflowIn[r]++;
                for (int k = 0; k < Packed.CHUNKS; k++) counts[r][k][Packed.chunk(words, i, k)]--;
            }
        });
        int[][] tabledCounts = sum(counts, threads);
        int tabled = n;
        for (int o : overflowIn) tabled -= o;
        int[][] offsets = new int[Packed.CHUNKS][];
        for (int k = 0; k < Packed.CHUNKS; k++) offsets[k] = prefixSums(tabledCounts[k]);
        int[] order = chunkZeroOrder(words, n, tabled, offsets[0], counts, overflow, overflowIn, threads);
        long[] w = new long[n * 4];
        long[] id = new long[n];
        Workers.run(threads, ranges, r -> {
            for (int p = Workers.rangeStart(n, ranges, r), e = Workers.rangeStart(n, ranges, r + 1); p < e; p++) {
                System.arraycopy(words, order[p] << 2, w, p << 2, 4);
                id[p] = ids[order[p]];
            }
        });
        int width = wide ? 4 : MainSegment.widthFor(tabled);
        byte[][] postings = new byte[Packed.CHUNKS / 2 - 1][];
        long[][] partners = new long[Packed.CHUNKS - 1][];
        int t = tabled;
        Workers.run(threads, Packed.CHUNKS / 2, pair -> {
            if (pair == 0) firstPair(w, t, offsets[1], partners);
            else pair(w, t, pair, offsets, width, postings, partners);
        });
        return new MainSegment(n, tabled, cap, width, w, id, offsets, postings, partners);
    }

    /**
     * The new position of every entry (as the index of the input entry that goes there): tabled
     * entries by (chunk 0, chunk 1, input order), then the overflow entries in input order.
     */
    private static int[] chunkZeroOrder(
            long[] words,
            int n,
            int tabled,
            int[] off0,
            int[][][] counts,
            boolean[] overflow,
            int[] overflowIn,
            int threads) {
        int ranges = counts.length;
        // Range r's first slot in bucket v: the bucket's start plus what earlier ranges put there.
        for (int v = 0; v < Packed.BUCKETS; v++) {
            int at = off0[v];
            for (int[][] c : counts) {
                int here = c[0][v];
                c[0][v] = at;
                at += here;
            }
        }
        // Each slot gets (chunk 1, input index) as one key, written by the scatter while the hash is
        // at hand, so sorting a bucket by chunk 1 reads no hash at random.
        long[] keys = new long[n];
        Workers.run(threads, ranges, r -> {
            int[] fill = counts[r][0];
            int spill = tabled;
            for (int q = 0; q < r; q++) spill += overflowIn[q];
            for (int i = Workers.rangeStart(n, ranges, r), e = Workers.rangeStart(n, ranges, r + 1); i < e; i++) {
                long key = (long) Packed.chunk(words, i, 1) << 32 | i;
                keys[overflow[i] ? spill++ : fill[Packed.chunk(words, i, 0)]++] = key;
            }
        });
        int groups = 256;
        Workers.run(threads, groups, g -> {
            for (int v = g * (Packed.BUCKETS / groups), e = v + Packed.BUCKETS / groups; v < e; v++) {
                // Ties on chunk 1 fall back to input order (the low half of the key): stable.
                if (off0[v + 1] - off0[v] > 1) Arrays.sort(keys, off0[v], off0[v + 1]);
            }
        });
        int[] order = new int[n];
        Workers.run(threads, ranges, r -> {
            for (int p = Workers.rangeStart(n, ranges, r), e = Workers.rangeStart(n, ranges, r + 1); p < e; p++)
                order[p] = (int) keys[p];
        });
        return order;
    }

    /**
     * Table 1, whose partner is chunk 0: positions taken in order (so by chunk 0 within a bucket,
     * the hashes being sorted by chunk 0 first). It holds no postings: {@link MainSegment} finds an
     * entry's position in chunk 0's bucket through its partner (chunk 0) and its bucket (chunk 1).
     */
    private static void firstPair(long[] w, int tabled, int[] off1, long[][] partners) {
        long[] part = PairFilter.packed(tabled);
        int[] fill = off1.clone();
        for (int p = 0; p < tabled; p++) PairFilter.set(part, fill[Packed.chunk(w, p, 1)]++, Packed.chunk(w, p, 0));
        partners[0] = part;
    }

    /**
     * Tables a = 2j and b = 2j + 1. Table a lists positions by (chunk a, chunk b, position) with
     * chunk b as partner; table b lists only partners (chunk a), ordered by (chunk b, chunk a,
     * position), so an entry of table b is found in table a by its two chunks and needs no posting
     * of its own. Three stable counting passes: by b (positions and chunk a kept aside), by a over
     * that order, and by b again over table a's order.
     */
    private static void pair(
            long[] w, int tabled, int j, int[][] offsets, int width, byte[][] postings, long[][] partners) {
        int a = 2 * j, b = a + 1;
        int[] offA = offsets[a], offB = offsets[b];
        int[] byB = new int[tabled];
        long[] partB = PairFilter.packed(tabled);
        int[] fill = offB.clone();
        for (int p = 0; p < tabled; p++) {
            int i = fill[Packed.chunk(w, p, b)]++;
            byB[i] = p;
            PairFilter.set(partB, i, Packed.chunk(w, p, a));
        }
        byte[] post = MainSegment.postingArray(width, tabled);
        long[] partA = PairFilter.packed(tabled);
        fill = offA.clone();
        for (int v = 0; v < Packed.BUCKETS; v++) {
            for (int i = offB[v]; i < offB[v + 1]; i++) {
                int x = fill[PairFilter.get(partB, i)]++;
                int p = byB[i];
                for (int k = 0; k < width; k++) post[x * width + k] = (byte) (p >>> (8 * k));
                PairFilter.set(partA, x, v);
            }
        }
        Arrays.fill(partB, 0);
        fill = offB.clone();
        for (int u = 0; u < Packed.BUCKETS; u++)
            for (int x = offA[u]; x < offA[u + 1]; x++) PairFilter.set(partB, fill[PairFilter.get(partA, x)]++, u);
        postings[j - 1] = post;
        partners[a - 1] = partA;
        partners[b - 1] = partB;
    }

    /** Per-chunk totals over the ranges' counts, one task per chunk. */
    private static int[][] sum(int[][][] counts, int threads) {
        int[][] total = new int[Packed.CHUNKS][Packed.BUCKETS];
        Workers.run(threads, Packed.CHUNKS, k -> {
            for (int[][] c : counts) for (int v = 0; v < Packed.BUCKETS; v++) total[k][v] += c[k][v];
        });
        return total;
    }

    private static int[] prefixSums(int[] counts) {
        int[] off = new int[Packed.BUCKETS + 1];
        for (int v = 0; v < Packed.BUCKETS; v++) off[v + 1] = off[v] + counts[v];
        return off;
    }
}
