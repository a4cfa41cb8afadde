package org.pramaan.media.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes small WAV files for tests: any tag, channel count and sample size, samples given per frame and channel. */
public final class TestWav {
    private TestWav() {}

    /** @param frames [frame][channel] in −1..1 */
    public static byte[] write(int tag, int bits, int rate, double[][] frames) {
        int channels = frames.length == 0 ? 1 : frames[0].length, bytes = bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames.length * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] f : frames) for (double v : f) put(data, tag == WavFormat.IEEE_FLOAT, bits, v);
        return riff(fmt(tag, channels, rate, bits), data.array());
    }

    public static byte[] mono16(int rate, float[] samples) {
        double[][] f = new double[samples.length][1];
        for (int i = 0; i < samples.length; i++) f[i][0] = samples[i];
        return write(WavFormat.PCM, 16, rate, f);
    }

    static void put(ByteBuffer b, boolean floating, int bits, double v) {
        if (floating) {
            if (bits == 32) b.putFloat((float) v);
            else b.putDouble(v);
            return;
        }
        long max = (1L << (bits - 1)) - 1;
        long q = Math.max(-max - 1, Math.min(max, Math.round(v * (max + 1))));
        switch (bits) {
            case 8 -> b.put((byte) (q + 128));
            case 16 -> b.putShort((short) q);
            case 24 -> {
                b.put((byte) q);
                b.put((byte) (q >> 8));
                b.put((byte) (q >> 16));
            }
            default -> b.putInt((int) q);
        }
    }

    public static byte[] fmt(int tag, int channels, int rate, int bits) {
        return ByteBuffer.allocate(16)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) tag)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8))
                .putShort((short) bits)
                .array();
    }

    /** RIFF/WAVE with a 'fmt ' and a 'data' chunk. */
    public static byte[] riff(byte[] fmt, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmt.length + 8 + data.length + (data.length & 1))
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmt.length).put(fmt);
        b.put("data".getBytes()).putInt(data.length).put(data);
        return b.array();
    }
}
