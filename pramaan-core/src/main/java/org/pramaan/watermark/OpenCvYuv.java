package org.pramaan.watermark;

/**
 * OpenCV's {@code COLOR_BGR2YUV} and {@code COLOR_YUV2BGR}, bit-exact for 8-bit images and in the
 * float form for float images (OpenCV 4.x {@code color_yuv.simd.hpp}). Checked against
 * python3-opencv 4.6 on random pixels (docs/watermark.md). Two conventions matter to the watermark:
 * <ul>
 *   <li>8-bit: 14-bit fixed point, {@code Y} rounded first and reused for U and V, chroma offset 128.</li>
 *   <li>float: the chroma offset is {@code ColorChannel<float>::half()} = 0.5, not 128, because OpenCV
 *       assumes floats in [0, 1]. SDXL passes floats in [0, 255], so its U plane is offset by 0.5.</li>
 * </ul>
 */
final class OpenCvYuv {
    private OpenCvYuv() {}

    private static final int SHIFT = 14, HALF = 1 << (SHIFT - 1), DELTA = 128 << SHIFT;
    private static final int R2Y = 4899, G2Y = 9617, B2Y = 1868, B2UI = 8061, R2VI = 14369;
    private static final int U2BI = 33292, U2GI = -6472, V2GI = -9519, V2RI = 18678;
    // The float coefficients are C++ floats; widening them keeps OpenCV's values, not the decimal ones.
    private static final double R2YF = 0.299f, G2YF = 0.587f, B2YF = 0.114f, B2UF = 0.492f, R2VF = 0.877f;
    private static final double U2BF = 2.032f, U2GF = -0.395f, V2GF = -0.581f, V2RF = 1.140f;

    private static int descale(int x) {
        return (x + HALF) >> SHIFT;
    }

    private static int sat(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    static int y8(int r, int g, int b) {
        return descale(r * R2Y + g * G2Y + b * B2Y);
    }

    /** 8-bit U of one pixel; {@code b}/{@code r} are the channels the caller calls blue and red. */
    static int u8(int r, int g, int b) {
        return sat(descale((b - y8(r, g, b)) * B2UI + DELTA));
    }

    static int v8(int r, int g, int b) {
        return sat(descale((r - y8(r, g, b)) * R2VI + DELTA));
    }

    /** 8-bit YUV to {@code {r, g, b}} (saturated). */
    static void toRgb8(int y, int u, int v, int[] rgb) {
        rgb[0] = sat(y + descale((v - 128) * V2RI));
        rgb[1] = sat(y + descale((u - 128) * U2GI + (v - 128) * V2GI));
        rgb[2] = sat(y + descale((u - 128) * U2BI));
    }

    static double yF(double r, double g, double b) {
        return r * R2YF + g * G2YF + b * B2YF;
    }

    static double uF(double r, double g, double b) {
        return (b - yF(r, g, b)) * B2UF + 0.5;
    }

    static double vF(double r, double g, double b) {
        return (r - yF(r, g, b)) * R2VF + 0.5;
    }

    /** Float YUV (offset 0.5) to {@code {r, g, b}}, unclamped. */
    static void toRgbF(double y, double u, double v, double[] rgb) {
        rgb[0] = y + (v - 0.5) * V2RF;
        rgb[1] = y + (u - 0.5) * U2GF + (v - 0.5) * V2GF;
        rgb[2] = y + (u - 0.5) * U2BF;
    }
}
