package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The radix-2 FFT against the O(n²) DFT definition (the oracle), on seeded random complex input. */
class FftTest {
    /** X[k] = Σ x[t]·e^(−2πi·k·t/n), straight from the definition. */
    static double[][] naiveDft(double[] re, double[] im) {
        int n = re.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * ((long) k * t % n) / n;
                out[0][k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                out[1][k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 8, 16, 64, 256, 1024})
    void agreesWithTheDefinition(int n) {
        Random rnd = new Random(n);
        for (int round = 0; round < (n > 256 ? 1 : 4); round++) {
            double[] re = new double[n], im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = rnd.nextGaussian();
                im[i] = rnd.nextGaussian();
            }
            double[][] want = naiveDft(re, im);
            new Fft(n).transform(re, im);
            for (int k = 0; k < n; k++) {
                assertThat(re[k])
                        .as("re[%d] n=%d", k, n)
                        .isCloseTo(want[0][k], org.assertj.core.data.Offset.offset(1e-9 * n));
                assertThat(im[k])
                        .as("im[%d] n=%d", k, n)
                        .isCloseTo(want[1][k], org.assertj.core.data.Offset.offset(1e-9 * n));
            }
        }
    }

    @Test
    void powerSpectrumOfACosinePeaksAtItsBin() {
        int n = 4096, bin = 300;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) x[t] = Math.cos(2 * Math.PI * bin * t / n);
        double[] p = new Fft(n).powerSpectrum(x);
        assertThat(p).hasSize(n / 2 + 1);
        assertThat(p[bin]).isCloseTo((n / 2.0) * (n / 2.0), org.assertj.core.data.Offset.offset(1e-3));
        for (int k = 0; k < p.length; k++)
            if (k != bin) assertThat(p[k]).as("bin %d", k).isLessThan(1e-12 * p[bin]);
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> new Fft(1000))
                .hasMessageContaining("power of two")
                .hasMessageContaining("1000");
        assertThatThrownBy(() -> new Fft(8).transform(new double[4], new double[4]))
                .hasMessageContaining("size 8");
    }
}
