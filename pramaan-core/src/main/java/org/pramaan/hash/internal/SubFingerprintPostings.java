package org.pramaan.hash.internal;

/**
 * Postings of 32-bit audio sub-fingerprints, bucketed by the value's top {@code dirBits} bits
 * (counting sort, so building is linear). Each entry is one {@code long}: the value in the high 32
 * bits, a position in the low 32. {@link #near} finds every entry within {@link OffsetSearch}'s
 * vote distance of a value: two values within 2 bits have top bits within 2 bits, so probing the
 * 1 + D + D(D−1)/2 buckets whose keys are that close and checking the full value in each finds
 * exactly the pairs all-pairs voting counts, each once (Haitsma and Kalker's lookup for
 * Philips-style fingerprints, ISMIR 2002 §4.2, with the radius OffsetSearch votes at).
 */
public final class SubFingerprintPostings {
    /** Largest directory: 2^24 ints (64 MB) keeps a 145M-entry bank's buckets at about 9 entries. */
    static final int MAX_DIR_BITS = 24;

    private final long[] entries;
    private final int[] start;
    private final int dirBits;

    /** Receives the position of each entry found. */
    @FunctionalInterface
    public interface Sink {
        void accept(int position);
    }

    private SubFingerprintPostings(long[] entries, int[] start, int dirBits) {
        this.entries = entries;
        this.start = start;
        this.dirBits = dirBits;
    }

    public static final SubFingerprintPostings EMPTY = build(new long[0], 0);

    /** One posting: {@code value} found at {@code position}. */
    public static long entry(int value, int position) {
        return ((long) value << 32) | Integer.toUnsignedLong(position);
    }

    /** Buckets the first {@code n} entries of {@code unsorted} (made by {@link #entry}); the array is not kept. */
    public static SubFingerprintPostings build(long[] unsorted, int n) {
        int bits = Math.clamp(64 - Long.numberOfLeadingZeros(Math.max(1, n / 4)), 1, MAX_DIR_BITS);
        int shift = 64 - bits;
        int[] start = new int[(1 << bits) + 1];
        for (int i = 0; i < n; i++) start[(int) (unsorted[i] >>> shift) + 1]++;
        for (int k = 1; k < start.length; k++) start[k] += start[k - 1];
        int[] fill = java.util.Arrays.copyOf(start, start.length - 1);
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) sorted[fill[(int) (unsorted[i] >>> shift)]++] = unsorted[i];
        return new SubFingerprintPostings(sorted, start, bits);
    }

    public int size() {
        return entries.length;
    }

    public long memoryBytes() {
        return 8L * entries.length + 4L * start.length;
    }

    /** Every position whose value differs from {@code value} in at most {@link OffsetSearch#VOTE_BITS} bits. */
    public void near(int value, Sink sink) {
        int key = value >>> (32 - dirBits);
        scan(key, value, sink);
        for (int a = 0; a < dirBits; a++) {
            int ka = key ^ (1 << a);
            scan(ka, value, sink);
            for (int b = a + 1; b < dirBits; b++) scan(ka ^ (1 << b), value, sink);
        }
    }

    private void scan(int key, int value, Sink sink) {
        for (int i = start[key], end = start[key + 1]; i < end; i++) {
            long e = entries[i];
            if (Integer.bitCount((int) (e >>> 32) ^ value) <= OffsetSearch.VOTE_BITS) sink.accept((int) e);
        }
    }
}
