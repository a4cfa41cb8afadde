package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/** The WebP container and our VP8 decoder behind it: a frame, or a WebpException. */
public final class WebpDecoderFuzzer {
    /** 64 Ki pixels: a mutated header that declares a huge frame is refused fast, not decoded for 20 ms. */
    static final long MAX_PIXELS = 1L << 16;

    private WebpDecoderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        try {
            Vp8Frame f = WebpDecoder.decode(data, MAX_PIXELS);
            Contract.check((long) f.width * f.height <= MAX_PIXELS, "frame over the pixel limit");
        } catch (WebpException e) {
            Contract.refused(e);
        }
    }
}
