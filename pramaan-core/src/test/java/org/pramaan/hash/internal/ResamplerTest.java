package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerTest {
    static float[] sine(double freq, int rate, int n) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (float) (0.5 * Math.sin(2 * Math.PI * freq * i / rate));
        return s;
    }

    /** Away from the edges (where the kernel runs off the signal) the output is the same sine sampled at the new rate. */
    @ParameterizedTest
    @CsvSource({"44100, 1000", "48000, 440", "8000, 1000", "22050, 3000", "16000, 2500", "96000, 200"})
    void keepsInBandTonesExact(int from, double freq) {
        float[] out = Resampler.resample(sine(freq, from, from * 2), from, 11025);
        assertThat(out.length).isEqualTo((int) Math.floor(from * 2 * 11025.0 / from));
        double maxErr = 0;
        for (int i = 200; i < out.length - 200; i++)
            maxErr = Math.max(maxErr, Math.abs(out[i] - 0.5 * Math.sin(2 * Math.PI * freq * i / 11025)));
        assertThat(maxErr).as("max error %s → 11025, %s Hz", from, freq).isLessThan(2e-3);
    }

    /** A tone above the new Nyquist (5512.5 Hz) must be filtered out, not folded into the chroma band. */
    @ParameterizedTest
    @CsvSource({"44100, 8000", "48000, 7000", "22050, 9000"})
    void removesTonesAboveTheNewNyquist(int from, double freq) {
        float[] out = Resampler.resample(sine(freq, from, from * 2), from, 11025);
        double energy = 0;
        for (int i = 200; i < out.length - 200; i++) energy += out[i] * out[i];
        double rms = Math.sqrt(energy / (out.length - 400));
        assertThat(20 * Math.log10(rms / (0.5 / Math.sqrt(2))))
                .as("attenuation in dB")
                .isLessThan(-60);
    }

    @Test
    void tableAgreesWithTheExactKernel() {
        for (double u = 0; u < Resampler.ZERO_CROSSINGS; u += 0.0137) {
            assertThat(Resampler.weight(u))
                    .as("u=%s", u)
                    .isCloseTo(Resampler.exactWeight(u), org.assertj.core.data.Offset.offset(2e-5));
        }
        assertThat(Resampler.weight(Resampler.ZERO_CROSSINGS + 1)).isZero();
    }

    @Test
    void sameRateIsACopy() {
        float[] in = sine(100, 11025, 500);
        float[] out = Resampler.resample(in, 11025, 11025);
        assertThat(out).containsExactly(in).isNotSameAs(in);
    }
}
