package org.pramaan.hash.internal;

/**
 * Band-limited sample-rate conversion by a Blackman-windowed sinc (Smith, "Digital Audio Resampling
 * Home Page", bandlimited interpolation). Any rate pair works, which matters because uploads arrive at
 * 8, 16, 22.05, 44.1 or 48 kHz and the fingerprint is defined at 11,025 Hz.
 *
 * <p>The cut-off sits at 95 % of the lower Nyquist frequency, so downsampling does not fold energy
 * above the new Nyquist back into the chroma band. The kernel spans {@value #ZERO_CROSSINGS} zero
 * crossings on each side and is tabulated at {@value #TABLE_STEPS} points per crossing with linear
 * interpolation: at that density the table error is far below the window's ~−74 dB side lobes.
 */
public final class Resampler {
    static final int ZERO_CROSSINGS = 16;
    static final int TABLE_STEPS = 512;
    private static final double ROLL_OFF = 0.95;
    private static final double[] KERNEL = kernel();

    private Resampler() {}

    /**
     * Resamples a signal from {@code from} Hz to {@code to} Hz.
     *
     * @return the signal at {@code to} Hz; {@code from == to} returns a copy
     */
    public static float[] resample(float[] in, int from, int to) {
        if (from <= 0 || to <= 0)
            throw new IllegalArgumentException("sample rates must be positive, got " + from + " → " + to);
        if (from == to) return in.clone();
        double ratio = (double) to / from;
        double fc = 0.5 * Math.min(1, ratio) * ROLL_OFF; // cycles per input sample
        double halfWidth = ZERO_CROSSINGS / (2 * fc); // in input samples
        double gain = 2 * fc;
        int outLength = (int) Math.floor(in.length * ratio);
        float[] out = new float[outLength];
        for (int n = 0; n < outLength; n++) {
            double t = n / ratio;
            int first = Math.max(0, (int) Math.ceil(t - halfWidth));
            int last = Math.min(in.length - 1, (int) Math.floor(t + halfWidth));
            double acc = 0;
            for (int k = first; k <= last; k++) acc += in[k] * weight(Math.abs(t - k) * 2 * fc);
            out[n] = (float) (acc * gain);
        }
        return out;
    }

    /** The windowed sinc at {@code u} zero crossings from the centre, from the table. */
    static double weight(double u) {
        double pos = u * TABLE_STEPS;
        int i = (int) pos;
        if (i >= KERNEL.length - 1) return 0;
        double frac = pos - i;
        return KERNEL[i] + frac * (KERNEL[i + 1] - KERNEL[i]);
    }

    /** sinc(u)·Blackman(u / crossings), exact; the table's reference. */
    static double exactWeight(double u) {
        if (u >= ZERO_CROSSINGS) return 0;
        double sinc = u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
        double x = u / ZERO_CROSSINGS; // 0 at the centre, 1 at the edge
        double window = 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
        return sinc * window;
    }

    private static double[] kernel() {
        double[] k = new double[ZERO_CROSSINGS * TABLE_STEPS + 1];
        for (int i = 0; i < k.length; i++) k[i] = exactWeight((double) i / TABLE_STEPS);
        return k;
    }
}
