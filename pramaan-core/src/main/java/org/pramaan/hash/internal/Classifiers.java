package org.pramaan.hash.internal;

import java.util.List;

/**
 * The 16 classifiers that turn a chroma image into 32-bit sub-fingerprints (Lalinský 2011, after Ke,
 * Hoiem and Sukthankar, "Computer Vision for Music Identification", CVPR 2005): each one is a Haar-like
 * filter over the image window that starts at the sub-fingerprint's frame, its response quantised to
 * 4 levels by 3 thresholds, and the level written as 2 Gray-coded bits, so a response that drifts to
 * the neighbouring level costs one bit, not two.
 *
 * <p>The filters and thresholds are ours, not Chromaprint's trained set: they cover contrasts in pitch
 * (which half or third of the octave holds the energy) and in time (what changed over 4 to 16 frames,
 * i.e. 0.5 to 2 s), at several positions. Each threshold triple is that filter's response quartiles
 * on espeak-ng speech ({@code ClassifierCalibration} in the tests; {@code docs/audio-fingerprint.md}),
 * so each level is about equally likely and unrelated audio differs in about half of its bits.
 */
public final class Classifiers {
    /** Filter shapes; the response compares the two groups of cells as ln(1 + a) − ln(1 + b). */
    enum Shape {
        PITCH_HALVES,
        TIME_HALVES,
        QUADRANTS,
        PITCH_THIRDS,
        TIME_THIRDS
    }

    /** A filter at pitch rows {@code y..y+height} and frames {@code 0..width} of the window, with its quantiser. */
    record Classifier(Shape shape, int y, int height, int width, double t0, double t1, double t2) {
        int quantise(double v) {
            return v < t0 ? 0 : v < t1 ? 1 : v < t2 ? 2 : 3;
        }
    }

    /** Thresholds: quartiles over 14 espeak-ng clips (8 voices, 1,047 strong windows); ± the median |response| for antisymmetric shapes. */
    static final List<Classifier> SET = List.of(
            symmetric(Shape.PITCH_HALVES, 0, 12, 1, 0.23),
            symmetric(Shape.PITCH_HALVES, 0, 6, 2, 0.27),
            symmetric(Shape.PITCH_HALVES, 6, 6, 2, 0.30),
            symmetric(Shape.PITCH_HALVES, 2, 8, 4, 0.30),
            new Classifier(Shape.PITCH_THIRDS, 0, 6, 3, 0.25, 0.57, 0.90),
            new Classifier(Shape.PITCH_THIRDS, 6, 6, 3, 0.16, 0.55, 0.87),
            new Classifier(Shape.PITCH_THIRDS, 3, 9, 1, 0.11, 0.32, 0.53),
            symmetric(Shape.TIME_HALVES, 0, 4, 6, 0.18),
            symmetric(Shape.TIME_HALVES, 4, 4, 4, 0.12),
            symmetric(Shape.TIME_HALVES, 8, 4, 8, 0.18),
            symmetric(Shape.TIME_HALVES, 0, 12, 16, 0.06),
            new Classifier(Shape.TIME_THIRDS, 0, 6, 6, 0.46, 0.53, 0.61),
            new Classifier(Shape.TIME_THIRDS, 6, 6, 12, 0.51, 0.60, 0.72),
            symmetric(Shape.QUADRANTS, 0, 12, 4, 0.095),
            symmetric(Shape.QUADRANTS, 2, 8, 12, 0.17),
            new Classifier(Shape.PITCH_THIRDS, 0, 12, 8, 0.51, 0.72, 0.94));

    /**
     * Shapes that swap their two groups under a shift in pitch or time (halves, quadrants) have
     * responses symmetric about 0 on audio in general; a speaker's pitch skews their quartiles in any
     * finite corpus, so the thresholds are set symmetric rather than taken from it.
     */
    private static Classifier symmetric(Shape s, int y, int h, int w, double t) {
        return new Classifier(s, y, h, w, -t, 0, t);
    }

    /** The widest filter: sub-fingerprint i reads frames i … i + WINDOW − 1. */
    public static final int WINDOW =
            SET.stream().mapToInt(Classifier::width).max().orElseThrow();

    private static final int[] GRAY = {0, 1, 3, 2};

    private Classifiers() {}

    /** One sub-fingerprint per window position; bits 2k and 2k+1 are classifier k's Gray-coded level. */
    public static int[] subFingerprints(double[][] chroma) {
        int n = Math.max(0, chroma.length - WINDOW + 1);
        double[][] integral = integral(chroma);
        int[] out = new int[n];
        for (int x = 0; x < n; x++) {
            int bits = 0;
            for (int k = 0; k < SET.size(); k++)
                bits |= GRAY[SET.get(k).quantise(response(SET.get(k), integral, x))] << (2 * k);
            out[x] = bits;
        }
        return out;
    }

    /** The raw filter responses, [window position][classifier]: what the thresholds were calibrated on. */
    static double[][] responses(double[][] chroma) {
        int n = Math.max(0, chroma.length - WINDOW + 1);
        double[][] integral = integral(chroma);
        double[][] out = new double[n][SET.size()];
        for (int x = 0; x < n; x++) for (int k = 0; k < SET.size(); k++) out[x][k] = response(SET.get(k), integral, x);
        return out;
    }

    /** I[t][b] = Σ chroma[t′][b′] over t′ < t, b′ < b, so any rectangle's sum costs four reads. */
    static double[][] integral(double[][] chroma) {
        int bands = ChromaFeatures.BANDS;
        double[][] s = new double[chroma.length + 1][bands + 1];
        for (int t = 0; t < chroma.length; t++) {
            for (int b = 0; b < bands; b++) s[t + 1][b + 1] = chroma[t][b] + s[t][b + 1] + s[t + 1][b] - s[t][b];
        }
        return s;
    }

    /** Sum over frames x..x+w−1 and pitch rows y..y+h−1. */
    static double area(double[][] s, int x, int y, int w, int h) {
        return s[x + w][y + h] - s[x][y + h] - s[x + w][y] + s[x][y];
    }

    static double response(Classifier c, double[][] s, int x) {
        int y = c.y(), h = c.height(), w = c.width();
        double a, b;
        switch (c.shape()) {
            case PITCH_HALVES -> {
                a = area(s, x, y, w, h / 2);
                b = area(s, x, y + h / 2, w, h - h / 2);
            }
            case TIME_HALVES -> {
                a = area(s, x, y, w / 2, h);
                b = area(s, x + w / 2, y, w - w / 2, h);
            }
            case QUADRANTS -> {
                a = area(s, x, y, w / 2, h / 2) + area(s, x + w / 2, y + h / 2, w - w / 2, h - h / 2);
                b = area(s, x + w / 2, y, w - w / 2, h / 2) + area(s, x, y + h / 2, w / 2, h - h / 2);
            }
            case PITCH_THIRDS -> {
                b = area(s, x, y + h / 3, w, h / 3);
                a = area(s, x, y, w, h) - b;
            }
            case TIME_THIRDS -> {
                b = area(s, x + w / 3, y, w / 3, h);
                a = area(s, x, y, w, h) - b;
            }
            default -> throw new IllegalStateException(c.shape().toString());
        }
        return Math.log1p(a) - Math.log1p(b);
    }
}
