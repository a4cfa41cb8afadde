package org.pramaan.watermark;

/**
 * The encoding half of {@link DwtDctWatermark}: BGR→YUV of the whole image, Haar on the U plane's
 * 4-aligned region, quantised cA blocks, inverse Haar with the package's swapped detail bands,
 * YUV→BGR of the whole image. Pixels outside the region still make the colour round trip, as in
 * the package.
 */
final class DwtDctEncoder {
    private DwtDctEncoder() {}

    static RgbPixels encode(RgbPixels img, boolean[] bits, ChannelOrder order, DwtDctWatermark.Arithmetic arithmetic) {
        int w = img.width(), h = img.height(), n = w * h;
        boolean u8 = arithmetic == DwtDctWatermark.Arithmetic.UINT8;
        double[] y = new double[n], u = new double[n], v = new double[n];
        int bs = order.blueShift(), rs = order.redShift();
        for (int i = 0; i < n; i++) {
            int p = img.rgb()[i], r = (p >> rs) & 0xFF, g = (p >> 8) & 0xFF, b = (p >> bs) & 0xFF;
            y[i] = u8 ? OpenCvYuv.y8(r, g, b) : OpenCvYuv.yF(r, g, b);
            u[i] = u8 ? OpenCvYuv.u8(r, g, b) : OpenCvYuv.uF(r, g, b);
            v[i] = u8 ? OpenCvYuv.v8(r, g, b) : OpenCvYuv.vF(r, g, b);
        }
        markU(u, w, h, bits, u8);
        int[] out = new int[n], rgb8 = new int[3];
        double[] rgbF = new double[3];
        for (int i = 0; i < n; i++) {
            if (u8) {
                OpenCvYuv.toRgb8((int) y[i], (int) u[i], (int) v[i], rgb8);
            } else {
                OpenCvYuv.toRgbF(y[i], u[i], v[i], rgbF);
                // SDXL clamps to [0, 1] and diffusers' numpy_to_pil rounds (x·255).round() to uint8.
                for (int c = 0; c < 3; c++) rgb8[c] = (int) Math.rint(Math.max(0, Math.min(255, rgbF[c])));
            }
            out[i] = rgb8[0] << rs | rgb8[1] << 8 | rgb8[2] << bs;
        }
        return new RgbPixels(w, h, out);
    }

    /** Marks the U plane in place: {@code maxDct.encode_frame} on cA, then {@code idwt2((cA, (cV, cH, cD)))}. */
    private static void markU(double[] u, int w, int h, boolean[] bits, boolean u8) {
        int rows = h / 4 * 4, cols = w / 4 * 4;
        double[] region = new double[rows * cols];
        for (int r = 0; r < rows; r++) System.arraycopy(u, r * w, region, r * cols, cols);
        double[][] bands = Haar.forward(region, rows, cols);
        double[] ll = bands[0];
        int hr = rows / 2, hc = cols / 2, bc = hc / DwtDctWatermark.BLOCK;
        int blocks = (hr / DwtDctWatermark.BLOCK) * bc;
        for (int k = 0; k < blocks; k++) {
            int at = DwtDctWatermark.argmax(ll, hc, k / bc * DwtDctWatermark.BLOCK, k % bc * DwtDctWatermark.BLOCK);
            ll[at] = DwtDctWatermark.quantise(ll[at], bits[k % bits.length]);
        }
        // maxDct.py passes (v1, h1, d1) where dwt2 returned (h1, v1, d1): the package's own quirk, kept.
        double[] back = Haar.inverse(ll, bands[2], bands[1], bands[3], hr, hc);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = back[r * cols + c];
                // numpy's unsafe float64→uint8 store: truncate toward zero, keep the low byte (x86), so 256.2 wraps to
                // 0.
                u[r * w + c] = u8 ? ((int) x) & 0xFF : x;
            }
        }
    }
}
