package org.pramaan.watermark;

import static org.pramaan.watermark.MarkLayout.BUMP;
import static org.pramaan.watermark.MarkLayout.CHIP;
import static org.pramaan.watermark.MarkLayout.CHIPS;
import static org.pramaan.watermark.MarkLayout.GRID;
import static org.pramaan.watermark.MarkLayout.SYNC;
import static org.pramaan.watermark.MarkLayout.TILE;

/**
 * The detector's search over one image. Per scale hypothesis (tile period {@code p} in image pixels):
 * whiten luma with a Laplacian at the chip's scale (natural images are mostly low frequency; the mark
 * is mid-band), clip it (edges would otherwise dominate), and fold every pixel onto one tile; then for
 * each of the 4×4 sub-chip phases and 32×32 chip offsets compute the self-normalised statistic
 * {@code t = Σ s_k z_k / sqrt(Σ z_k²)} over the {@value MarkLayout#SYNC} synchronisation chips. Crops
 * are cyclic shifts of the tile, so the offset search covers any crop. Scales: 1 first, then up to
 * {@value #MAX_CANDIDATE_PERIODS} periods where the whitened image's autocorrelation peaks (the tile's
 * repetition is its own synchronisation template: a resized image repeats at {@code 128·s} px).
 */
final class MarkSearch {
    static final int MAX_CANDIDATE_PERIODS = 3, SCALES = 1 + MAX_CANDIDATE_PERIODS;
    static final int HYPOTHESES = SCALES * CHIP * CHIP * CHIPS;
    /** Periods searched by autocorrelation: scale 0.3 to 1.6 of the marked original. */
    static final int MIN_LAG = 38, MAX_LAG = 205;
    /** Autocorrelation work cap (multiply-adds) and region: bounded time on any image. */
    static final long AUTOCORR_BUDGET = 24_000_000L;

    static final int AUTOCORR_REGION = 1024;
    static final int CLIP = 5;

    record Found(double score, int payload, double scale) {}

    private final MarkLayout layout;
    private final int w, h;
    private final int[] luma;

    MarkSearch(MarkLayout layout, int w, int h, int[] luma) {
        this.layout = layout;
        this.w = w;
        this.h = h;
        this.luma = luma;
    }

    /**
     * Under H0 (an image not marked with this key) the sync signs are independent fair ±1 draws from
     * the key's HMAC stream, independent of the pixels, so for any fixed pixels and hypothesis Hoeffding's
     * inequality gives P(t ≥ x) ≤ exp(−x²/2) exactly, whatever the image's statistics. A union bound
     * over {@link #HYPOTHESES} hypotheses: x = sqrt(2·ln(H / FPR)).
     */
    static double threshold() {
        return Math.sqrt(2 * Math.log(HYPOTHESES / KeyedWatermark.FALSE_POSITIVE_RATE));
    }

    Found run(double threshold) {
        Found best = atPeriod(TILE);
        if (best.score() >= threshold) return best;
        for (double p : candidatePeriods()) {
            Found f = atPeriod(p);
            if (f.score() > best.score()) best = f;
            if (best.score() >= threshold) break;
        }
        return best;
    }

    Found atPeriod(double period) {
        return search(layout, fold(w, h, luma, period, new double[TILE * TILE]), period);
    }

    /**
     * Adds one frame's whitened, clipped luma, folded onto the tile for period {@code period}, into
     * {@code acc} ({@value MarkLayout#TILE}² values). Folds of several frames of one video add up
     * before the search ({@link FrameEvidence}): the mark is the same in every frame.
     */
    static double[] fold(int w, int h, int[] luma, double period, double[] acc) {
        int d = Math.max(1, (int) Math.round(2 * period / TILE));
        if (w > 2 * d && h > 2 * d) {
            int[] u = index(w, period), v = index(h, period);
            for (int y = d; y < h - d; y++) {
                int vb = v[y] * TILE;
                for (int x = d, i = y * w + d; x < w - d; x++, i++) {
                    int r = 4 * luma[i] - luma[i - d] - luma[i + d] - luma[i - d * w] - luma[i + d * w];
                    acc[vb + u[x]] += r > CLIP ? CLIP : Math.max(r, -CLIP);
                }
            }
        }
        return acc;
    }

