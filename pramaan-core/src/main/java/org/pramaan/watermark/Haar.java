package org.pramaan.watermark;

/**
 * One level of the 2-D Haar transform as PyWavelets computes it ({@code pywt.dwt2(x, 'haar')}):
 * filter taps 1/√2, first along rows of the array (axis 0), then along columns, each output a sum of
 * two products in pywt's order, so results match float64 pywt bit for bit on even-sized input
 * (checked against pywt 1.1.1, docs/watermark.md). Bands are named by pywt's keys: {@code aa} is
 * cA, {@code da} is cH, {@code ad} is cV, {@code dd} is cD. Arrays are row-major.
 */
final class Haar {
    private Haar() {}

    /** pywt's {@code haar} dec_lo / rec_lo tap: the double nearest 1/√2 (0.7071067811865476). */
    static final double C = Math.sqrt(0.5);

    /** The four bands of an even {@code rows × cols} plane, each {@code rows/2 × cols/2}: {aa, da, ad, dd}. */
    static double[][] forward(double[] x, int rows, int cols) {
        int hr = rows / 2;
        double[] a = new double[hr * cols], d = new double[hr * cols];
        for (int i = 0; i < hr; i++) {
            for (int j = 0; j < cols; j++) {
                double x0 = x[2 * i * cols + j], x1 = x[(2 * i + 1) * cols + j];
                a[i * cols + j] = C * x0 + C * x1;
                d[i * cols + j] = C * x0 - C * x1;
            }
        }
        return new double[][] {
            lo(a, hr, cols, true), lo(d, hr, cols, true), lo(a, hr, cols, false), lo(d, hr, cols, false)
        };
    }

    /** Along columns: the low ({@code low}) or high band of each row pair of columns. */
    private static double[] lo(double[] x, int rows, int cols, boolean low) {
        int hc = cols / 2;
        double[] out = new double[rows * hc];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < hc; j++) {
                double x0 = x[i * cols + 2 * j], x1 = x[i * cols + 2 * j + 1];
                out[i * hc + j] = low ? C * x0 + C * x1 : C * x0 - C * x1;
            }
        }
        return out;
    }

    /** {@code pywt.idwt2((aa, (da, ad, dd)), 'haar')}: columns first (pywt undoes the last axis first), then rows. */
    static double[] inverse(double[] aa, double[] da, double[] ad, double[] dd, int hr, int hc) {
        double[] a = joinColumns(aa, ad, hr, hc), d = joinColumns(da, dd, hr, hc);
        int cols = 2 * hc;
        double[] x = new double[2 * hr * cols];
        for (int i = 0; i < hr; i++) {
            for (int j = 0; j < cols; j++) {
                double lo = a[i * cols + j], hi = d[i * cols + j];
                x[2 * i * cols + j] = C * lo + C * hi;
                x[(2 * i + 1) * cols + j] = C * lo - C * hi;
            }
        }
        return x;
    }

    private static double[] joinColumns(double[] lo, double[] hi, int rows, int hc) {
        int cols = 2 * hc;
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < hc; j++) {
                double l = lo[i * hc + j], h = hi[i * hc + j];
                out[i * cols + 2 * j] = C * l + C * h;
                out[i * cols + 2 * j + 1] = C * l - C * h;
            }
        }
        return out;
    }
}
