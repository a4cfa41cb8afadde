package org.pramaan.media.image;

/**
 * The VP8 loop filter (RFC 6386 §15), run over the whole frame after every macroblock is
 * reconstructed: intra prediction must see unfiltered neighbours, so filtering afterwards in the
 * spec's raster order gives the same pixels as the reference decoder's row-delayed filtering.
 */
final class Vp8LoopFilter {
    private Vp8LoopFilter() {}

    /**
     * @param level per macroblock filter level 0..63 (0: not filtered)
     * @param inner per macroblock: whether the subblock edges are filtered (§15.1: B_PRED or coefficients present)
     */
    static void apply(Vp8Frame f, int[] level, boolean[] inner, boolean simple, int sharpness) {
        for (int my = 0; my < f.mbh; my++) {
            for (int mx = 0; mx < f.mbw; mx++) {
                int mb = my * f.mbw + mx, lvl = level[mb];
                if (lvl == 0) continue;
                int interior = interiorLimit(lvl, sharpness);
                int hev = lvl >= 40 ? 2 : lvl >= 15 ? 1 : 0; // §15.4, key frame thresholds
                int mbLimit = (lvl + 2) * 2 + interior, subLimit = lvl * 2 + interior;
                filterBlock(f.y, f.yAt(mx * 16, my * 16), f.yStride, 16, mx > 0, my > 0, inner[mb], simple, mbLimit, subLimit, interior, hev);
                if (simple) continue; // §15.2: the simple filter leaves chroma alone
                filterBlock(f.u, f.uvAt(mx * 8, my * 8), f.uvStride, 8, mx > 0, my > 0, inner[mb], false, mbLimit, subLimit, interior, hev);
                filterBlock(f.v, f.uvAt(mx * 8, my * 8), f.uvStride, 8, mx > 0, my > 0, inner[mb], false, mbLimit, subLimit, interior, hev);
            }
        }
    }

    /** §15.4 / §9.6: the interior limit from the level and the sharpness. */
    static int interiorLimit(int level, int sharpness) {
        int i = level;
        if (sharpness > 0) {
            i >>= sharpness > 4 ? 2 : 1;
            if (i > 9 - sharpness) i = 9 - sharpness;
        }
        return Math.max(i, 1);
    }

    private static void filterBlock(byte[] p, int off, int stride, int n, boolean left, boolean top, boolean inner, boolean simple,
            int mbLimit, int subLimit, int interior, int hev) {
        // §15.1 order: left edge, inner vertical edges, top edge, inner horizontal edges.
        if (left) edge(p, off, 1, stride, n, simple, true, mbLimit, interior, hev);
        if (inner) for (int x = 4; x < n; x += 4) edge(p, off + x, 1, stride, n, simple, false, subLimit, interior, hev);
        if (top) edge(p, off, stride, 1, n, simple, true, mbLimit, interior, hev);
        if (inner) for (int y = 4; y < n; y += 4) edge(p, off + y * stride, stride, 1, n, simple, false, subLimit, interior, hev);
    }

    /** Filters the n segments of one edge; {@code step} crosses the edge, {@code along} moves along it. */
    private static void edge(byte[] p, int o, int step, int along, int n, boolean simple, boolean mbEdge, int limit, int interior, int hev) {
        for (int k = 0; k < n; k++, o += along) {
            int p1 = p[o - 2 * step] & 0xFF, p0 = p[o - step] & 0xFF, q0 = p[o] & 0xFF, q1 = p[o + step] & 0xFF;
            if (Math.abs(p0 - q0) * 2 + (Math.abs(p1 - q1) >> 1) > limit) continue;
            if (simple) {
                commonAdjust(p, o, step, true, p1, p0, q0, q1);
                continue;
            }
            int p3 = p[o - 4 * step] & 0xFF, p2 = p[o - 3 * step] & 0xFF, q2 = p[o + 2 * step] & 0xFF, q3 = p[o + 3 * step] & 0xFF;
            if (Math.abs(p3 - p2) > interior || Math.abs(p2 - p1) > interior || Math.abs(p1 - p0) > interior
                    || Math.abs(q3 - q2) > interior || Math.abs(q2 - q1) > interior || Math.abs(q1 - q0) > interior) continue;
            boolean hv = Math.abs(p1 - p0) > hev || Math.abs(q1 - q0) > hev;
            if (mbEdge) {
                if (hv) commonAdjust(p, o, step, true, p1, p0, q0, q1);
                else mbFilter(p, o, step, p2 - 128, p1 - 128, p0 - 128, q0 - 128, q1 - 128, q2 - 128);
            } else {
                int a = (commonAdjust(p, o, step, hv, p1, p0, q0, q1) + 1) >> 1;
                if (!hv) {
                    p[o + step] = s2u(q1 - 128 - a);
                    p[o - 2 * step] = s2u(p1 - 128 + a);
                }
            }
        }
    }

    /** §15.2 common_adjust, on unsigned inputs; returns the adjustment applied to q0. */
    private static int commonAdjust(byte[] p, int o, int step, boolean outerTaps, int p1, int p0, int q0, int q1) {
        int sp1 = p1 - 128, sp0 = p0 - 128, sq0 = q0 - 128, sq1 = q1 - 128;
        int a = c((outerTaps ? c(sp1 - sq1) : 0) + 3 * (sq0 - sp0));
        int b = c(a + 3) >> 3;
        a = c(a + 4) >> 3;
        p[o] = s2u(sq0 - a);
        p[o - step] = s2u(sp0 + b);
        return a;
    }

    /** §15.3 MBfilter without high edge variance: three pixels each side move by 27/128, 18/128, 9/128 of w. */
    private static void mbFilter(byte[] p, int o, int step, int p2, int p1, int p0, int q0, int q1, int q2) {
        int w = c(c(p1 - q1) + 3 * (q0 - p0));
        int a = c((27 * w + 63) >> 7);
        p[o] = s2u(q0 - a);
        p[o - step] = s2u(p0 + a);
        a = c((18 * w + 63) >> 7);
        p[o + step] = s2u(q1 - a);
        p[o - 2 * step] = s2u(p1 + a);
        a = c((9 * w + 63) >> 7);
        p[o + 2 * step] = s2u(q2 - a);
        p[o - 3 * step] = s2u(p2 + a);
    }

    private static int c(int v) { return v < -128 ? -128 : Math.min(v, 127); }

    private static byte s2u(int v) { return (byte) (c(v) + 128); }
}
