package org.pramaan.onnx;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.nio.FloatBuffer;

/**
 * An image's pixels as packed RGB ints with halved copies (a mip pyramid, each level the 2×2 mean of
 * the one above), so that a window of any size is resampled to a model's small input by bilinear
 * reads from the level just above the input's size: every output pixel averages roughly the source
 * pixels it covers (no aliasing from skipping), at the cost of one pass over the image. Java2D's
 * scaled {@code drawImage} does a full-resolution pass per window instead, which made the old
 * BlazeFace pyramid slow.
 */
final class Pixels {
    private final int[][] levels;
    private final int[] widths;
    private final int[] heights;

    private Pixels(int[][] levels, int[] widths, int[] heights) {
        this.levels = levels;
        this.widths = widths;
        this.heights = heights;
    }

    int width() {
        return widths[0];
    }

    int height() {
        return heights[0];
    }

    /** Reads the image once; levels halve until the shorter side is below {@code smallest}. */
    static Pixels of(BufferedImage image, int smallest) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = 1;
        for (int s = Math.min(w, h); s / 2 >= smallest; s /= 2) n++;
        int[][] levels = new int[n][];
        int[] ws = new int[n];
        int[] hs = new int[n];
        levels[0] = rgb(image);
        ws[0] = w;
        hs[0] = h;
        for (int l = 1; l < n; l++) {
            int pw = ws[l - 1];
            int ph = hs[l - 1];
            int cw = pw / 2;
            int ch = ph / 2;
            int[] src = levels[l - 1];
            int[] dst = new int[cw * ch];
            for (int y = 0; y < ch; y++) {
                int r0 = 2 * y * pw;
                int r1 = r0 + pw;
                for (int x = 0; x < cw; x++) {
                    int a = src[r0 + 2 * x];
                    int b = src[r0 + 2 * x + 1];
                    int c = src[r1 + 2 * x];
                    int d = src[r1 + 2 * x + 1];
                    // Per-channel mean of the four, rounded; channels never carry into each other.
                    int red = (((a >> 16) & 0xff) + ((b >> 16) & 0xff) + ((c >> 16) & 0xff) + ((d >> 16) & 0xff) + 2)
                            >> 2;
                    int green =
                            (((a >> 8) & 0xff) + ((b >> 8) & 0xff) + ((c >> 8) & 0xff) + ((d >> 8) & 0xff) + 2) >> 2;
                    int blue = ((a & 0xff) + (b & 0xff) + (c & 0xff) + (d & 0xff) + 2) >> 2;
                    dst[y * cw + x] = red << 16 | green << 8 | blue;
                }
            }
            levels[l] = dst;
            ws[l] = cw;
            hs[l] = ch;
        }
        return new Pixels(levels, ws, hs);
    }

    /** Packed RGB, read straight from the common rasters (a decoded JPEG is 3-byte BGR) and through getRGB otherwise. */
    private static int[] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        boolean whole = raster.getParent() == null
                && raster.getMinX() == 0
                && raster.getMinY() == 0
                && raster.getWidth() == w
                && raster.getHeight() == h;
        int type = image.getType();
        if (whole
                && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt db
                && db.getNumBanks() == 1
                && db.getOffset() == 0
                && db.getData().length == w * h) {
            int[] src = db.getData();
            int[] out = new int[w * h];
            for (int i = 0; i < out.length; i++) out[i] = src[i] & 0xffffff;
            return out;
        }
        if (whole
                && type == BufferedImage.TYPE_3BYTE_BGR
                && raster.getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1
                && db.getOffset() == 0
                && db.getData().length == 3 * w * h) {
            byte[] src = db.getData();
            int[] out = new int[w * h];
            for (int i = 0, j = 0; i < out.length; i++, j += 3)
                out[i] = (src[j + 2] & 0xff) << 16 | (src[j + 1] & 0xff) << 8 | (src[j] & 0xff);
            return out;
        }
        int[] out = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < out.length; i++) out[i] &= 0xffffff;
        return out;
    }

    /**
     * Resamples the square window at ({@code x0}, {@code y0}) of side {@code side} (full-resolution
     * pixels; parts outside the image are black) to {@code size}×{@code size}, writing RGB NHWC floats
     * {@code v * scale + offset} (v in 0..255) into {@code out} from its position 0.
     *
     * @return the window's grey spread and colour, so windows that cannot hold a face can be skipped
     */
    Stats window(double x0, double y0, double side, int size, float scale, float offset, FloatBuffer out) {
        double step = side / size;
        int l = 0;
        while (l + 1 < levels.length && step / (1 << (l + 1)) >= 1) l++;
        int[] px = levels[l];
        int lw = widths[l];
        int lh = heights[l];
        double f = 1.0 / (1 << l);
        // Column taps and weights are the same for every row: computed once (-1 is black, outside the image).
        int[] c0 = new int[size];
        int[] c1 = new int[size];
        float[] wx = new float[size];
        for (int x = 0; x < size; x++) {
            double sx = ((x0 + (x + 0.5) * step) * f) - 0.5;
            int ix = (int) Math.floor(sx);
            wx[x] = (float) (sx - ix);
            c0[x] = tap(ix, lw);
            c1[x] = tap(ix + 1, lw);
        }
        float[] row = new float[3 * size];
        double sum = 0;
        double sum2 = 0;
        int skin = 0;
        int colour = 0;
        for (int y = 0; y < size; y++) {
            // Centre of the output pixel, in the level's pixel coordinates.
            double sy = ((y0 + (y + 0.5) * step) * f) - 0.5;
            int iy = (int) Math.floor(sy);
            float fy = (float) (sy - iy);
            int r0 = tap(iy, lh);
            int r1 = tap(iy + 1, lh);
            int o0 = r0 < 0 ? -1 : r0 * lw;
            int o1 = r1 < 0 ? -1 : r1 * lw;
            for (int x = 0; x < size; x++) {
                int p00 = pixel(px, o0, c0[x]);
                int p10 = pixel(px, o0, c1[x]);
                int p01 = pixel(px, o1, c0[x]);
                int p11 = pixel(px, o1, c1[x]);
                float fx = wx[x];
                float w00 = (1 - fx) * (1 - fy);
                float w10 = fx * (1 - fy);
                float w01 = (1 - fx) * fy;
                float w11 = fx * fy;
                float r = w00 * ((p00 >> 16) & 0xff)
                        + w10 * ((p10 >> 16) & 0xff)
                        + w01 * ((p01 >> 16) & 0xff)
                        + w11 * ((p11 >> 16) & 0xff);
                float g = w00 * ((p00 >> 8) & 0xff)
                        + w10 * ((p10 >> 8) & 0xff)
                        + w01 * ((p01 >> 8) & 0xff)
                        + w11 * ((p11 >> 8) & 0xff);
                float b = w00 * (p00 & 0xff) + w10 * (p10 & 0xff) + w01 * (p01 & 0xff) + w11 * (p11 & 0xff);
                row[3 * x] = r * scale + offset;
                row[3 * x + 1] = g * scale + offset;
                row[3 * x + 2] = b * scale + offset;
                if (((x | y) & 1) != 0)
                    continue; // the statistics look at every fourth pixel: enough, and a third of the cost
                float grey = 0.299f * r + 0.587f * g + 0.114f * b;
                sum += grey;
                sum2 += grey * grey;
                // JPEG's YCbCr (ITU-T T.871); skin of every complexion falls in Cb 77..127, Cr 133..173
                // (Chai and Ngan, "Face segmentation using skin-color map", IEEE TCSVT 9(4), 1999).
                float cb = 128 - 0.168736f * r - 0.331264f * g + 0.5f * b;
                float cr = 128 + 0.5f * r - 0.418688f * g - 0.081312f * b;
                if (cb >= 77 && cb <= 127 && cr >= 133 && cr <= 173) skin++;
                if (Math.abs(cb - 128) + Math.abs(cr - 128) > 8) colour++;
            }
            out.put(3 * size * y, row);
        }
        double n = (double) ((size + 1) / 2) * ((size + 1) / 2);
        double mean = sum / n;
        return new Stats(Math.sqrt(Math.max(0, sum2 / n - mean * mean)), skin / n, colour / n);
    }

    /**
     * A column or row index: clamped by one pixel at the image's own edge (bilinear reads just past
     * the last pixel stay inside), -1 (black) beyond it, the letterbox a square window of a
     * non-square image needs.
     */
    private static int tap(int i, int length) {
        if (i == -1) return 0;
        if (i == length) return length - 1;
        return i < 0 || i > length ? -1 : i;
    }

    private static int pixel(int[] px, int rowOffset, int column) {
        return rowOffset < 0 || column < 0 ? 0 : px[rowOffset + column];
    }

    /**
     * What a resampled window holds.
     *
     * @param spread standard deviation of its grey values, 0..255 (a flat window holds no face)
     * @param skin   fraction of its pixels with a skin colour
     * @param colour fraction of its pixels that are not grey (a greyscale photo has no skin colour to go by)
     */
    record Stats(double spread, double skin, double colour) {}
}
