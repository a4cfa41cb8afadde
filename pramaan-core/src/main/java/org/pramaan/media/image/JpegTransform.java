package org.pramaan.media.image;

/**
 * One block's inverse DCT (T.81 §A.3.3) into an output plane: {@link JpegIdct} (float, straight to
 * a reduced scale) or {@link JpegIslowIdct} (libjpeg's integer transform, full size, bit-exact).
 */
interface JpegTransform {
    /** Pixels per block side in the output. */
    int size();

    /**
     * Dequantises one block's coefficients and writes its inverse DCT to {@code out}.
     *
     * @param coef 64 coefficients in natural (row-major) order, not yet dequantised
     * @param quant the 64 quantiser steps in natural order
     * @param out plane to write, {@link #size()}² pixels at {@code outOff}, row stride {@code stride}
     */
    void transform(short[] coef, int coefOff, int[] quant, byte[] out, int outOff, int stride);

    /** A block with only its DC coefficient set. */
    void flat(short dc, int[] quant, byte[] out, int outOff, int stride);
}
