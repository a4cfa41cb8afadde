package org.pramaan.watermark;

/**
 * {@link DwtDctWatermark#blockBits} for both channel orders in one pass, with no planes: each 4×4
 * cA block is computed from its 8×8 pixels, with the same floating-point operations in the same
 * order as {@link Haar#forward}, so the bits are identical (FastBlockBitsTest compares the two on
 * random and extreme images). The 8-bit U plane is never negative, so cA needs no absolute value.
 * Speed: {@code pramaan bench watermark}, docs/watermark.md.
 */
final class FastBlockBits {
    private FastBlockBits() {}

    /** Block bits for {@link ChannelOrder#BGR} into {@code bgr} and {@link ChannelOrder#RGB_AS_BGR} into {@code swapped}. */
    static void both(RgbPixels img, byte[] bgr, byte[] swapped) {
        int bh = img.height() / 8, bw = img.width() / 8, w = img.width();
        int[] px = img.rgb();
        double[] a = new double[16], b = new double[16];
        for (int bi = 0; bi < bh; bi++) {
            for (int bj = 0; bj < bw; bj++) {
                for (int k = 0; k < 16; k++) {
                    int at = (8 * bi + 2 * (k >> 2)) * w + 8 * bj + 2 * (k & 3);
                    int p00 = px[at], p01 = px[at + 1], p10 = px[at + w], p11 = px[at + w + 1];
                    a[k] = ll(u(p00, 0), u(p01, 0), u(p10, 0), u(p11, 0));
                    b[k] = ll(u(p00, 16), u(p01, 16), u(p10, 16), u(p11, 16));
                }
                bgr[bi * bw + bj] = bit(a);
                swapped[bi * bw + bj] = bit(b);
            }
        }
    }

    /** 8-bit U of a {@code 0xRRGGBB} pixel whose "blue" sits at {@code blueShift}. */
    private static int u(int p, int blueShift) {
        return OpenCvYuv.u8((p >> (16 - blueShift)) & 0xFF, (p >> 8) & 0xFF, (p >> blueShift) & 0xFF);
    }

    /** cA of a 2×2 cell as pywt computes it: rows first (x00 with x10), then columns. */
    private static double ll(int x00, int x01, int x10, int x11) {
        double c = Haar.C;
        return c * (c * x00 + c * x10) + c * (c * x01 + c * x11);
    }

    private static byte bit(double[] block) {
        int best = 1;
        for (int k = 2; k < 16; k++) if (block[k] > block[best]) best = k;
        return (byte) (block[best] % DwtDctWatermark.SCALE > 0.5 * DwtDctWatermark.SCALE ? 1 : 0);
    }
}
