package org.pramaan.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Music-like audio generated from a seed (random three-note chords), and 16-bit PCM WAV files of it. */
public final class TestAudio {
    private TestAudio() {}

    public static float[] chords(long seed, double seconds, int rate) {
        Random rnd = new Random(seed);
        float[] out = new float[(int) (seconds * rate)];
        for (int pos = 0; pos < out.length; ) {
            int len = (int) ((0.25 + 0.5 * rnd.nextDouble()) * rate);
            double[] freqs = {note(rnd), note(rnd), note(rnd)};
            for (int i = 0; i < len && pos + i < out.length; i++) {
                double s = 0, env = Math.min(1, Math.min(i, len - i) / (0.02 * rate));
                for (double f : freqs) s += Math.sin(2 * Math.PI * f * i / rate);
                out[pos + i] = (float) (0.2 * env * s);
            }
            pos += len;
        }
        return out;
    }

    private static double note(Random rnd) {
        return 110 * Math.pow(2, rnd.nextInt(36) / 12.0);
    }

    /** Mono 16-bit PCM WAV of {@code samples} (clipped to −1..1). */
    public static byte[] wav(float[] samples, int rate) {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + 2 * samples.length)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(2 * rate)
                .putShort((short) 2)
                .putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * samples.length);
        for (float s : samples) b.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        return b.array();
    }

    public static float[] from(float[] samples, double seconds, int rate) {
        return java.util.Arrays.copyOfRange(samples, (int) Math.round(seconds * rate), samples.length);
    }
}
