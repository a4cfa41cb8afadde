package org.pramaan.media.image;

/**
 * The VP8 loop filter (RFC 6386 §15), a macroblock row at a time, one row behind reconstruction:
 * intra prediction must see unfiltered neighbours, and filtering later in the spec's raster order
 * gives the same pixels as filtering each macroblock right after it is reconstructed.
 */
final class Vp8LoopFilter {
    private Vp8LoopFilter() {}

    /**
     * Filters one macroblock row. Run after the row below it is reconstructed (or at the end), this
     * equals filtering the whole frame at once: a row's edges never reach the row below, and the
     * row below has already been predicted from the unfiltered pixels. Row by row keeps it in cache.
     *
     * @param level per macroblock filter level 0..63 (0: not filtered)
     * @param inner per macroblock: whether the subblock edges are filtered (§15.1: B_PRED or coefficients present)
     */
    static void row(Vp8Frame f, int my, int[] level, boolean[] inner, boolean simple, int sharpness) {
        for (int mx = 0; mx < f.mbw; mx++) {
            int mb = my * f.mbw + mx, lvl = level[mb];
            if (lvl == 0) continue;
            int interior = interiorLimit(lvl, sharpness);
            int hev = lvl >= 40 ? 2 : lvl >= 15 ? 1 : 0; // §15.4, key frame thresholds
            int mbLimit = (lvl + 2) * 2 + interior, subLimit = lvl * 2 + interior;
            filterBlock(
                    f.y,
                    f.yAt(mx * 16, my * 16),
                    f.yStride,
                    16,
                    mx > 0,
                    my > 0,
                    inner[mb],
                    simple,
                    mbLimit,
                    subLimit,
                    interior,
                    hev);
            if (simple) continue; // §15.2: the simple filter leaves chroma alone
            filterBlock(
                    f.u,
                    f.uvAt(mx * 8, my * 8),
                    f.uvStride,
                    8,
                    mx > 0,
                    my > 0,
                    inner[mb],
                    false,
                    mbLimit,
                    subLimit,
                    interior,
                    hev);
            filterBlock(
                    f.v,
                    f.uvAt(mx * 8, my * 8),
                    f.uvStride,
                    8,
                    mx > 0,
                    my > 0,
                    inner[mb],
                    false,
                    mbLimit,
                    subLimit,
                    interior,
                    hev);
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

    private static void filterBlock(
            byte[] p,
            int off,
            int stride,
            int n,
            boolean left,
            boolean top,
            boolean inner,
            boolean simple,
            int mbLimit,
            int subLimit,
            int interior,
            int hev) {
        // §15.1 order: left edge, inner vertical edges, top edge, inner horizontal edges.
        if (left) edge(p, off, 1, stride, n, simple, true, mbLimit, interior, hev);
        if (inner)
            for (int x = 4; x < n; x += 4) edge(p, off + x, 1, stride, n, simple, false, subLimit, interior, hev);
        if (top) edge(p, off, stride, 1, n, simple, true, mbLimit, interior, hev);
        if (inner)
            for (int y = 4; y < n; y += 4)
                edge(p, off + y * stride, stride, 1, n, simple, false, subLimit, interior, hev);
    }

    /**
     * Filters the n segments of one edge; {@code step} crosses the edge, {@code along} moves along it.
     * Branch-free per segment (the filter tests become masks, both outcomes are computed and the
     * mask selects), because the tests depend on the pixels and mispredict a lot; same results as
     * the spec's branches.
     */
    private static void edge(
            byte[] p,
            int o,
            int step,
            int along,
            int n,
            boolean simple,
            boolean mbEdge,
            int limit,
            int interior,
            int hev) {
        if (simple) simpleEdge(p, o, step, along, n, limit);
        else if (mbEdge) mbEdge(p, o, step, along, n, limit, interior, hev);
        else subEdge(p, o, step, along, n, limit, interior, hev);
    }

    /** §15.2 simple_segment: common_adjust with outer taps where the edge difference is within the limit. */
    private static void simpleEdge(byte[] p, int o, int step, int along, int n, int limit) {
        // The loop is inside: a per-segment method is too big for the JIT to inline.
        for (int k = 0; k < n; k++, o += along) {
            int p1 = p[o - 2 * step] & 0xFF, p0 = p[o - step] & 0xFF, q0 = p[o] & 0xFF, q1 = p[o + step] & 0xFF;
            int pass = ~((limit - Math.abs(p0 - q0) * 2 - (Math.abs(p1 - q1) >> 1)) >> 31);
            int a = c(c(p1 - q1) + 3 * (q0 - p0));
            p[o] = (byte) (q0 + ((s2i(q0 - 128 - (c(a + 4) >> 3)) - q0) & pass));
            p[o - step] = (byte) (p0 + ((s2i(p0 - 128 + (c(a + 3) >> 3)) - p0) & pass));
        }
    }

    /** -1 when §15.3 filter_yes holds (edge within {@code limit}, every interior step within {@code interior}), else 0. */
    private static int filterMask(
            int p3, int p2, int p1, int p0, int q0, int q1, int q2, int q3, int limit, int interior) {
        int fail = (limit - Math.abs(p0 - q0) * 2 - (Math.abs(p1 - q1) >> 1))
                | (interior - Math.abs(p3 - p2))
                | (interior - Math.abs(p2 - p1))
                | (interior - Math.abs(p1 - p0))
                | (interior - Math.abs(q3 - q2))
                | (interior - Math.abs(q2 - q1))
                | (interior - Math.abs(q1 - q0));
        return ~(fail >> 31);
    }

    /** §15.3 MBfilter: with high edge variance only p0 and q0 move (common_adjust with outer taps). */
    private static void mbEdge(byte[] p, int o, int step, int along, int n, int limit, int interior, int hev) {
        // The loop is inside: a per-segment method is too big for the JIT to inline.
        for (int k = 0; k < n; k++, o += along) {
            int p3 = p[o - 4 * step] & 0xFF,
                    p2 = p[o - 3 * step] & 0xFF,
                    p1 = p[o - 2 * step] & 0xFF,
                    p0 = p[o - step] & 0xFF;
            int q0 = p[o] & 0xFF, q1 = p[o + step] & 0xFF, q2 = p[o + 2 * step] & 0xFF, q3 = p[o + 3 * step] & 0xFF;
            int pass = filterMask(p3, p2, p1, p0, q0, q1, q2, q3, limit, interior);
            if (pass == 0) continue;
            int hv = ((hev - Math.abs(p1 - p0)) | (hev - Math.abs(q1 - q0))) >> 31;
            int w = c(c(p1 - q1) + 3 * (q0 - p0));
            // hev: w is common_adjust's a; p0 += c(w + 3) >> 3, q0 -= c(w + 4) >> 3.
            int a0 = (c((27 * w + 63) >> 7) & ~hv), b0 = (c(w + 3) >> 3) & hv, f0 = (c(w + 4) >> 3) & hv;
            int a1 = c((18 * w + 63) >> 7) & ~hv, a2 = c((9 * w + 63) >> 7) & ~hv;
            p[o] = (byte) s2i(q0 - 128 - a0 - f0);
            p[o - step] = (byte) s2i(p0 - 128 + a0 + b0);
            p[o + step] = (byte) s2i(q1 - 128 - a1);
            p[o - 2 * step] = (byte) s2i(p1 - 128 + a1);
            p[o + 2 * step] = (byte) s2i(q2 - 128 - a2);
            p[o - 3 * step] = (byte) s2i(p2 - 128 + a2);
        }
    }

    /** §15.3 subblock_filter: outer taps only with high edge variance; without it p1 and q1 move too. */
    private static void subEdge(byte[] p, int o, int step, int along, int n, int limit, int interior, int hev) {
        // The loop is inside: a per-segment method is too big for the JIT to inline.
        for (int k = 0; k < n; k++, o += along) {
            int p3 = p[o - 4 * step] & 0xFF,
                    p2 = p[o - 3 * step] & 0xFF,
                    p1 = p[o - 2 * step] & 0xFF,
                    p0 = p[o - step] & 0xFF;
            int q0 = p[o] & 0xFF, q1 = p[o + step] & 0xFF, q2 = p[o + 2 * step] & 0xFF, q3 = p[o + 3 * step] & 0xFF;
            int pass = filterMask(p3, p2, p1, p0, q0, q1, q2, q3, limit, interior);
            if (pass == 0) continue;
            int hv = ((hev - Math.abs(p1 - p0)) | (hev - Math.abs(q1 - q0))) >> 31;
            int a = c((c(p1 - q1) & hv) + 3 * (q0 - p0));
            int f1 = c(a + 4) >> 3, f2 = c(a + 3) >> 3, u = ((f1 + 1) >> 1) & ~hv;
            p[o] = (byte) s2i(q0 - 128 - f1);
            p[o - step] = (byte) s2i(p0 - 128 + f2);
            p[o + step] = (byte) s2i(q1 - 128 - u);
            p[o - 2 * step] = (byte) s2i(p1 - 128 + u);
        }
    }

    private static int c(int v) {
        return Math.max(-128, Math.min(v, 127));
    }

    /** The spec's s2u: a signed value clamped to int8, back to 0..255. */
    private static int s2i(int v) {
        return c(v) + 128;
    }
}
