package org.pramaan.hash;

import java.util.Random;

/** Seeded test signals: a melody of random chords (three notes, two partials each) with a little noise. */
final class SyntheticAudio {
    private SyntheticAudio() {}

    static float[] chords(long seed, double seconds, int rate) {
        Random rnd = new Random(seed);
        float[] out = new float[(int) (seconds * rate)];
        int pos = 0;
        while (pos < out.length) {
            int len = (int) ((0.25 + 0.5 * rnd.nextDouble()) * rate);
            double[] freqs = new double[3];
            for (int k = 0; k < 3; k++) freqs[k] = 110 * Math.pow(2, rnd.nextInt(36) / 12.0);
            for (int i = 0; i < len && pos + i < out.length; i++) {
                double t = (double) i / rate, env = Math.min(1, Math.min(i, len - i) / (0.02 * rate));
                double s = 0;
                for (double f : freqs) s += Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t);
                out[pos + i] = (float) (0.15 * env * s + 0.003 * rnd.nextGaussian());
            }
            pos += len;
        }
        return out;
    }

    static float[] tone(double freq, double seconds, int rate, double amplitude) {
        float[] out = new float[(int) (seconds * rate)];
        for (int i = 0; i < out.length; i++) out[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / rate));
        return out;
    }

    static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) n += p.length;
        float[] out = new float[n];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    static float[] slice(float[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }
}
