package org.pramaan.media.image;

import java.util.Arrays;

/**
 * One macroblock's residual tokens (RFC 6386 §13), dequantised on the way in (§14.1): blocks 0–15
 * luma, 16–19 U, 20–23 V, 24 the Y2 block of luma DCs (inverse-WHT'd into the luma blocks, §14.3).
 * Keeps the above and left "has coefficients" contexts: per macroblock column 4 Y, 2 U, 2 V, 1 Y2.
 */
final class Vp8Residuals {
    static final int NONE = 0, DC_ONLY = 1, FULL = 2;
    private static final int[] ZIGZAG = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};
    private static final int[] BANDS = {0, 1, 2, 3, 6, 4, 5, 6, 6, 6, 6, 6, 6, 6, 6, 7, 0};
    /** The token tree of §13.2 with leaves 0..4 for the values 0..4, 5..10 for dct_cat1..6 and {@link #EOB}. */
    private static final int EOB = 11;
    private static final int[] COEFF_TREE = {-EOB, 2, 0, 4, -1, 6, 8, 12, -2, 10, -3, -4, 14, 16, -5, -6, 18, 20, -7, -8, -9, -10};
    private static final int[][] CAT_PROBS = {
        {159}, {165, 145}, {173, 148, 140}, {176, 155, 140, 135}, {180, 157, 141, 134, 130}, {254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129}};
    private static final int[] CAT_BASE = {5, 7, 11, 19, 35, 67};
    private static final int Y2 = 8;

    final int[] coeffs = new int[25 * 16];
    private final int[] kinds = new int[24], dc = new int[16];
    private final int[] probs, above, left = new int[9];

    Vp8Residuals(Vp8Header h, int mbw) {
        this.probs = h.coeffProbs;
        this.above = new int[9 * mbw];
    }

    void newRow() { Arrays.fill(left, 0); }

    int kind(int block) { return kinds[block]; }

    /** A macroblock with mb_skip_coeff set: no residual; its contexts become empty (Y2's only if it has one). */
    boolean skip(int mx, boolean bPred) {
        Arrays.fill(kinds, NONE);
        int n = bPred ? 8 : 9;
        Arrays.fill(above, 9 * mx, 9 * mx + n, 0);
        Arrays.fill(left, 0, n, 0);
        return false;
    }

    /** Reads and dequantises the macroblock's tokens; true if any block had a coefficient. */
    boolean read(Vp8BoolDecoder b, int mx, boolean bPred, int[] q) {
        Arrays.fill(coeffs, 0);
        int a = 9 * mx, type = 3, first = 0;
        boolean any = false;
        if (!bPred) {
            int eob = tokens(b, 1, above[a + Y2] + left[Y2], 0, q[2], q[3], 24 * 16);
            int nz = eob > 0 ? 1 : 0;
            above[a + Y2] = left[Y2] = nz;
            any = nz != 0;
            Vp8Transform.inverseWht(coeffs, 24 * 16, dc);
            for (int i = 0; i < 16; i++) coeffs[i * 16] = dc[i];
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

    private boolean block(int i, int eob, int first, int aboveIndex, int leftIndex) {
        boolean nz = eob > first;
        above[aboveIndex] = left[leftIndex] = nz ? 1 : 0;
        kinds[i] = eob > 1 ? FULL : coeffs[i * 16] != 0 ? DC_ONLY : NONE;
        return nz;
    }

    /** §13.2–13.3: the tokens of one block from position {@code i}; returns the position after the last token. */
    private int tokens(Vp8BoolDecoder b, int type, int ctx, int i, int dcq, int acq, int out) {
        int[] p = probs;
        int base = type * 264, o = base + (BANDS[i] * 3 + ctx) * 11;
        int t = b.tree(COEFF_TREE, p, o, 0);
        while (t != EOB) {
            if (t == 0) { // DCT_0: the next token cannot be dct_eob
                if (++i == 16) return 16;
                t = b.tree(COEFF_TREE, p, base + BANDS[i] * 33, 2);
                continue;
            }
            int v = t <= 4 ? t : extra(b, t - 5);
            coeffs[out + ZIGZAG[i]] = (b.read(128) ? -v : v) * (i > 0 ? acq : dcq);
            if (++i == 16) return 16;
            t = b.tree(COEFF_TREE, p, base + (BANDS[i] * 3 + (v == 1 ? 1 : 2)) * 11, 0);
        }
        return i;
    }

    /** dct_cat1..6: a base value plus extra bits, most significant first, at fixed probabilities (§13.2). */
    private static int extra(Vp8BoolDecoder b, int cat) {
        int v = 0;
        for (int prob : CAT_PROBS[cat]) v = 2 * v + b.bit(prob);
        return CAT_BASE[cat] + v;
    }
}
