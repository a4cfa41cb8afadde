package org.pramaan.hash.internal;

import java.util.Random;

/** Random and adversarial 256-bit hashes (packed as four longs) for the differential tests. */
final class HashGen {
    final Random random;

    HashGen(long seed) { random = new Random(seed); }

    long[] random() { return new long[] {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()}; }

    /** {@code h} with exactly {@code k} distinct random bits flipped. */
    long[] flip(long[] h, int k) {
        long[] out = h.clone();
        int flipped = 0;
        while (flipped < k) {
            int b = random.nextInt(256);
            long m = 1L << (b & 63);
            if (((out[b >>> 6] ^ h[b >>> 6]) & m) != 0) continue;
            out[b >>> 6] ^= m;
            flipped++;
        }
        return out;
    }

    /**
     * {@code h} with {@code k} bits flipped spread as evenly as possible over the 16 chunks (in a
     * random chunk order): the worst case for the pigeonhole, where only one chunk is within 1 bit.
     */
    long[] spread(long[] h, int k) {
        long[] out = h.clone();
        int[] order = new int[16];
        for (int i = 0; i < 16; i++) order[i] = i;
        for (int i = 15; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < 16; i++) {
            int inChunk = k / 16 + (i < k % 16 ? 1 : 0);
            int chunk = order[i];
            int done = 0;
            while (done < inChunk) {
                int bit = chunk * 16 + random.nextInt(16);
                int w = bit >>> 6;
                long m = 1L << (63 - (bit & 63));
                if (((out[w] ^ h[w]) & m) != 0) continue;
                out[w] ^= m;
                done++;
            }
        }
        return out;
    }

    /** A hash with only {@code k} bits set (near-blank image). */
    long[] sparse(int k) { return flip(new long[4], k); }
}
