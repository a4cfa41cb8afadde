package org.pramaan.watermark;

import java.util.Objects;

/**
 * The {@code dwtDct} method of the {@code invisible-watermark} package (imwatermark 0.2,
 * {@code maxDct.py}, class {@code EmbedMaxDct}), reproduced from its published algorithm with its
 * numeric conventions (docs/watermark.md):
 * <ol>
 *   <li>OpenCV BGR→YUV ({@link OpenCvYuv}); only the U plane carries the mark. The defaults are
 *       {@code scales=[0,36,36]} but the loop runs over channels 0 and 1 only, and Y's scale is 0.</li>
 *   <li>The top-left {@code ⌊h/4⌋·4 × ⌊w/4⌋·4} region, one level of Haar ({@link Haar}); the
 *       approximation band cA is cut into 4×4 blocks, row by row; block {@code n} carries bit
 *       {@code n mod L}, so the message repeats over the image.</li>
 *   <li>Despite the name no DCT is taken: in each block the coefficient with the largest magnitude
 *       other than the first (numpy {@code argmax}: the first of equals) is set to
 *       {@code sign·(⌊|v|/36⌋ + 0.25 + 0.5·bit)·36}, i.e. its magnitude modulo 36 becomes 9 or 27.</li>
 *   <li>Decoding reads {@code |v| mod 36 > 18} per block, averages the blocks of each bit and keeps
 *       {@code mean·255 > 127}.</li>
 * </ol>
 * This class is the plain reference; {@link #blockBits} is its decode in one pass over the pixels.
 */
public final class DwtDctWatermark {
    /** The package's U-channel step ({@code scales[1]}). */
    public static final int SCALE = 36;
    /** Block side in the approximation band. */
    static final int BLOCK = 4;
    /** The package refuses images with fewer pixels ({@code watermark.py}: "image too small"). */
    public static final int MIN_PIXELS = 256 * 256;

    /** How the marked image was computed: the two ways the generators call the package. */
    public enum Arithmetic {
        /** 8-bit BGR in and out (SD 1.x/2.x {@code put_watermark}): 8-bit YUV, cA results cast back to uint8. */
        UINT8,
        /** Floats in [0, 255] (SDXL, diffusers): float YUV with offset 0.5, output rounded to 8 bits by the caller. */
        FLOAT
    }

    private DwtDctWatermark() {}

    /** Blocks in the approximation band of an image: {@code ⌊h/8⌋ × ⌊w/8⌋}. */
    public static int blockCount(int width, int height) {
        return (height / 8) * (width / 8);
    }

    /**
     * Each block's hard bit (0 or 1), in the package's block order, read from the 8-bit U plane as
     * the package decodes an image read by {@code cv2.imread}.
     */
    public static byte[] blockBits(RgbPixels img, ChannelOrder order) {
        int rows = img.height() / 4 * 4, cols = img.width() / 4 * 4;
        double[] u = new double[rows * cols];
        int bs = order.blueShift(), rs = order.redShift();
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int p = img.rgb()[y * img.width() + x];
                u[y * cols + x] = OpenCvYuv.u8((p >> rs) & 0xFF, (p >> 8) & 0xFF, (p >> bs) & 0xFF);
            }
        }
        double[] ll = Haar.forward(u, rows, cols)[0];
        int lc = cols / 2, br = rows / 2 / BLOCK, bc = lc / BLOCK;
        byte[] out = new byte[br * bc];
        for (int i = 0; i < br; i++) {
            for (int j = 0; j < bc; j++) {
                int at = argmax(ll, lc, i * BLOCK, j * BLOCK);
                out[i * bc + j] = (byte) (Math.abs(ll[at]) % SCALE > 0.5 * SCALE ? 1 : 0);
            }
        }
        return out;
    }

    /** The package's vote: per bit, the mean of its blocks' bits, kept when {@code mean·255 > 127}; a bit with no block is 0. */
    public static boolean[] vote(byte[] blockBits, int length) {
        if (length < 1) throw new IllegalArgumentException("message length must be at least 1 bit, was " + length);
        int[] ones = new int[length], n = new int[length];
        for (int k = 0; k < blockBits.length; k++) {
            ones[k % length] += blockBits[k];
            n[k % length]++;
        }
        boolean[] bits = new boolean[length];
        for (int b = 0; b < length; b++) bits[b] = n[b] > 0 && (double) ones[b] / n[b] * 255 > 127;
        return bits;
    }

    /** {@code WatermarkDecoder(..., length).decode(bgr, 'dwtDct')} on this image. */
    public static boolean[] decode(RgbPixels img, int length, ChannelOrder order) {
        return vote(blockBits(img, order), length);
    }

    /** Index in {@code plane} of the largest |value| of the 4×4 block at (r0, c0), skipping its first element. */
    static int argmax(double[] plane, int stride, int r0, int c0) {
        int best = r0 * stride + c0 + 1;
        double max = -1;
        for (int k = 1; k < BLOCK * BLOCK; k++) {
            int at = (r0 + k / BLOCK) * stride + c0 + k % BLOCK;
            double a = Math.abs(plane[at]);
            if (a > max) {
                max = a;
                best = at;
            }
        }
        return best;
    }

    /** Python's float {@code //} for a non-negative dividend (its floordiv corrects the quotient of {@code a - a % b}). */
    static double floorDiv(double a, double b) {
        double div = (a - a % b) / b, fl = Math.floor(div);
        return div - fl > 0.5 ? fl + 1 : fl;
    }

    /** The marked value of a coefficient: {@code sign·(⌊|v|/36⌋ + 0.25 + 0.5·bit)·36}. */
    static double quantise(double v, boolean bit) {
        double q = (floorDiv(Math.abs(v), SCALE) + 0.25 + (bit ? 0.5 : 0)) * SCALE;
        return v >= 0 ? q : -q;
    }

    /**
     * Marks {@code bits} into a copy of {@code img} as {@code WatermarkEncoder.encode(bgr, 'dwtDct')}
     * does, including its quirk of passing the detail bands back to {@code idwt2} as (cV, cH, cD),
     * which swaps horizontal and vertical detail in the U plane.
     */
    public static RgbPixels encode(RgbPixels img, boolean[] bits, ChannelOrder order, Arithmetic arithmetic) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(arithmetic, "arithmetic");
        if (bits.length < 1) throw new IllegalArgumentException("watermark needs at least one bit");
        if ((long) img.width() * img.height() < MIN_PIXELS) {
            throw new IllegalArgumentException("image too small for dwtDct: " + img.width() + "x" + img.height()
                    + " has fewer than 256x256 pixels");
        }
        return DwtDctEncoder.encode(img, bits, order, arithmetic);
    }
}
