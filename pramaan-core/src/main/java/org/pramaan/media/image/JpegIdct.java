package org.pramaan.media.image;

/**
 * Inverse DCT straight to a reduced size (T.81 §A.3.3, evaluated on an n-point grid): an 8×8 block
 * becomes n×n pixels (n = 8, 4, 2 or 1) from its n×n lowest-frequency coefficients, so a 1/4-scale
 * decode does a sixteenth of the multiplications and never builds the full-size block. With the
 * same 1/8 normalisation as the 8-point transform, each output pixel is close to the mean of the
 * (8/n)² pixels it stands for; n = 1 is the DC term alone. Float arithmetic: the full-size output
 * can differ from libjpeg's integer IDCT by a unit or so (the differential test bounds it).
 */
final class JpegIdct implements JpegTransform {
    private final int n;
    /** basis[x * n + u] = C(u)/2 · cos((2x+1)uπ / 2n), C(0) = 1/√2. */
    private final float[] basis;

    private final float[] tmp;

    JpegIdct(int n) {
        this.n = n;
        this.basis = new float[n * n];
        this.tmp = new float[n * n];
        for (int x = 0; x < n; x++) {
            for (int u = 0; u < n; u++) {
                double c = u == 0 ? Math.sqrt(0.5) : 1.0;
                basis[x * n + u] = (float) (c / 2 * Math.cos((2 * x + 1) * u * Math.PI / (2 * n)));
            }
        }
    }

    @Override
    public int size() {
        return n;
    }

    /**
     * @param coef 64 coefficients in natural (row-major) order, not yet dequantised
     * @param quant the 64 quantiser steps in natural order
     * @param out plane to write, n×n pixels at (x0, y0), row stride {@code stride}
     */
    @Override
    public void transform(short[] coef, int coefOff, int[] quant, byte[] out, int outOff, int stride) {
        switch (n) {
            case 1 -> out[outOff] = clamp(coef[coefOff] * quant[0] / 8f + 128f);
            case 2 -> two(coef, coefOff, quant, out, outOff, stride);
            case 4 -> four(coef, coefOff, quant, out, outOff, stride);
            default -> generic(coef, coefOff, quant, out, outOff, stride);
        }
    }

    /** A block with only its DC coefficient is flat: every output pixel is DC·q/8 + 128. */
    @Override
    public void flat(short dc, int[] quant, byte[] out, int outOff, int stride) {
        byte v = clamp(dc * quant[0] / 8f + 128f);
        for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) out[outOff + y * stride + x] = v;
    }

    /** n = 2: the 2-point basis is ±1/(2√2), so each pixel is (F00 ± F01 ± F10 ± F11) / 8. */
    private static void two(short[] c, int o, int[] q, byte[] out, int outOff, int stride) {
        float a = c[o] * q[0], b = c[o + 1] * q[1], d = c[o + 8] * q[8], e = c[o + 9] * q[9];
        out[outOff] = clamp((a + b + d + e) / 8f + 128f);
        out[outOff + 1] = clamp((a - b + d - e) / 8f + 128f);
        out[outOff + stride] = clamp((a + b - d - e) / 8f + 128f);
        out[outOff + stride + 1] = clamp((a - b - d + e) / 8f + 128f);
    }

    private void four(short[] c, int o, int[] q, byte[] out, int outOff, int stride) {
        float[] t = tmp, k = basis;
        for (int v = 0; v < 4; v++) {
            int r = o + v * 8;
            float f0 = c[r] * q[v * 8],
                    f1 = c[r + 1] * q[v * 8 + 1],
                    f2 = c[r + 2] * q[v * 8 + 2],
                    f3 = c[r + 3] * q[v * 8 + 3];
            for (int x = 0; x < 4; x++)
                t[v * 4 + x] = k[x * 4] * f0 + k[x * 4 + 1] * f1 + k[x * 4 + 2] * f2 + k[x * 4 + 3] * f3;
        }
        for (int y = 0; y < 4; y++) {
            float k0 = k[y * 4], k1 = k[y * 4 + 1], k2 = k[y * 4 + 2], k3 = k[y * 4 + 3];
            int p = outOff + y * stride;
            for (int x = 0; x < 4; x++)
                out[p + x] = clamp(k0 * t[x] + k1 * t[4 + x] + k2 * t[8 + x] + k3 * t[12 + x] + 128f);
        }
    }

    private void generic(short[] coef, int coefOff, int[] quant, byte[] out, int outOff, int stride) {
        // Rows first: tmp[v][x] = Σ_u basis[x][u] · F[v][u]
        for (int v = 0; v < n; v++) {
            for (int x = 0; x < n; x++) {
                float s = 0;
                for (int u = 0; u < n; u++) s += basis[x * n + u] * (coef[coefOff + v * 8 + u] * quant[v * 8 + u]);
                tmp[v * n + x] = s;
            }
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                float s = 0;
                for (int v = 0; v < n; v++) s += basis[y * n + v] * tmp[v * n + x];
                out[outOff + y * stride + x] = clamp(s + 128f);
            }
        }
    }

    /** Rounds half up and saturates to 0..255 (no Math.round: this is the innermost loop). */
    private static byte clamp(float v) {
        return (byte) (v <= 0f ? 0 : v >= 255f ? 255 : (int) (v + 0.5f));
    }
}
