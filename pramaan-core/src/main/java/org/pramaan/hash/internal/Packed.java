package org.pramaan.hash.internal;

/**
 * Helpers over hashes packed four longs each ({@code words[4i..4i+3]}, word 0 most significant,
 * as {@code Hash256} holds them). Chunk k (0..15) is the k-th 16-bit group from the most
 * significant end, so chunk order matches the hex form.
 */
final class Packed {
    static final int CHUNKS = 16;
    static final int BUCKETS = 1 << 16;

    private Packed() {}

    static int chunk(long[] words, int entry, int k) {
        return (int) (words[(entry << 2) + (k >>> 2)] >>> (48 - ((k & 3) << 4))) & 0xFFFF;
    }

    static int chunk(long[] q, int k) {
        return chunk(q, 0, k);
    }

    /** Hamming distance between entry {@code entry} and the query {@code q} (4 longs). */
    static int distance(long[] words, int entry, long[] q) {
        int b = entry << 2;
        return Long.bitCount(words[b] ^ q[0])
                + Long.bitCount(words[b + 1] ^ q[1])
                + Long.bitCount(words[b + 2] ^ q[2])
                + Long.bitCount(words[b + 3] ^ q[3]);
    }

    /** Hamming distance within chunk k only. */
    static int chunkDistance(long[] words, int entry, long[] q, int k) {
        int w = k >>> 2;
        long mask = 0xFFFFL << (48 - ((k & 3) << 4));
        return Long.bitCount((words[(entry << 2) + w] ^ q[w]) & mask);
    }

    /** An order-independent digest of (id, hash) pairs: a sum of mixed entries, so any order of adds gives the same value. */
    static long mix(long id, long w0, long w1, long w2, long w3) {
        long h = id * 0x9E3779B97F4A7C15L;
        h = (h ^ w0) * 0xBF58476D1CE4E5B9L;
        h = (h ^ w1 ^ (h >>> 29)) * 0x94D049BB133111EBL;
        h = (h ^ w2 ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ w3 ^ (h >>> 30)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
