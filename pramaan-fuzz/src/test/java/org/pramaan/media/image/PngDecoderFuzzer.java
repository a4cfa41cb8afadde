package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/** Our PNG decoder: an image, or a PngException; inflation bounded by what IHDR implies. */
public final class PngDecoderFuzzer {
    /** 64 Ki pixels: a mutated header that declares a huge frame is refused fast, not decoded for 20 ms. */
    static final long MAX_PIXELS = 1L << 16;

    private PngDecoderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            PngDecoder.decode(data, MAX_PIXELS);
        } catch (PngException e) {
            Contract.refused(e);
        }
    }
}
