package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/** A raw VP8 key frame (RFC 6386), without the container, so mutations reach the bitstream directly. */
public final class Vp8DecoderFuzzer {
    /**
     * 4 Ki pixels (e.g. 64×64, four macroblocks square): a mutated header that declares a bigger frame
     * is refused fast. A VP8 frame decodes every macroblock whatever the bitstream holds (the boolean
     * decoder reads zeros past the end), so at 64 Ki pixels one input cost ~2.4 ms (425 inputs/s) and
     * 10^6 runs took 40 min; every macroblock path (prediction modes, partitions, loop filters, edges)
     * is already reached at 64×64. Size arithmetic of big frames is the decoders' unit tests' job.
     */
    static final long MAX_PIXELS = 1L << 12;

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
