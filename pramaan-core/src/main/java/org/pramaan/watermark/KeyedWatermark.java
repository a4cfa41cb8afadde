package org.pramaan.watermark;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Pramaan's own imperceptible, keyed watermark (issue 14 item 2): a 32-bit payload, convolutionally
 * coded ({@link ConvolutionalCode}), spread over a keyed tile of ±1 chips ({@link MarkLayout}) added
 * to luma with perceptual masking. Detection whitens the luma, folds it onto one tile per scale
 * hypothesis (scale 1, then the periods the image's own autocorrelation shows, {@link MarkSearch}),
 * and correlates every offset with the keyed synchronisation chips; the threshold bounds the
 * false-positive rate per image analytically (docs/watermark.md, "Keyed watermark"). Works on RGB
 * images and on bare luma planes (video frames from a decoder). Stateless after construction and
 * safe to share between threads.
 */
public final class KeyedWatermark {
    /** Target false-positive rate per image, over every hypothesis searched. */
    public static final double FALSE_POSITIVE_RATE = 1e-6;
    /** Smallest side we mark or read: below half a tile the fold has too few pixels per chip. */
    public static final int MIN_SIDE = 64;
    /**
     * RMS luma change, in 8-bit levels: 20·log10(255/2.8) = 39.2 dB PSNR before rounding, so ≥ 38 dB
     * after rounding and clipping on natural images (measured in the bench).
     */
    static final double TARGET_RMS = 2.8;

    /**
     * Perceptual gain range per 8×8 block. It was 0.3–2.5: on small, near-white and near-black
     * images (paper, documents, dark scenes) almost every block is flat, so the few textured blocks
     * (text edges) took most of the energy, where the detector's ±{@value MarkSearch#CLIP} clip
     * throws it away; 128–256 px images and JPEG q50 copies of near-white ones were then missed
     * (docs/watermark.md, "Small, near-white and near-black images"). 0.6–1.5 keeps the RMS (and
     * so PSNR) and puts the mark where it is read; embed-only, so the false-positive bound, which
     * depends only on detection, is unchanged.
     */
    static final double GAIN_MIN = 0.6, GAIN_MAX = 1.5;

    private final WatermarkKey key;
    private final MarkLayout layout;

    public KeyedWatermark(WatermarkKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.layout = new MarkLayout(key);
    }

    public String keyId() {
        return key.id();
    }

    /** The threshold on the synchronisation statistic (see {@link MarkSearch#threshold}). */
    public static double threshold() {
        return MarkSearch.threshold();
    }

    /** A marked copy of {@code image} carrying {@code payload} (32 bits, e.g. operator id ≪ 20 | record id). */
    public RgbPixels embed(RgbPixels image, int payload) {
        checkSize(image.width(), image.height());
        int[] rgb = image.rgb(), out = new int[rgb.length];
        int[] luma = luma(image);
        float[] d = delta(image.width(), image.height(), luma, payload);
        for (int i = 0; i < rgb.length; i++) {
            // the same change on R, G and B moves luma by exactly d and leaves chroma alone (BT.601 weights sum to 1)
            int p = rgb[i], dv = Math.round(d[i]);
            out[i] = clamp((p >>> 16 & 0xff) + dv) << 16 | clamp((p >>> 8 & 0xff) + dv) << 8 | clamp((p & 0xff) + dv);
        }
        return new RgbPixels(image.width(), image.height(), out);
    }

    /** Marks an 8-bit luma plane in place (a Y plane of a decoded video frame, row stride = width). */
    public void embedLuma(int width, int height, byte[] y, int payload) {
        checkSize(width, height);
        if (y.length < width * height)
            throw new IllegalArgumentException(
                    "luma plane has " + y.length + " bytes, " + width + "x" + height + " needs " + width * height);
        int[] luma = new int[width * height];
        for (int i = 0; i < luma.length; i++) luma[i] = y[i] & 0xff;
        float[] d = delta(width, height, luma, payload);
        for (int i = 0; i < luma.length; i++) y[i] = (byte) clamp(luma[i] + Math.round(d[i]));
    }

    /**
     * The pattern for {@code payload} at one video resolution, to mark every frame's Y plane
     * ({@link FrameMark#apply}) without recomputing it.
     */
    public FrameMark frameMark(int width, int height, int payload) {
        checkSize(width, height);
        return new FrameMark(layout, width, height, payload);
    }

    /**
     * Detection over the frames of one video, combined before the decision ({@link FrameEvidence}):
     * the false-positive rate bound is per video, the same 10⁻⁶ as per image.
     */
    public KeyedDetection detect(FrameEvidence frames) {
        return frames.detect(layout, key.id());
    }

    public KeyedDetection detect(RgbPixels image) {
        return detect(image.width(), image.height(), luma(image));
    }

    /** Detection on an 8-bit luma plane (row stride = width). */
    public KeyedDetection detectLuma(int width, int height, byte[] y) {
        if (y.length < (long) width * height)
            throw new IllegalArgumentException("luma plane has " + y.length + " bytes, " + width + "x" + height
                    + " needs " + (long) width * height);
        int[] luma = new int[width * height];
        for (int i = 0; i < luma.length; i++) luma[i] = y[i] & 0xff;
        return detect(width, height, luma);
    }

    private KeyedDetection detect(int w, int h, int[] luma) {
        double threshold = MarkSearch.threshold();
        if (w < MIN_SIDE || h < MIN_SIDE)
            return new KeyedDetection(key.id(), false, 0, threshold, OptionalLong.empty(), 1, 0);
        MarkSearch.Found f = new MarkSearch(layout, w, h, luma).run(threshold);
        boolean hit = f.score() >= threshold;
        OptionalLong payload = hit ? OptionalLong.of(Integer.toUnsignedLong(f.payload())) : OptionalLong.empty();
        return new KeyedDetection(key.id(), hit, f.score(), threshold, payload, f.scale(), MarkSearch.HYPOTHESES);
    }

    /**
     * The luma change for each pixel: chip pattern × perceptual gain, scaled to {@link #TARGET_RMS}.
     * The gain follows the standard deviation of each 8×8 block (texture masks noise; flat sky shows
     * it), between {@link #GAIN_MIN} and {@link #GAIN_MAX}.
     */
    private float[] delta(int w, int h, int[] luma, int payload) {
        float[] chips = layout.chipValues(payload);
        int bw = (w + 7) >> 3, bh = (h + 7) >> 3;
        float[] gain = new float[bw * bh];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                long s = 0, s2 = 0;
                int n = 0;
                for (int y = by * 8; y < Math.min(h, by * 8 + 8); y++) {
                    for (int x = bx * 8, i = y * w + x; x < Math.min(w, bx * 8 + 8); x++, i++) {
                        s += luma[i];
                        s2 += (long) luma[i] * luma[i];
                        n++;
                    }
                }
                double var = Math.max(0, (s2 - (double) s * s / n) / n);
                gain[by * bw + bx] = (float) Math.max(GAIN_MIN, Math.min(GAIN_MAX, Math.sqrt(var) / 8));
            }
        }
        float[] d = new float[w * h];
        double energy = 0;
        float[] bump = MarkLayout.BUMP;
        for (int y = 0; y < h; y++) {
            int v = y % MarkLayout.TILE, rowChips = (v / MarkLayout.CHIP) * MarkLayout.GRID, gRow = (y >> 3) * bw;
            float wy = bump[v % MarkLayout.CHIP];
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int u = x % MarkLayout.TILE;
                float val =
                        chips[rowChips + u / MarkLayout.CHIP] * wy * bump[u % MarkLayout.CHIP] * gain[gRow + (x >> 3)];
                d[i] = val;
                energy += (double) val * val;
            }
        }
        float alpha = (float) (TARGET_RMS / Math.sqrt(Math.max(energy, 1e-9) / d.length));
        for (int i = 0; i < d.length; i++) d[i] *= alpha;
        return d;
    }

    static int[] luma(RgbPixels image) {
        int[] rgb = image.rgb(), y = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            y[i] = (77 * (p >>> 16 & 0xff) + 150 * (p >>> 8 & 0xff) + 29 * (p & 0xff) + 128)
                    >> 8; // BT.601 in 8.8 fixed point
        }
        return y;
    }

    private static void checkSize(int w, int h) {
        if (w < MIN_SIDE || h < MIN_SIDE)
            throw new IllegalArgumentException(
                    "image must be at least " + MIN_SIDE + "x" + MIN_SIDE + " to watermark, was " + w + "x" + h);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
