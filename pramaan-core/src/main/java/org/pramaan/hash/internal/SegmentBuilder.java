package org.pramaan.hash.internal;

/**
 * Builds a {@link MainSegment} from raw hashes: counts every chunk's buckets, keeps entries of
 * over-full buckets out of the tables (the overflow range every query scans), sorts the hashes by
 * chunk 0 and writes tables 1..15 with their partner chunks by counting sort. Kept apart from the
 * segment's search so each reads on its own; the layout is described on {@link MainSegment}.
 */
final class SegmentBuilder {
    private SegmentBuilder() {}

    /** @param wide 4-byte postings even when 3 would do (tests reach the wide layout without 16M hashes) */
    static MainSegment build(long[] words, long[] ids, int n, int minCap, boolean wide) {
        if (n > Integer.MAX_VALUE / 4)
            throw new IllegalArgumentException(
                    "one segment holds at most " + Integer.MAX_VALUE / 4 + " hashes, got " + n);
        int cap = MainSegment.capFor(n, minCap);
        int[][] counts = new int[Packed.CHUNKS][Packed.BUCKETS];
        for (int i = 0; i < n; i++) for (int k = 0; k < Packed.CHUNKS; k++) counts[k][Packed.chunk(words, i, k)]++;
        boolean[] overflow = markOverflow(words, n, counts, cap);
        int tabled = n;
        for (boolean o : overflow) if (o) tabled--;
        int[][] offsets = new int[Packed.CHUNKS][];
        for (int k = 0; k < Packed.CHUNKS; k++) offsets[k] = prefixSums(counts[k]);
        long[] w = new long[n * 4];
        long[] id = new long[n];
        int[] fill = offsets[0].clone();
        int next = tabled;
        for (int i = 0; i < n; i++) {
            int p = overflow[i] ? next++ : fill[Packed.chunk(words, i, 0)]++;
            System.arraycopy(words, i << 2, w, p << 2, 4);
            id[p] = ids[i];
        }
        int width = wide ? 4 : MainSegment.widthFor(tabled);
        byte[][] postings = new byte[Packed.CHUNKS - 1][];
        long[][] partners = new long[Packed.CHUNKS - 1][];
        for (int k = 1; k < Packed.CHUNKS; k++) {
            postings[k - 1] = MainSegment.postingArray(width, tabled);
            partners[k - 1] = PairFilter.packed(tabled);
            table(w, tabled, k, offsets[k], width, postings[k - 1], partners[k - 1]);
        }
        return new MainSegment(n, tabled, cap, width, w, id, offsets, postings, partners);
    }

    /** Entries in any bucket over the cap; their counts are taken back out so the tables skip them. */
    private static boolean[] markOverflow(long[] words, int n, int[][] counts, int cap) {
        boolean[] overflow = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < Packed.CHUNKS && !overflow[i]; k++)
                overflow[i] = counts[k][Packed.chunk(words, i, k)] > cap;
        }
        for (int i = 0; i < n; i++)
            if (overflow[i]) for (int k = 0; k < Packed.CHUNKS; k++) counts[k][Packed.chunk(words, i, k)]--;
        return overflow;
    }

    /** Table k: the tabled positions in chunk-k order (a counting sort), {@code width} bytes each, with their partner chunks. */
    private static void table(long[] w, int tabled, int k, int[] offsets, int width, byte[] post, long[] partner) {
        int[] f = offsets.clone();
        for (int p = 0; p < tabled; p++) {
            int i = f[Packed.chunk(w, p, k)]++;
            PairFilter.set(partner, i, Packed.chunk(w, p, k ^ 1));
            for (int b = 0; b < width; b++) post[i * width + b] = (byte) (p >>> (8 * b));
        }
    }

    private static int[] prefixSums(int[] counts) {
        int[] off = new int[Packed.BUCKETS + 1];
        for (int v = 0; v < Packed.BUCKETS; v++) off[v + 1] = off[v] + counts[v];
        return off;
    }
}
