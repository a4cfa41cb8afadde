package org.pramaan.watermark;

/**
 * Our keyed watermark for the frames of one video (issue 14 item 2, docs/watermark.md "Video"): the
 * payload's chip pattern at one resolution, computed once per video, then added to each frame's
 * 8-bit Y plane with that frame's own perceptual gain per 8×8 block and scaled to the same RMS
 * change as a still image ({@link KeyedWatermark#TARGET_RMS}). Per frame this is one pass for the
 * block statistics and one for the addition, where {@link KeyedWatermark#embedLuma} rebuilds the
 * pattern for every frame. The pattern does not move from frame to frame, so a static scene's mark is
 * predicted by the encoder from the previous frame (cheap in bits) and the detector can add frames up.
 * Not thread-safe: one instance per encode.
 */
public final class FrameMark {
    private final int w, h, bw, bh;
    /** Chip sign × bump, per pixel, before gain and scaling. */
    private final float[] pattern;
    /** Σ pattern² per 8×8 block: a frame's energy is Σ gain² × this, with no pass over the pixels. */
    private final double[] blockEnergy;

    private final float[] scaled;

    FrameMark(MarkLayout layout, int w, int h, int payload) {
        this.w = w;
        this.h = h;
        this.bw = (w + 7) >> 3;
        this.bh = (h + 7) >> 3;
        float[] chips = layout.chipValues(payload);
        float[] bump = MarkLayout.BUMP;
        pattern = new float[w * h];
        blockEnergy = new double[bw * bh];
        scaled = new float[bw * bh];
        for (int y = 0; y < h; y++) {
            int v = y % MarkLayout.TILE, rowChips = (v / MarkLayout.CHIP) * MarkLayout.GRID, gRow = (y >> 3) * bw;
            float wy = bump[v % MarkLayout.CHIP];
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int u = x % MarkLayout.TILE;
                float p = chips[rowChips + u / MarkLayout.CHIP] * wy * bump[u % MarkLayout.CHIP];
                pattern[i] = p;
                blockEnergy[gRow + (x >> 3)] += (double) p * p;
            }
        }
    }

    public int width() {
        return w;
    }

    public int height() {
        return h;
    }

    /** Marks a Y plane in place ({@code width × height} bytes from offset 0, stride = width; chroma untouched). */
    public void apply(byte[] y) {
        if (y.length < w * h)
            throw new IllegalArgumentException(
                    "luma plane has " + y.length + " bytes, " + w + "x" + h + " needs " + w * h);
        double energy = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                long s = 0, s2 = 0;
                int n = 0;
                for (int yy = by * 8; yy < Math.min(h, by * 8 + 8); yy++) {
                    for (int x = bx * 8, i = yy * w + x; x < Math.min(w, bx * 8 + 8); x++, i++) {
                        int l = y[i] & 0xff;
                        s += l;
                        s2 += l * l;
                        n++;
                    }
                }
                double var = Math.max(0, (s2 - (double) s * s / n) / n);
                float g = (float)
                        Math.max(KeyedWatermark.GAIN_MIN, Math.min(KeyedWatermark.GAIN_MAX, Math.sqrt(var) / 8));
                scaled[by * bw + bx] = g;
                energy += (double) g * g * blockEnergy[by * bw + bx];
            }
        }
        float alpha = (float) (KeyedWatermark.TARGET_RMS / Math.sqrt(Math.max(energy, 1e-9) / (w * h)));
        for (int b = 0; b < scaled.length; b++) scaled[b] *= alpha;
        for (int yy = 0; yy < h; yy++) {
            int gRow = (yy >> 3) * bw;
            for (int x = 0, i = yy * w; x < w; x++, i++) {
                int v = (y[i] & 0xff) + Math.round(pattern[i] * scaled[gRow + (x >> 3)]);
                y[i] = (byte) (v < 0 ? 0 : Math.min(255, v));
            }
        }
    }
}
