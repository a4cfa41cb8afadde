package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/** The WebP container and our VP8 decoder behind it: a frame, or a WebpException. */
public final class WebpDecoderFuzzer {
    /**
     * 4 Ki pixels (e.g. 64×64, four macroblocks square): a mutated header that declares a bigger frame
     * is refused fast. A VP8 frame decodes every macroblock whatever the bitstream holds (the boolean
     * decoder reads zeros past the end), so at 64 Ki pixels one input cost ~2.4 ms (425 inputs/s) and
     * 10^6 runs took 40 min; every macroblock path (prediction modes, partitions, loop filters, edges)
     * is already reached at 64×64. Size arithmetic of big frames is the decoders' unit tests' job.
     */
    static final long MAX_PIXELS = 1L << 12;

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
