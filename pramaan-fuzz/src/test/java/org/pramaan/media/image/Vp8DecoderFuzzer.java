package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/** A raw VP8 key frame (RFC 6386), without the container, so mutations reach the bitstream directly. */
public final class Vp8DecoderFuzzer {
    /** 64 Ki pixels: a mutated header that declares a huge frame is refused fast, not decoded for 20 ms. */
    static final long MAX_PIXELS = 1L << 16;

    private Vp8DecoderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Vp8Decoder.decode(data, 0, data.length, MAX_PIXELS);
        } catch (WebpException e) {
            Contract.refused(e);
        }
    }

    /** The VP8 chunk payload of a simple lossy WebP, for the seed corpus. */
    public static byte[] vp8Payload(byte[] webp) {
        int size = (webp[16] & 0xFF) | (webp[17] & 0xFF) << 8 | (webp[18] & 0xFF) << 16;
        return java.util.Arrays.copyOfRange(webp, 20, Math.min(webp.length, 20 + size));
    }
}
