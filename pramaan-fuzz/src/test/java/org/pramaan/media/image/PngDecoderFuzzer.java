package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/** Our PNG decoder: an image, or a PngException; inflation bounded by what IHDR implies. */
public final class PngDecoderFuzzer {
    private PngDecoderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            PngDecoder.decode(data, 1L << 20);
        } catch (PngException e) {
            Contract.refused(e);
        }
    }
}
