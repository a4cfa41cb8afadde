package org.pramaan.hash.internal;

import java.util.Random;

/** Random and adversarial 256-bit hashes (packed as four longs) for the differential tests. */
final class HashGen {
    final Random random;

    HashGen(long seed) {
        random = new Random(seed);
    }

    long[] random() {
        return new long[] {random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()};
    }

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
        for (int i = 0; i < 16; i++) flipInChunk(out, h, order[i], k / 16 + (i < k % 16 ? 1 : 0));
        return out;
    }

    /**
     * {@code h} with {@code k} bits flipped spread evenly over the 8 chunk pairs (2j, 2j+1), each
     * pair's share split at random between its two chunks (0..all on either side): the worst case for
     * the pair-level pigeonhole, where only one pair is within ⌊k/8⌋ bits.
     */
    long[] pairSpread(long[] h, int k) {
        long[] out = h.clone();
        int first = random.nextInt(8);
        for (int i = 0; i < 8; i++) {
            int pair = (first + i) % 8;
            int inPair = k / 8 + (i < k % 8 ? 1 : 0);
            int left = random.nextInt(inPair + 1);
            flipInChunk(out, h, 2 * pair, left);
            flipInChunk(out, h, 2 * pair + 1, inPair - left);
        }
        return out;
    }

    private void flipInChunk(long[] out, long[] h, int chunk, int count) {
        int done = 0;
        while (done < Math.min(count, 16)) {
            int bit = chunk * 16 + random.nextInt(16);
            int w = bit >>> 6;
            long m = 1L << (63 - (bit & 63));
            if (((out[w] ^ h[w]) & m) != 0) continue;
            out[w] ^= m;
            done++;
        }
    }

    /** A hash with only {@code k} bits set (near-blank image). */
    long[] sparse(int k) {
        return flip(new long[4], k);
    }
}
