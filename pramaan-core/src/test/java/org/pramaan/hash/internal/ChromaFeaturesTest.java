package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChromaFeaturesTest {
    /** Pitch classes: A = 0 … G♯ = 11, by the nearest equal-tempered semitone. */
    @ParameterizedTest
    @CsvSource({
        "440, 0",
        "55, 0",
        "3520, 0",
        "466.16, 1",
        "493.88, 2",
        "261.63, 3",
        "329.63, 7",
        "392.00, 10",
        "415.30, 11",
        "452, 0",
        "2093, 3"
    })
    void pureToneLandsInItsPitchClass(double freq, int band) {
        assertThat(ChromaFeatures.band(freq)).isEqualTo(band);
        float[] tone = ResamplerTest.sine(freq, ChromaFeatures.SAMPLE_RATE, ChromaFeatures.SAMPLE_RATE * 3);
        ChromaFeatures.Image img = new ChromaFeatures().image(tone);
        assertThat(img.frames()).isEqualTo(ChromaFeatures.framesFor(tone.length) - 4);
        for (double[] c : img.chroma()) {
            int arg = 0;
            for (int b = 1; b < 12; b++) if (c[b] > c[arg]) arg = b;
            assertThat(arg).as("strongest band for %s Hz", freq).isEqualTo(band);
            assertThat(c[band])
                    .as("normalised, and dominated by the tone")
                    .isGreaterThan(0.95)
                    .isLessThanOrEqualTo(1.0 + 1e-9);
        }
    }

    @Test
    void quietFramesAreFlaggedAndZeroed() {
        int rate = ChromaFeatures.SAMPLE_RATE;
        float[] loud = ResamplerTest.sine(440, rate, rate * 3);
        float[] signal = new float[rate * 6];
        System.arraycopy(loud, 0, signal, 0, loud.length);
        for (int i = loud.length; i < signal.length; i++) signal[i] = (float) (1e-4 * Math.sin(i)); // −86 dBFS hiss
        ChromaFeatures.Image img = new ChromaFeatures().image(signal);
        assertThat(img.quiet()[0]).isFalse();
        int last = img.frames() - 1;
        assertThat(img.quiet()[last]).isTrue();
        assertThat(img.chroma()[last]).containsOnly(0.0);
    }

    @Test
    void outsideTheChromaRangeBinsAreIgnored() {
        int[] map = ChromaFeatures.bandOfBin(ChromaFeatures.FRAME, ChromaFeatures.SAMPLE_RATE);
        double binHz = (double) ChromaFeatures.SAMPLE_RATE / ChromaFeatures.FRAME;
        assertThat(map[0]).isEqualTo(-1);
        assertThat(map[(int) (27 / binHz)]).isEqualTo(-1);
        assertThat(map[(int) Math.ceil(28 / binHz)]).isNotNegative();
        assertThat(map[(int) (4000 / binHz)]).isEqualTo(-1);
    }
}
