package org.pramaan.media.image;

import org.pramaan.fuzz.Contract;

/**
 * Our baseline/progressive JPEG decoder at each DCT scale, through to the pixels hashing sees
 * (libjpeg-exact upsampling and colour at full size, the reduced-scale colour conversion, CMYK and
 * YCCK): an image, or a JpegException naming the problem.
 */
public final class JpegDecoderFuzzer {
    private static final int[] SCALES = {8, 4, 2, 1};

    /** 64 Ki pixels: a mutated header that declares a huge frame is refused fast, not decoded for 20 ms. */
    static final long MAX_PIXELS = 1L << 16;

    private JpegDecoderFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) return;
        // The last byte picks the scale, so the file itself starts at offset 0 as real files do.
        int n = SCALES[(data[data.length - 1] & 0xFF) % 4];
        byte[] file = java.util.Arrays.copyOf(data, data.length - 1);
        try {
            java.awt.image.BufferedImage img =
                    n == 8 ? ImageDecoder.fullJpeg(file, MAX_PIXELS) : ImageDecoder.reducedJpeg(file, n, MAX_PIXELS);
            // A frame within the limit comes back as it is, or as the 512×512 squash when a side is over 512.
            boolean squash = img.getWidth() == HashingImages.SIDE && img.getHeight() == HashingImages.SIDE;
            Contract.check(
                    squash || (long) img.getWidth() * img.getHeight() <= MAX_PIXELS,
                    "image over the pixel limit and not the squash");
        } catch (JpegException e) {
            Contract.refused(e);
        }
    }
}
