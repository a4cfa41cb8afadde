package org.pramaan.media.image;

import java.awt.image.BufferedImage;

/**
 * PNG straight to the pixels PDQ hashes (ISO/IEC 15948; non-interlaced, every colour type and bit
 * depth): for an image with a side over 512 px, only the 512×512 nearest-neighbour squash
 * ({@link HashingImages}), else the whole image. Every row is inflated and unfiltered (a row's
 * filter reads the row above), but only the squash's rows and columns are converted. The output's
 * PDQ luma is bit-identical to that of ImageIO's decode ({@link PngPixels}); ImageIO is the
 * fallback for what this refuses ({@link PngException}) and the oracle of the tests.
 */
final class PngDecoder {
    private PngDecoder() {}

    static BufferedImage decode(byte[] data, long maxPixels) throws PngException {
        return decode(data, maxPixels, false);
    }

    /** Every pixel, no squash: for readers of exact pixel positions (the SD/SDXL watermark's 8×8 cells). */
    static BufferedImage decodeFull(byte[] data, long maxPixels) throws PngException {
        return decode(data, maxPixels, true);
    }

    private static BufferedImage decode(byte[] data, long maxPixels, boolean full) throws PngException {
        PngHeader h = PngHeader.parse(data, maxPixels);
        boolean squash = !full && HashingImages.squashed(h.width, h.height);
        int[] xs = HashingImages.sampleMap(h.width, h.width, squash),
                ys = HashingImages.sampleMap(h.height, h.height, squash);
        PngPixels out = new PngPixels(h, xs, ys.length);
        try (PngRows rows = new PngRows(h)) {
            int oy = 0;
            for (int y = 0; y < h.height; y++) {
                byte[] row = rows.next();
                for (; oy < ys.length && ys[oy] == y; oy++) out.row(row, rows.start(), oy);
            }
        }
        return out.image;
    }
}
