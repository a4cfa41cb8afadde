package org.pramaan.media.image;

/**
 * VP8 intra prediction (RFC 6386 §12), written straight into the frame plane. The plane's border
 * (127 above, 129 left, {@link Vp8Frame}) supplies the edge values the spec defines outside the
 * frame; only DC prediction looks at whether the neighbours exist.
 */
final class Vp8Predict {
    static final int DC = 0, V = 1, H = 2, TM = 3, B_PRED = 4;
    static final int B_DC = 0, B_TM = 1, B_VE = 2, B_HE = 3, B_LD = 4, B_RD = 5, B_VR = 6, B_VL = 7, B_HD = 8, B_HU = 9;

    private Vp8Predict() {}

    /** Whole-block prediction of an n×n block (16 for luma, 8 for chroma), §12.2 and §12.3. */
    static void block(byte[] p, int off, int stride, int n, int mode, boolean above, boolean left) {
        int top = off - stride;
        switch (mode) {
            case DC -> {
                int sum = 0, shift = n == 16 ? 3 : 2;
                if (above) for (int x = 0; x < n; x++) sum += p[top + x] & 0xFF;
                if (left) for (int y = 0; y < n; y++) sum += p[off + y * stride - 1] & 0xFF;
                if (above) shift++;
                if (left) shift++;
                int dc = above || left ? (sum + (1 << (shift - 1))) >> shift : 128;
                for (int y = 0; y < n; y++) java.util.Arrays.fill(p, off + y * stride, off + y * stride + n, (byte) dc);
            }
            case V -> {
                for (int y = 0; y < n; y++) System.arraycopy(p, top, p, off + y * stride, n);
            }
            case H -> {
                for (int y = 0; y < n; y++) {
                    int o = off + y * stride;
                    java.util.Arrays.fill(p, o, o + n, p[o - 1]);
                }
            }
            case TM -> {
                int corner = p[top - 1] & 0xFF;
                for (int y = 0; y < n; y++) {
                    int o = off + y * stride, l = (p[o - 1] & 0xFF) - corner;
                    for (int x = 0; x < n; x++) p[o + x] = Vp8Transform.clamp(l + (p[top + x] & 0xFF));
                }
            }
            default -> throw new IllegalStateException("mode " + mode);
        }
    }

    private static int avg3(int x, int y, int z) {
        return (x + y + y + z + 2) >> 2;
    }

    private static int avg2(int x, int y) {
        return (x + y + 1) >> 1;
    }

    /**
     * Subblock prediction, §12.3. {@code e} holds the 13 edge pixels: e[0..3] the left column
     * bottom-up (L[3]..L[0]), e[4] the corner P, e[5..12] the row above A[0..7]; {@code b} is
     * 16 ints of scratch.
     */
    static void subblock(byte[] p, int off, int stride, int mode, int[] e, int[] b) {
        switch (mode) {
            case B_DC -> {
                int v = 4;
                for (int i = 0; i < 4; i++) v += e[5 + i] + e[3 - i];
                java.util.Arrays.fill(b, v >> 3);
            }
            case B_TM -> {
                for (int r = 0; r < 4; r++)
                    for (int c = 0; c < 4; c++) b[r * 4 + c] = Math.max(0, Math.min(255, e[3 - r] + e[5 + c] - e[4]));
            }
            case B_VE -> {
                for (int c = 0; c < 4; c++) b[c] = b[4 + c] = b[8 + c] = b[12 + c] = avg3(e[4 + c], e[5 + c], e[6 + c]);
            }
            case B_HE -> {
                for (int r = 0; r < 3; r++) fillRow(b, r, avg3(e[4 - r], e[3 - r], e[2 - r]));
                fillRow(b, 3, avg3(e[1], e[0], e[0]));
            }
            case B_LD -> {
                for (int r = 0; r < 4; r++)
                    for (int c = 0; c < 4; c++) {
                        int i = r + c;
                        b[r * 4 + c] = i < 6 ? avg3(e[5 + i], e[6 + i], e[7 + i]) : avg3(e[11], e[12], e[12]);
                    }
            }
            case B_RD -> {
                // Along each down-right diagonal, the edge pixel it starts from: E[4 - r + c] smoothed.
                for (int r = 0; r < 4; r++)
                    for (int c = 0; c < 4; c++) {
                        int i = 4 - r + c;
                        b[r * 4 + c] = avg3(e[i - 1], e[i], e[i + 1]);
                    }
            }
            case B_VR -> vr(b, e);
            case B_VL -> vl(b, e);
            case B_HD -> hd(b, e);
            case B_HU -> hu(b, e);
            default -> throw new IllegalStateException("subblock mode " + mode);
        }
        for (int r = 0; r < 4; r++) for (int c = 0; c < 4; c++) p[off + r * stride + c] = (byte) b[r * 4 + c];
    }

    private static void fillRow(int[] b, int r, int v) {
        b[r * 4] = b[r * 4 + 1] = b[r * 4 + 2] = b[r * 4 + 3] = v;
    }

    private static int a3(int[] e, int i) {
        return avg3(e[i - 1], e[i], e[i + 1]);
    }

    private static int a2(int[] e, int i) {
        return avg2(e[i], e[i + 1]);
    }

    private static void vr(int[] b, int[] e) {
        b[12] = a3(e, 2);
        b[8] = a3(e, 3);
        b[13] = b[4] = a3(e, 4);
        b[9] = b[0] = a2(e, 4);
        b[14] = b[5] = a3(e, 5);
        b[10] = b[1] = a2(e, 5);
        b[15] = b[6] = a3(e, 6);
        b[11] = b[2] = a2(e, 6);
        b[7] = a3(e, 7);
        b[3] = a2(e, 7);
    }

    private static void vl(int[] b, int[] e) {
        b[0] = a2(e, 5);
        b[4] = a3(e, 6);
        b[8] = b[1] = a2(e, 6);
        b[5] = b[12] = a3(e, 7);
        b[9] = b[2] = a2(e, 7);
        b[13] = b[6] = a3(e, 8);
        b[10] = b[3] = a2(e, 8);
        b[14] = b[7] = a3(e, 9);
        b[11] = a3(e, 10);
        b[15] = a3(e, 11);
    }

    private static void hd(int[] b, int[] e) {
        b[12] = a2(e, 0);
        b[13] = a3(e, 1);
        b[8] = b[14] = a2(e, 1);
        b[9] = b[15] = a3(e, 2);
        b[10] = b[4] = a2(e, 2);
        b[11] = b[5] = a3(e, 3);
        b[6] = b[0] = a2(e, 3);
        b[7] = b[1] = a3(e, 4);
        b[2] = a3(e, 5);
        b[3] = a3(e, 6);
    }

    private static void hu(int[] b, int[] e) {
        // L[i] is e[3 - i]; the RFC's avg2p(L + i) is avg2(L[i], L[i + 1]), avg3p(L + i) centres on L[i].
        int l0 = e[3], l1 = e[2], l2 = e[1], l3 = e[0];
        b[0] = avg2(l0, l1);
        b[1] = avg3(l0, l1, l2);
        b[2] = b[4] = avg2(l1, l2);
        b[3] = b[5] = avg3(l1, l2, l3);
        b[6] = b[8] = avg2(l2, l3);
        b[7] = b[9] = avg3(l2, l3, l3);
        b[10] = b[11] = b[12] = b[13] = b[14] = b[15] = l3;
    }
}
