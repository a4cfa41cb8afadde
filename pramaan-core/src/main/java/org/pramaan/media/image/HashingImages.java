package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * The pixels PDQ actually looks at. Meta's C++ reference resizes any image with a side over 512 px
 * to exactly 512×512 by nearest neighbour: output (x, y) ← source (⌊x·W/512⌋, ⌊y·H/512⌋)
 * (../shared/testdata/pdq/README.md, step 2). Doing that here, before colour conversion and luma,
 * means a 12-MP photo costs 512² conversions instead of 12 million.
 */
final class HashingImages {
    static final int SIDE = 512;

    private HashingImages() {}

    static boolean squashed(int width, int height) {
        return width > SIDE || height > SIDE;
    }

    /**
     * For each output position, the position in a decoded image of {@code decoded} pixels that
     * stands for an original of {@code original} pixels (a reduced-scale or subsampled decode).
     */
    static int[] sampleMap(int original, int decoded, boolean squash) {
        int[] m = new int[squash ? SIDE : decoded];
        for (int i = 0; i < m.length; i++) {
            long src = squash ? (long) i * original / SIDE : i;
            m[i] = (int) Math.min(decoded - 1, squash ? src * decoded / original : src);
        }
        return m;
    }

    /** The squash of an image decoded at {@code image}'s size from an original of {@code ow × oh}; same colour model. */
    static BufferedImage squash(BufferedImage image, int ow, int oh) {
        if (!squashed(ow, oh) && image.getWidth() == ow && image.getHeight() == oh) return image;
        int[] xs = sampleMap(ow, image.getWidth(), true), ys = sampleMap(oh, image.getHeight(), true);
        Raster src = image.getRaster();
        WritableRaster dst = src.createCompatibleWritableRaster(SIDE, SIDE);
        int bands = src.getNumBands();
        int[] row = new int[image.getWidth() * bands], out = new int[SIDE * bands];
        int last = -1;
        for (int y = 0; y < SIDE; y++) {
            if (ys[y] != last) {
                src.getPixels(0, ys[y], image.getWidth(), 1, row);
                for (int x = 0; x < SIDE; x++) System.arraycopy(row, xs[x] * bands, out, x * bands, bands);
                last = ys[y];
            }
            dst.setPixels(0, y, SIDE, 1, out);
        }
        return new BufferedImage(image.getColorModel(), dst, image.isAlphaPremultiplied(), null);
    }

    /**
     * Pixels per block side for a reduced JPEG decode: the smallest n (of 1, 2, 4, 8) whose
     * decoded shorter side still has at least {@value #SIDE}·{@code keep} pixels, so the squash still
     * finds (nearly) one decoded pixel per output pixel. 8 for images that are not squashed.
     */
    static int blockScale(int width, int height, double keep) {
        if (!squashed(width, height)) return 8;
        int shorter = Math.min(width, height);
        for (int n = 1; n < 8; n *= 2) {
            int decodedSide = (shorter * n + 7) / 8; // the side decoded at scale n/8, rounded up (whole pixels)
            if (decodedSide >= SIDE * keep) return n;
        }
        return 8;
    }
}
