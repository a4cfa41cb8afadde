package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/** Our baseline/progressive JPEG decoder at each DCT scale: a frame, or a JpegException naming the problem. */
public final class JpegDecoderFuzzer {
    private static final int[] SCALES = {8, 4, 2, 1};

    private JpegDecoderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) return;
        // The last byte picks the scale, so the file itself starts at offset 0 as real files do.
        int n = SCALES[(data[data.length - 1] & 0xFF) % 4];
        byte[] file = java.util.Arrays.copyOf(data, data.length - 1);
        try {
            JpegFrame f = JpegDecoder.decode(file, n, 1L << 20);
            Contract.check((long) f.width * f.height <= 1L << 20, "frame over the pixel limit");
        } catch (JpegException e) {
            Contract.refused(e);
        }
    }
}
