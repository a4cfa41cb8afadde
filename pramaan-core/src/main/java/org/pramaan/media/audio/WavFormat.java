package org.pramaan.media.audio;

import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.container.Bytes;

/**
 * The parts of a WAV 'fmt ' chunk the reader needs (Microsoft "Multimedia Programming Interface and Data
 * Specifications 1.0", WAVEFORMATEX; WAVE_FORMAT_EXTENSIBLE takes its real format from the first two
 * bytes of the sub-format GUID).
 */
record WavFormat(boolean floating, int channels, int sampleRate, int bitsPerSample, int blockAlign) {
    static final int PCM = 1, IEEE_FLOAT = 3, EXTENSIBLE = 0xFFFE;
    static final int MAX_CHANNELS = 32;
    static final int MIN_RATE = 1_000, MAX_RATE = 768_000;

    static WavFormat parse(byte[] fmt) throws MediaRejectedException {
        if (fmt.length < 16) throw corrupt("'fmt ' chunk is " + fmt.length + " bytes, expected at least 16");
        int tag = Bytes.u16le(fmt, 0);
        if (tag == EXTENSIBLE) {
            if (fmt.length < 40)
                throw corrupt("WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is " + fmt.length + " bytes, expected 40");
            tag = Bytes.u16le(fmt, 24);
        }
        int channels = Bytes.u16le(fmt, 2);
        long rate = Bytes.u32le(fmt, 4);
        int blockAlign = Bytes.u16le(fmt, 12);
        int bits = Bytes.u16le(fmt, 14);
        if (tag != PCM && tag != IEEE_FLOAT)
            throw unsupported("format tag 0x" + Integer.toHexString(tag)
                    + " is not PCM (1) or IEEE float (3); decode compressed WAV with FFmpeg");
        boolean floating = tag == IEEE_FLOAT;
        if (floating ? bits != 32 && bits != 64 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
            throw unsupported((floating ? "float" : "PCM") + " with " + bits
                    + " bits per sample is not supported (PCM 8/16/24/32, float 32/64)");
        }
        if (channels < 1 || channels > MAX_CHANNELS)
            throw corrupt("declares " + channels + " channels; 1.." + MAX_CHANNELS + " are accepted");
        if (rate < MIN_RATE || rate > MAX_RATE)
            throw corrupt("declares a sample rate of " + rate + " Hz; " + MIN_RATE + ".." + MAX_RATE + " are accepted");
        if (blockAlign != channels * bits / 8)
            throw corrupt("block align " + blockAlign + " does not equal channels × bytes per sample (" + channels
                    + " × " + bits / 8 + ")");
        return new WavFormat(floating, channels, (int) rate, bits, blockAlign);
    }

    /** Sample {@code index} of a frame starting at {@code o}, scaled to −1..1. */
    float sample(byte[] b, int o) {
        return switch (bitsPerSample) {
            case 8 -> ((b[o] & 0xFF) - 128) / 128f; // 8-bit WAV is unsigned
            case 16 -> (short) Bytes.u16le(b, o) / 32768f;
            case 24 -> ((Bytes.u24le(b, o) << 8) >> 8) / 8388608f;
            case 32 -> floating ? Float.intBitsToFloat((int) Bytes.u32le(b, o)) : (int) Bytes.u32le(b, o) / 0x1p31f;
            default -> (float) Double.longBitsToDouble(Bytes.u64le(b, o));
        };
    }

    static MediaRejectedException corrupt(String m) {
        return new MediaRejectedException(RejectionCode.CORRUPT, "WAV: " + m);
    }

    static MediaRejectedException unsupported(String m) {
        return new MediaRejectedException(RejectionCode.UNREADABLE, "WAV: " + m);
    }
}
