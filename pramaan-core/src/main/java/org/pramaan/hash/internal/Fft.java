package org.pramaan.hash.internal;

/**
 * In-place iterative radix-2 complex FFT (Cooley–Tukey, decimation in time) of one fixed size.
 * Twiddles are computed once per instance; an instance is not thread-safe only in that callers own
 * the arrays they pass. The naive O(n²) DFT in the tests is the oracle it is checked against.
 */
public final class Fft {
    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    public Fft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1)
            throw new IllegalArgumentException("FFT size must be a power of two ≥ 2, got " + n);
        this.n = n;
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            double a = -2 * Math.PI * k / n;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        reversed = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) reversed[i] = Integer.reverse(i) >>> (32 - bits);
    }

    public int size() {
        return n;
    }

    /** X[k] = Σ x[t]·e^(−2πi·k·t/n), overwriting {@code re} and {@code im}. */
    public void transform(double[] re, double[] im) {
        if (re.length != n || im.length != n)
            throw new IllegalArgumentException(
                    "FFT of size " + n + " given arrays of " + re.length + " and " + im.length);
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1, step = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step], wi = sin[k * step];
                    int a = start + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** |X[k]|² for k = 0..n/2 of a real signal (the upper half mirrors it). */
    public double[] powerSpectrum(double[] signal) {
        double[] re = signal.clone();
        double[] im = new double[n];
        transform(re, im);
        double[] p = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++) p[k] = re[k] * re[k] + im[k] * im[k];
        return p;
    }
}
