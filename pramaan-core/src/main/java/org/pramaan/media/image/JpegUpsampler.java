package org.pramaan.media.image;

import org.pramaan.media.image.JpegFrame.Component;

/**
 * One component's samples at full image resolution, the way libjpeg 6b's jdsample.c makes them
 * (ImageIO's "fancy" upsampling): a component at half the horizontal rate (h2v1) or half both
 * rates (h2v2) is interpolated by the triangle filter, 3/4 of the nearer sample and 1/4 of the
 * further one along each halved axis, rounded with libjpeg's alternating biases (+1/+2 in h2v1,
 * +8/+7 in h2v2) so no direction drifts; beyond the component's real edge (its ⌈side·h/hMax⌉
 * samples, not the block padding) the edge sample is repeated. Every other integer ratio (h1v2,
 * 4:1…), and h2v1/h2v2 components at most 2 samples wide, is plain replication, as there. Only
 * the output columns asked for are made.
 */
final class JpegUpsampler {
    private enum Mode {
        COPY,
        H2V1,
        H2V2
    }

    private final Mode mode;
    private final byte[] plane;
    private final int stride, vexp, rows;
    /** H2V2: the vertical step's result for each sample column of the current row pair (3·nearer row + further row). */
    private final int[] colSum;
    /** The last sample column any wanted output reads. */
    private final int reach;
    /** Per output column: the nearer sample's column; for H2V1/H2V2 also the further one and the rounding bias. */
    private final int[] near, far, bias;

    private JpegUpsampler(Mode mode, Component c, int vexp, int rows, int[] near, int[] far, int[] bias) {
        this.mode = mode;
        this.plane = c.plane;
        this.stride = c.planeStride;
        this.vexp = vexp;
        this.rows = rows;
        this.near = near;
        this.far = far;
        this.bias = bias;
        int r = 0;
        for (int i = 0; i < near.length; i++) r = Math.max(r, Math.max(near[i], far == null ? 0 : far[i]));
        this.reach = r;
        this.colSum = mode == Mode.H2V2 ? new int[r + 1] : null;
    }

    /** @param xs the columns wanted in the decoded planes' luma grid (the image's at full size) */
    static JpegUpsampler of(JpegFrame f, Component c, int[] xs) throws JpegException {
        if (f.hMax % c.h != 0 || f.vMax % c.v != 0) {
            throw JpegException.unsupported("component " + c.id + " sampled " + c.h + "x" + c.v + " against " + f.hMax
                    + "x" + f.vMax + " (a fractional ratio)");
        }
        int hexp = f.hMax / c.h, vexp = f.vMax / c.v;
        int cols = JpegFrame.ceilDiv(f.width * c.h, f.hMax), rows = JpegFrame.ceilDiv(f.height * c.v, f.vMax);
        // Reduced-scale planes (n < 8) are sampled co-sited, as JpegColour does.
        boolean fancy = f.n == 8 && hexp == 2 && (vexp == 1 || vexp == 2) && cols > 2;
        int[] near = new int[xs.length];
        if (!fancy) {
            for (int i = 0; i < xs.length; i++) near[i] = xs[i] / hexp;
            return new JpegUpsampler(Mode.COPY, c, vexp, rows, near, null, null);
        }
        int[] far = new int[xs.length], bias = new int[xs.length];
        boolean h2v2 = vexp == 2;
        for (int i = 0; i < xs.length; i++) {
            int x = xs[i], s = x >> 1;
            boolean left = (x & 1) == 0; // an even output column lies nearer the sample on its left
            near[i] = s;
            far[i] = left ? Math.max(s - 1, 0) : Math.min(s + 1, cols - 1);
            bias[i] = h2v2 ? (left ? 8 : 7) : (left ? 1 : 2);
        }
        return new JpegUpsampler(h2v2 ? Mode.H2V2 : Mode.H2V1, c, vexp, rows, near, far, bias);
    }

    /** Fills {@code out[i]} with the sample at image row {@code y}, column {@code xs[i]}. */
    void row(int y, int[] out) {
        byte[] p = plane;
        int[] nr = near;
        int n = nr.length;
        switch (mode) {
            case COPY -> {
                int r = (y / vexp) * stride;
                for (int i = 0; i < n; i++) out[i] = p[r + nr[i]] & 0xFF;
            }
            case H2V1 -> {
                int r = y * stride;
                int[] fr = far, b = bias;
                for (int i = 0; i < n; i++) out[i] = (3 * (p[r + nr[i]] & 0xFF) + (p[r + fr[i]] & 0xFF) + b[i]) >> 2;
            }
            case H2V2 -> {
                int s = y >> 1;
                int other = (y & 1) == 0 ? Math.max(s - 1, 0) : Math.min(s + 1, rows - 1);
                int a = s * stride, o = other * stride;
                int[] fr = far, b = bias, cs = colSum;
                for (int c = 0; c <= reach; c++) cs[c] = 3 * (p[a + c] & 0xFF) + (p[o + c] & 0xFF);
                for (int i = 0; i < n; i++) out[i] = (3 * cs[nr[i]] + cs[fr[i]] + b[i]) >> 4;
            }
        }
    }
}
