package org.pramaan.labels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A 16-bit PCM WAV read for labelling (RIFF, Microsoft WAVE {@code fmt } format tag 1 or
 * WAVE_FORMAT_EXTENSIBLE with the PCM sub-format): every chunk length is checked against the bytes
 * present, at most 64 chunks are walked, and anything else is refused naming what was found.
 */
record Wav16(int channels, int sampleRate, short[] samples) {
    static final int MAX_CHUNKS = 64;

    static Wav16 parse(byte[] f) {
        if (f.length < 12 || !ascii(f, 0, "RIFF") || !ascii(f, 8, "WAVE"))
            throw new IllegalArgumentException("audio: not a RIFF WAVE file");
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int channels = 0, rate = 0, bits = 0, tag = 0;
        for (int n = 0; pos + 8 <= f.length; n++) {
            if (n >= MAX_CHUNKS) throw new IllegalArgumentException("audio: more than " + MAX_CHUNKS + " RIFF chunks");
            String id = new String(f, pos, 4, StandardCharsets.US_ASCII);
            long len = Integer.toUnsignedLong(b.getInt(pos + 4));
            if (len > f.length - pos - 8L)
                throw new IllegalArgumentException("audio: RIFF chunk '" + id + "' at " + pos + " declares " + len
                        + " bytes, only " + (f.length - pos - 8) + " present");
            if (id.equals("fmt ")) {
                if (len < 16) throw new IllegalArgumentException("audio: fmt chunk is " + len + " bytes, needs 16");
                tag = b.getShort(pos + 8) & 0xFFFF;
                channels = b.getShort(pos + 10) & 0xFFFF;
                rate = b.getInt(pos + 12);
                bits = b.getShort(pos + 22) & 0xFFFF;
                if (tag == 0xFFFE && len >= 26)
                    tag = b.getShort(pos + 32) & 0xFFFF; // sub-format GUID's first two bytes
            } else if (id.equals("data")) {
                if (tag != 1 || bits != 16)
                    throw new IllegalArgumentException("audio: visible-label prompts are written to 16-bit PCM WAV;"
                            + " this one is format " + tag + " with " + bits + " bits (fmt must come before data)");
                if (channels < 1 || channels > 8 || rate < 8000 || rate > 192_000)
                    throw new IllegalArgumentException(
                            "audio: " + channels + " channels at " + rate + " Hz is outside 1-8 channels, 8-192 kHz");
                int frames = (int) (len / (2L * channels));
                short[] s = new short[frames * channels];
                ByteBuffer d = ByteBuffer.wrap(f, pos + 8, s.length * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < s.length; i++) s[i] = d.getShort();
                return new Wav16(channels, rate, s);
            }
            pos += 8 + (int) len + (int) (len & 1);
        }
        throw new IllegalArgumentException("audio: the WAV has no data chunk");
    }

    /** A canonical WAV (RIFF, fmt, data) of this format with {@code pcm} as its data. */
    byte[] withSamples(byte[] pcm) {
        if (pcm.length > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("audio: output too long for WAV");
        ByteBuffer b = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
        b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        b.putShort((short) 1).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2);
        b.putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
        return b.array();
    }

    private static boolean ascii(byte[] f, int at, String s) {
        for (int i = 0; i < s.length(); i++) if (f[at + i] != s.charAt(i)) return false;
        return true;
    }
}
