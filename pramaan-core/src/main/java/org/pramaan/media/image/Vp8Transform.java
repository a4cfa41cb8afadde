package org.pramaan.media.image;

/**
 * VP8's inverse transforms, bit-exact to RFC 6386 §14.3 (Walsh-Hadamard, for the Y2 block of DCs)
 * and §14.4 (the 4×4 integer DCT, with √2·cos(π/8) − 1 and √2·sin(π/8) in 16.16 fixed point),
 * followed by the §14.5 summation with the prediction, clamped to 0..255.
 */
final class Vp8Transform {
    private static final int C1 = 20091, S1 = 35468;

    private Vp8Transform() {}

    /** Inverse WHT of {@code in[16]} (raster order); output i is the DC of luma subblock i. */
    static void inverseWht(int[] in, int io, int[] dc) {
        int[] t = new int[16];
        for (int i = 0; i < 4; i++) {
            int a1 = in[io + i] + in[io + 12 + i], b1 = in[io + 4 + i] + in[io + 8 + i];
            int c1 = in[io + 4 + i] - in[io + 8 + i], d1 = in[io + i] - in[io + 12 + i];
            t[i] = a1 + b1;
            t[4 + i] = c1 + d1;
            t[8 + i] = a1 - b1;
            t[12 + i] = d1 - c1;
        }
        for (int i = 0; i < 4; i++) {
            int a1 = t[4 * i] + t[4 * i + 3], b1 = t[4 * i + 1] + t[4 * i + 2];
            int c1 = t[4 * i + 1] - t[4 * i + 2], d1 = t[4 * i] - t[4 * i + 3];
            dc[4 * i] = (a1 + b1 + 3) >> 3;
            dc[4 * i + 1] = (c1 + d1 + 3) >> 3;
            dc[4 * i + 2] = (a1 - b1 + 3) >> 3;
            dc[4 * i + 3] = (d1 - c1 + 3) >> 3;
        }
    }

    /** Adds the inverse DCT of {@code c[co..co+15]} (raster order) to the 4×4 pixels at {@code off}. */
    static void idctAdd(int[] c, int co, byte[] p, int off, int stride, int[] tmp) {
        for (int i = 0; i < 4; i++) {
            int i0 = c[co + i], i1 = c[co + 4 + i], i2 = c[co + 8 + i], i3 = c[co + 12 + i];
            int a1 = i0 + i2, b1 = i0 - i2;
            int c1 = ((i1 * S1) >> 16) - (i3 + ((i3 * C1) >> 16));
            int d1 = (i1 + ((i1 * C1) >> 16)) + ((i3 * S1) >> 16);
            tmp[i] = a1 + d1;
            tmp[12 + i] = a1 - d1;
            tmp[4 + i] = b1 + c1;
            tmp[8 + i] = b1 - c1;
        }
        for (int r = 0; r < 4; r++, off += stride) {
            int i0 = tmp[4 * r], i1 = tmp[4 * r + 1], i2 = tmp[4 * r + 2], i3 = tmp[4 * r + 3];
            int a1 = i0 + i2, b1 = i0 - i2;
            int c1 = ((i1 * S1) >> 16) - (i3 + ((i3 * C1) >> 16));
            int d1 = (i1 + ((i1 * C1) >> 16)) + ((i3 * S1) >> 16);
            p[off] = clamp((p[off] & 0xFF) + ((a1 + d1 + 4) >> 3));
            p[off + 3] = clamp((p[off + 3] & 0xFF) + ((a1 - d1 + 4) >> 3));
            p[off + 1] = clamp((p[off + 1] & 0xFF) + ((b1 + c1 + 4) >> 3));
            p[off + 2] = clamp((p[off + 2] & 0xFF) + ((b1 - c1 + 4) >> 3));
        }
    }

    /**
     * {@link #idctAdd} when only raster coefficients 0 (dc), 1 (h) and 4 (v) can be non-zero: the
     * same arithmetic with the zero terms dropped. The column pass gives column 0 dc ± the
     * rotated v and column 1 h throughout; the row pass then adds the rotated h to each row.
     */
    static void ac3Add(int[] c, int co, byte[] p, int off, int stride) {
        int dc = c[co], h = c[co + 1], v = c[co + 4];
        int vs = (v * S1) >> 16, vc = v + ((v * C1) >> 16);
        int hs = (h * S1) >> 16, hc = h + ((h * C1) >> 16);
        ac3Row(dc + vc + 4, hs, hc, p, off);
        ac3Row(dc + vs + 4, hs, hc, p, off + stride);
        ac3Row(dc - vs + 4, hs, hc, p, off + 2 * stride);
        ac3Row(dc - vc + 4, hs, hc, p, off + 3 * stride);
    }

    private static void ac3Row(int a, int hs, int hc, byte[] p, int off) {
        p[off] = clamp((p[off] & 0xFF) + ((a + hc) >> 3));
        p[off + 1] = clamp((p[off + 1] & 0xFF) + ((a + hs) >> 3));
        p[off + 2] = clamp((p[off + 2] & 0xFF) + ((a - hs) >> 3));
        p[off + 3] = clamp((p[off + 3] & 0xFF) + ((a - hc) >> 3));
    }

    /** The same when only the DC is non-zero: every pixel gets (dc + 4) >> 3. */
    static void dcAdd(int dc, byte[] p, int off, int stride) {
        int a = (dc + 4) >> 3;
        for (int r = 0; r < 4; r++, off += stride) {
            for (int x = 0; x < 4; x++) p[off + x] = clamp((p[off + x] & 0xFF) + a);
        }
    }

    static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
    }
}
