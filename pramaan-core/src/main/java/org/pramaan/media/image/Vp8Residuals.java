package org.pramaan.media.image;

import java.util.Arrays;

/**
 * One macroblock's residual tokens (RFC 6386 §13), dequantised on the way in (§14.1): blocks 0–15
 * luma, 16–19 U, 20–23 V, 24 the Y2 block of luma DCs (inverse-WHT'd into the luma blocks, §14.3).
 * Keeps the above and left "has coefficients" contexts: per macroblock column 4 Y, 2 U, 2 V, 1 Y2.
 */
final class Vp8Residuals {
    /** What a block's inverse DCT needs: nothing, the DC only, coefficients 0, 1 and 4 only (the last token at zigzag position ≤ 2), or all. */
    static final int NONE = 0, DC_ONLY = 1, AC3 = 2, FULL = 3;

    private static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};
    /** Per position 0..16, the offset of its band's probabilities (§13.3: 3 contexts × 11 per band). */
    private static final int[] BAND_OFFSET = {
        0, 33, 66, 99, 198, 132, 165, 198, 198, 198, 198, 198, 198, 198, 198, 231, 0
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
    private static final int Y2 = 8;

    final int[] coeffs = new int[25 * 16];
    private final int[] kinds = new int[24], dc = new int[16];
    private final int[] probs, above, left = new int[9];
    private boolean y2Coded;

    Vp8Residuals(Vp8Header h, int mbw) {
        this(h.coeffProbs, mbw);
    }

    /** @param probs the coefficient probabilities, [type 4][band 8][context 3][node 11] flattened (§13.4) */
    Vp8Residuals(int[] probs, int mbw) {
        this.probs = probs;
        this.above = new int[9 * mbw];
    }

    void newRow() {
        Arrays.fill(left, 0);
    }

    int kind(int block) {
        return kinds[block];
    }

    /** A macroblock with mb_skip_coeff set: no residual; its contexts become empty (Y2's only if it has one). */
    boolean skip(int mx, boolean bPred) {
        clear();
        Arrays.fill(kinds, NONE);
        int n = bPred ? 8 : 9;
        Arrays.fill(above, 9 * mx, 9 * mx + n, 0);
        Arrays.fill(left, 0, n, 0);
        return false;
    }

    /** Reads and dequantises the macroblock's tokens; true if any block had a coefficient. */
    boolean read(Vp8BoolDecoder b, int mx, boolean bPred, int[] q) {
        clear();
        int a = 9 * mx, type = 3, first = 0;
        boolean any = false;
        if (!bPred) {
            int eob = tokens(b, 1, above[a + Y2] + left[Y2], 0, q[2], q[3], 24 * 16);
            above[a + Y2] = left[Y2] = eob > 0 ? 1 : 0;
            any = eob > 0;
            lumaDcs(eob);
            type = 0;
            first = 1;
        }
        for (int i = 0; i < 16; i++) {
            int x = i & 3, y = i >> 2;
            int eob = tokens(b, type, above[a + x] + left[y], first, q[0], q[1], i * 16);
            any |= block(i, eob, first, a + x, y);
        }
        for (int i = 0; i < 8; i++) {
            int x = i & 1, y = (i >> 1) & 1, c = i < 4 ? 4 : 6;
            int eob = tokens(b, 2, above[a + c + x] + left[c + y], 0, q[4], q[5], (16 + i) * 16);
            any |= block(16 + i, eob, 0, a + c + x, c + y);
        }
        return any;
    }

    /**
     * Zeroes what the last macroblock left: only its blocks' coded coefficients (a coded
     * coefficient is never 0 once dequantised, so a block of kind NONE is all zero and one of
     * kind AC3 has nothing beyond 0, 1 and 4), and its Y2 block.
     */
    private void clear() {
        for (int i = 0; i < 24; i++) {
            int k = kinds[i], o = i * 16;
            if (k == FULL) Arrays.fill(coeffs, o, o + 16, 0);
            coeffs[o] = coeffs[o + 1] = coeffs[o + 4] = 0;
        }
        if (y2Coded) Arrays.fill(coeffs, 24 * 16, 25 * 16, 0);
        y2Coded = false;
    }

    /** The Y2 block's inverse WHT into the luma DCs (§14.3); with only a DC, every output is (dc + 3) >> 3. */
    private void lumaDcs(int eob) {
        y2Coded = eob > 0;
        if (eob > 1) {
            Vp8Transform.inverseWht(coeffs, 24 * 16, dc);
            for (int i = 0; i < 16; i++) coeffs[i * 16] = dc[i];
        } else {
            int v = (coeffs[24 * 16] + 3) >> 3;
            for (int i = 0; i < 16; i++) coeffs[i * 16] = v;
        }
    }

    private boolean block(int i, int eob, int first, int aboveIndex, int leftIndex) {
        boolean nz = eob > first;
        above[aboveIndex] = left[leftIndex] = nz ? 1 : 0;
        kinds[i] = eob > 3 ? FULL : eob > 1 ? AC3 : coeffs[i * 16] != 0 ? DC_ONLY : NONE;
        return nz;
    }

    /**
     * §13.2–13.3: the tokens of one block from position {@code n}; returns the position after the
     * last token. The token tree is unrolled into its decisions (probability k of a context's 11
     * is tree node k), so each decision's probability is known without the previous one's outcome:
     * the generic walk ({@link Vp8BoolDecoder#tree}) put two dependent loads between decisions.
     * Vp8TokensTest compares it with that walk.
     */
    int tokens(Vp8BoolDecoder b, int type, int ctx, int n, int dcq, int acq, int out) {
        int[] pr = probs;
        int base = type * 264, p = base + BAND_OFFSET[n] + ctx * 11;
        for (; n < 16; n++) {
            if (b.bit(pr[p]) == 0) return n; // dct_eob
            while (b.bit(pr[p + 1]) == 0) { // DCT_0; the next token cannot be dct_eob, and its context is 0
                if (++n == 16) return 16;
                p = base + BAND_OFFSET[n];
            }
            int v, next;
            if (b.bit(pr[p + 2]) == 0) {
                v = 1;
                next = 11;
            } else {
                v = large(b, pr, p);
                next = 22;
            }
            coeffs[out + ZIGZAG[n]] = b.signed(v) * (n > 0 ? acq : dcq);
            p = base + BAND_OFFSET[n + 1] + next;
        }
        return 16;
    }

    /** The tree below DCT_1 (§13.2): DCT_2..4 and dct_cat1..6 with their extra bits. */
    private static int large(Vp8BoolDecoder b, int[] pr, int p) {
        if (b.bit(pr[p + 3]) == 0) {
            if (b.bit(pr[p + 4]) == 0) return 2;
            return 3 + b.bit(pr[p + 5]);
        }
        if (b.bit(pr[p + 6]) == 0) {
            if (b.bit(pr[p + 7]) == 0) return 5 + b.bit(159); // dct_cat1
            int v = 2 * b.bit(165); // dct_cat2
            return 7 + v + b.bit(145);
        }
        int high = b.bit(pr[p + 8]);
        return extra(b, 2 + 2 * high + b.bit(pr[p + 9 + high])); // dct_cat3..6
    }

    /** dct_cat1..6: a base value plus extra bits, most significant first, at fixed probabilities (§13.2). */
    private static int extra(Vp8BoolDecoder b, int cat) {
        int v = 0;
        for (int prob : CAT_PROBS[cat]) v = 2 * v + b.bit(prob);
        return CAT_BASE[cat] + v;
    }
}