    /** The best synchronisation statistic over every phase and offset of one folded tile, and the payload there. */
    static Found search(MarkLayout layout, double[] acc, double period) {
        int[] syncX = new int[SYNC], syncY = new int[SYNC];
        for (int k = 0; k < SYNC; k++) {
            syncX[k] = layout.syncChip[k] % GRID;
            syncY[k] = layout.syncChip[k] / GRID;
        }
        double bestT = Double.NEGATIVE_INFINITY;
        double[] bestZ = null;
        int bestOx = 0, bestOy = 0;
        int wrap = 2 * GRID;
        for (int py = 0; py < CHIP; py++) {
            for (int px = 0; px < CHIP; px++) {
                double[] z = new double[wrap * wrap],
                        z2 = new double[wrap * wrap]; // the chip grid tiled 2×2: offsets need no modulo
                for (int cy = 0; cy < GRID; cy++) {
                    for (int cx = 0; cx < GRID; cx++) {
                        double s = 0;
                        for (int j = 0; j < CHIP; j++) {
                            int row = ((cy * CHIP + py + j) & (TILE - 1)) * TILE;
                            for (int i = 0; i < CHIP; i++)
                                s += BUMP[j] * BUMP[i] * acc[row + ((cx * CHIP + px + i) & (TILE - 1))];
                        }
                        for (int q = 0; q < 4; q++) {
                            int at = (cy + (q >> 1) * GRID) * wrap + cx + (q & 1) * GRID;
                            z[at] = s;
                            z2[at] = s * s;
                        }
                    }
                }
                for (int oy = 0; oy < GRID; oy++) {
                    for (int ox = 0; ox < GRID; ox++) {
                        double num = 0, den = 0;
                        for (int k = 0; k < SYNC; k++) {
                            int at = (syncY[k] + oy) * wrap + syncX[k] + ox;
                            num += layout.syncSign[k] * z[at];
                            den += z2[at];
                        }
                        double t = den > 0 ? num / Math.sqrt(den) : 0;
                        if (t > bestT) {
                            bestT = t;
                            bestZ = z;
                            bestOx = ox;
                            bestOy = oy;
                        }
                    }
                }
            }
        }
        double[] soft = new double[ConvolutionalCode.CODED_BITS];
        for (int k = 0; k < layout.payloadChip.length; k++) {
            int c = layout.payloadChip[k];
            int at = (c / GRID + bestOy) * wrap + c % GRID + bestOx;
            soft[layout.payloadBit[k]] += layout.payloadScramble[k] * bestZ[at];
        }
        return new Found(bestT, ConvolutionalCode.decode(soft), period / TILE);
    }

    /** Tile coordinate of each pixel column (or row) when the tile repeats every {@code period} pixels. */
    private static int[] index(int n, double period) {
        int[] idx = new int[n];
        for (int x = 0; x < n; x++) idx[x] = (int) ((long) Math.floor(x * (double) TILE / period) % TILE);
        return idx;
    }

    /** Periods (px) where the whitened luma's row + column autocorrelation peaks, strongest first, not the unscaled 128. */
    double[] candidatePeriods() {
        return peaks(autocorrelation(w, h, luma));
    }

    /**
     * Row + column autocorrelation of the whitened, clipped luma at lags {@value #MIN_LAG}..{@value #MAX_LAG}
     * (fewer on small images; empty below {@value #MIN_LAG} + 2 px); frames of one size give arrays of one length.
     */
    static double[] autocorrelation(int w, int h, int[] luma) {
        int rw = Math.min(w, AUTOCORR_REGION), rh = Math.min(h, AUTOCORR_REGION);
        int x0 = (w - rw) / 2, y0 = (h - rh) / 2;
        if (rw < MIN_LAG + 2 || rh < MIN_LAG + 2) return new double[0];
        float[] r = new float[rw * rh];
        for (int y = 1; y < rh - 1; y++) {
            for (int x = 1; x < rw - 1; x++) {
                int i = (y0 + y) * w + x0 + x;
                int v = 4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - w] - luma[i + w];
                r[y * rw + x] = v > CLIP ? CLIP : Math.max(v, -CLIP);
            }
        }
        int maxLag = Math.min(MAX_LAG, Math.min(rw, rh) - 2), lags = maxLag - MIN_LAG + 1;
        if (lags < 3) return new double[0];
        long perPass = (long) rw * rh * lags;
        int step = (int) Math.max(1, (2 * perPass + AUTOCORR_BUDGET - 1) / AUTOCORR_BUDGET);
        double[] a = new double[lags];
        for (int li = 0; li < lags; li++) {
            int lag = MIN_LAG + li;
            double s = 0;
            for (int y = 0; y < rh; y += step) {
                for (int x = 0, i = y * rw; x < rw - lag; x++, i++) s += r[i] * r[i + lag];
            }
            for (int y = 0; y < rh - lag; y++) {
                for (int x = (y * 7) % step, i = y * rw + x; x < rw; x += step, i += step) s += r[i] * r[i + lag * rw];
            }
            a[li] = s;
        }
        return a;
    }

    /** The strongest autocorrelation peaks as periods, refined to sub-pixel, not the unscaled 128. */
    static double[] peaks(double[] a) {
        int lags = a.length;
        java.util.List<double[]> peaks = new java.util.ArrayList<>(); // {period, value}
        for (int li = 1; li < lags - 1; li++) {
            if (!(a[li] > a[li - 1] && a[li] >= a[li + 1])) continue;
            double den = a[li - 1] - 2 * a[li] + a[li + 1];
            double p = MIN_LAG + li + (den < 0 ? 0.5 * (a[li - 1] - a[li + 1]) / den : 0); // parabola through the peak
            if (Math.abs(p - TILE) >= 1) peaks.add(new double[] {p, a[li]}); // scale 1 was searched first
        }
        peaks.sort((x, y) -> Double.compare(y[1], x[1]));
        int n = Math.min(MAX_CANDIDATE_PERIODS, peaks.size());
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = peaks.get(i)[0];
        return out;
    }
}
