package org.pramaan.watermark;

import java.util.ArrayList;
import java.util.List;

/**
 * The evidence of several frames of one video, combined before any decision (issue 14 item 2,
 * docs/watermark.md "Video"). Our mark is the same in every frame, so each frame's whitened, clipped
 * luma is folded onto the tile and the folds are <em>added</em>: the mark adds up coherently over
 * frames while the content, which moves, does not. Detection then searches the summed fold exactly as
 * it searches one image: the same {@link MarkSearch#HYPOTHESES} hypotheses (scale 1 and up to 3
 * periods from the autocorrelation of the first {@value #PERIOD_FRAMES} frames, × 16 phases × 1,024
 * offsets), so the same threshold bounds the false-positive rate per video (not per frame) by 10⁻⁶:
 * Hoeffding's bound holds for any fixed fold, and a sum of folds is one. No per-frame decision is
 * ever taken, so there is no multiplicity over frames to pay for. The soft payload bits are read from
 * the summed fold too (soft-bit averaging over frames before the Viterbi decoder).
 *
 * <p>Holds {@value MarkLayout#TILE}² doubles per period and at most {@value #PERIOD_FRAMES} frames'
 * luma until the periods are chosen. Not thread-safe.
 */
public final class FrameEvidence {
    /** Frames whose summed autocorrelation chooses the scale hypotheses; later frames are folded as they come. */
    static final int PERIOD_FRAMES = 4;

    private final int w, h;
    private final List<int[]> pending = new ArrayList<>();
    private double[] autocorrelation = new double[0];
    private double[] periods = new double[0];
    private double[][] folds = new double[0][];
    private int frames;

    public FrameEvidence(int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE / 4)
            throw new IllegalArgumentException("frame size must be positive and bounded, got " + width + "x" + height);
        this.w = width;
        this.h = height;
    }

    public int width() {
        return w;
    }

    public int height() {
        return h;
    }

    /** How many frames were added. */
    public int frames() {
        return frames;
    }

    /** Adds an 8-bit luma plane (row stride = width). */
    public void addLuma(byte[] y) {
        if (y.length < w * h)
            throw new IllegalArgumentException(
                    "luma plane has " + y.length + " bytes, " + w + "x" + h + " needs " + w * h);
        int[] luma = new int[w * h];
        for (int i = 0; i < luma.length; i++) luma[i] = y[i] & 0xff;
        add(luma);
    }

    /** Adds a packed RGB24 frame (a decoder's output), as luma with the weights {@link KeyedWatermark} uses for images. */
    public void addRgb(byte[] rgb) {
        if (rgb.length != 3 * w * h)
            throw new IllegalArgumentException(
                    "rgb frame has " + rgb.length + " bytes, " + w + "x" + h + " needs " + 3 * w * h);
        int[] luma = new int[w * h];
        for (int i = 0, p = 0; i < luma.length; i++, p += 3)
            luma[i] = (77 * (rgb[p] & 0xff) + 150 * (rgb[p + 1] & 0xff) + 29 * (rgb[p + 2] & 0xff) + 128) >> 8;
        add(luma);
    }

    private void add(int[] luma) {
        frames++;
        if (w < KeyedWatermark.MIN_SIDE || h < KeyedWatermark.MIN_SIDE) return; // never read: see detect
        if (folds.length > 0) {
            foldAll(luma);
            return;
        }
        double[] a = MarkSearch.autocorrelation(w, h, luma);
        if (autocorrelation.length == 0) autocorrelation = a;
        else for (int i = 0; i < a.length; i++) autocorrelation[i] += a[i];
        pending.add(luma);
        if (pending.size() == PERIOD_FRAMES) choosePeriods();
    }

    private void choosePeriods() {
        double[] candidates = MarkSearch.peaks(autocorrelation);
        periods = new double[1 + candidates.length];
        periods[0] = MarkLayout.TILE;
        System.arraycopy(candidates, 0, periods, 1, candidates.length);
        folds = new double[periods.length][MarkLayout.TILE * MarkLayout.TILE];
        for (int[] luma : pending) foldAll(luma);
        pending.clear();
    }

    private void foldAll(int[] luma) {
        for (int p = 0; p < periods.length; p++) MarkSearch.fold(w, h, luma, periods[p], folds[p]);
    }

    /** The combined search for one key (hypotheses and threshold as for one image). */
    KeyedDetection detect(MarkLayout layout, String keyId) {
        double threshold = MarkSearch.threshold();
        if (frames == 0 || w < KeyedWatermark.MIN_SIDE || h < KeyedWatermark.MIN_SIDE)
            return new KeyedDetection(keyId, false, 0, threshold, java.util.OptionalLong.empty(), 1, 0);
        if (folds.length == 0) choosePeriods();
        MarkSearch.Found best = null;
        for (int p = 0; p < periods.length; p++) {
            MarkSearch.Found f = MarkSearch.search(layout, folds[p], periods[p]);
            if (best == null || f.score() > best.score()) best = f;
        }
        boolean hit = best.score() >= threshold;
        return new KeyedDetection(
                keyId,
                hit,
                best.score(),
                threshold,
                hit
                        ? java.util.OptionalLong.of(Integer.toUnsignedLong(best.payload()))
                        : java.util.OptionalLong.empty(),
                best.scale(),
                MarkSearch.HYPOTHESES);
    }
}
