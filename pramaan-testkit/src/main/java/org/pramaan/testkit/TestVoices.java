package org.pramaan.testkit;

import java.util.Random;

/**
 * Generated "voices" for the voice-likeness tests and benchmarks (issue 16): a harmonic tone (the
 * fundamental and its harmonics up to 7 kHz) shaped by formant peaks, with a 5 Hz vibrato of 1 %, a
 * syllable-rate loudness swing and white noise. Two recordings of one speaker share the fundamental
 * and formants (within a few percent) and differ in phases, noise and swing; another speaker has
 * another fundamental and other formants. A stand-in for speech, not speech.
 */
public final class TestVoices {
    private TestVoices() {}

    /** One speaker's traits. */
    public record Speaker(double fundamentalHz, double... formantsHz) {}

    public static final Speaker ASHA = new Speaker(120, 500, 1500, 2500);
    /** Asha again, another day: 3 % higher, formants shifted a little. */
    public static final Speaker ASHA_AGAIN = new Speaker(124, 520, 1460, 2550);

    public static final Speaker RAVI = new Speaker(210, 700, 1900, 3000);

    /** {@code seconds} of the speaker at {@code rate}, peak about 0.5, with noise of standard deviation {@code noise}. */
    public static float[] voice(Speaker who, double seconds, int rate, long seed, double noise) {
        Random r = new Random(seed);
        int n = (int) (seconds * rate);
        float[] s = new float[n];
        double f0 = who.fundamentalHz();
        int harmonics = (int) (Math.min(7000, rate / 2.0 - 200) / f0);
        double[] phase0 = new double[harmonics + 1];
        double[] amp = new double[harmonics + 1];
        for (int k = 1; k <= harmonics; k++) {
            phase0[k] = r.nextDouble() * 2 * Math.PI;
            double f = k * f0;
            double a = 0.02;
            double[] formants = who.formantsHz();
            for (int i = 0; i < formants.length; i++) {
                double bw = 80 + 0.06 * formants[i];
                a += Math.exp(-0.5 * Math.pow((f - formants[i]) / bw, 2)) / (i + 1);
            }
            amp[k] = a;
        }
        double swing = 2.5 + r.nextDouble();
        double peak = 0;
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            phase += 2 * Math.PI * f0 * (1 + 0.01 * Math.sin(2 * Math.PI * 5 * t)) / rate;
            double v = 0;
            for (int k = 1; k <= harmonics; k++) v += amp[k] * Math.sin(k * phase + phase0[k]);
            v *= 0.6 + 0.4 * Math.sin(2 * Math.PI * swing * t);
            s[i] = (float) v;
            peak = Math.max(peak, Math.abs(v));
        }
        for (int i = 0; i < n; i++) s[i] = (float) (0.5 * s[i] / peak + noise * r.nextGaussian());
        return s;
    }

    /** {@code total} seconds of silence with {@code voice} placed from {@code atSeconds}. */
    public static float[] placed(float[] voice, double atSeconds, double total, int rate) {
        float[] out = new float[(int) (total * rate)];
        int at = (int) (atSeconds * rate);
        System.arraycopy(voice, 0, out, at, Math.min(voice.length, out.length - at));
        return out;
    }
}
