package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/** The WebP container and our VP8 decoder behind it: a frame, or a WebpException. */
public final class WebpDecoderFuzzer {
    private WebpDecoderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Vp8Frame f = WebpDecoder.decode(data, 1L << 20);
            Contract.check((long) f.width * f.height <= 1L << 20, "frame over the pixel limit");
        } catch (WebpException e) {
            Contract.refused(e);
        }
    }
}
