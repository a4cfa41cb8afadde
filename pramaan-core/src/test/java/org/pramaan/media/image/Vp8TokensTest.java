package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The unrolled token reader of {@link Vp8Residuals} against the plain walk of RFC 6386 §13.2's
 * token tree with {@link Vp8BoolDecoder#tree}, kept here as the oracle: on random streams (any
 * byte string is a valid token stream) and random probabilities, each block must give the same
 * dequantised coefficients and end position, and leave the stream at the same place.
 */
class Vp8TokensTest {
    private static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};
    private static final int[] BANDS = {0, 1, 2, 3, 6, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 0};
    private static final int EOB = 11;
    /** §13.2's tree with leaves 0..4 for the values 0..4, 5..10 for dct_cat1..6 and EOB. */
    private static final int[] COEFF_TREE = {
        -EOB, 2, 0, 4, -1, 6, 8, 12, -2, 10, -3, -4, 14, 16, -5, -6, 18, 20, -7, -8, -9, -10
    };

    private static final int[][] CAT_PROBS = {
        {159},
        {165, 145},
        {173, 148, 140},
        {176, 155, 140, 135},
        {180, 157, 141, 134, 130},
        {254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129}
    };
    private static final int[] CAT_BASE = {5, 7, 11, 19, 35, 67};

    /** The tree walk from the first node, or from the third after a DCT_0 (§13.2: no dct_eob after a zero). */
    private static int walk(Vp8BoolDecoder b, int[] p, int o, int start) {
        int i = start;
        do {
            i = COEFF_TREE[i + b.bit(p[o + (i >> 1)])];
        } while (i > 0);
        return -i;
    }

    private static int oracle(Vp8BoolDecoder b, int[] p, int type, int ctx, int i, int dcq, int acq, int[] out) {
        int base = type * 264;
        int t = walk(b, p, base + (BANDS[i] * 3 + ctx) * 11, 0);
        while (t != EOB) {
            if (t == 0) {
                if (++i == 16) return 16;
                t = walk(b, p, base + BANDS[i] * 33, 2);
                continue;
            }
            int v = t;
            if (t > 4) {
                v = 0;
                for (int prob : CAT_PROBS[t - 5]) v = 2 * v + b.bit(prob);
                v += CAT_BASE[t - 5];
            }
            out[ZIGZAG[i]] = (b.bit(128) == 1 ? -v : v) * (i > 0 ? acq : dcq);
            if (++i == 16) return 16;
            t = walk(b, p, base + (BANDS[i] * 3 + (v == 1 ? 1 : 2)) * 11, 0);
        }
        return i;
    }

    @Test
    void unrolledTokensEqualTheTreeWalk() {
        Random r = new Random(13);
        int[] probs = new int[Vp8Tables.DEFAULT_COEFF.length];
        for (int trial = 0; trial < 300; trial++) {
            for (int i = 0; i < probs.length; i++)
                probs[i] = trial % 3 == 0 ? Vp8Tables.DEFAULT_COEFF[i] : 1 + r.nextInt(255);
            byte[] data = new byte[64 + r.nextInt(2000)];
            r.nextBytes(data);
            Vp8BoolDecoderTest.encodable(data);
            Vp8BoolDecoder fast = new Vp8BoolDecoder(data, 0, data.length),
                    plain = new Vp8BoolDecoder(data, 0, data.length);
            Vp8Residuals res = new Vp8Residuals(probs, 1);
            int[] expected = new int[16];
            for (int block = 0; block < 60; block++) {
                int type = r.nextInt(4), ctx = r.nextInt(3), first = type == 0 ? 1 : 0;
                int dcq = 4 + r.nextInt(300), acq = 4 + r.nextInt(300);
                Arrays.fill(res.coeffs, 0, 16, 0);
                Arrays.fill(expected, 0);
                int eob = res.tokens(fast, type, ctx, first, dcq, acq, 0);
                assertThat(eob)
                        .as("trial %d block %d: end position", trial, block)
                        .isEqualTo(oracle(plain, probs, type, ctx, first, dcq, acq, expected));
                assertThat(Arrays.copyOf(res.coeffs, 16))
                        .as("trial %d block %d: coefficients", trial, block)
                        .isEqualTo(expected);
            }
            for (int i = 0; i < 64; i++)
                assertThat(fast.bit(128))
                        .as("trial %d: stream position after the blocks", trial)
                        .isEqualTo(plain.bit(128));
        }
    }
}
