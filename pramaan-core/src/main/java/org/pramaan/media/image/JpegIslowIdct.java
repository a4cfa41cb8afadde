package org.pramaan.media.image;

/**
 * libjpeg's "ISLOW" integer inverse DCT, the one the JDK's ImageIO decodes with: the
 * Loeffler-Ligtenberg-Moschytz factorisation (12 multiplies, 32 adds per 8-point pass), constants
 * in 13-bit fixed point, columns first keeping 2 extra bits, then rows, each pass rounding half up
 * when it scales down, and the final value wrapped to 10 bits and range-limited through libjpeg's
 * table. Written from the algorithm's description (IJG libjpeg 6b, jidctint.c notes) so the
 * full-size pixels are bit-identical to ImageIO's; JpegIslowIdctTest and the differential test
 * hold it to that. All arithmetic is 32-bit, as in the JDK's build of libjpeg (a damaged file
 * whose huge coefficients overflow wraps alike: the mutation check found a 64-bit version off).
 */
final class JpegIslowIdct implements JpegTransform {
    private static final int CONST_BITS = 13, PASS1_BITS = 2;
    private static final int F0_298 = 2446,
            F0_390 = 3196,
            F0_541 = 4433,
            F0_765 = 6270,
            F0_899 = 7373,
            F1_175 = 9633,
            F1_501 = 12299,
            F1_847 = 15137,
            F1_961 = 16069,
            F2_053 = 16819,
            F2_562 = 20995,
            F3_072 = 25172;
    /** Index (value & 1023) → sample: x+128 clamped for -512 ≤ x < 512, wrapping beyond (libjpeg's post-IDCT table). */
    private static final byte[] LIMIT = new byte[1024];

    static {
        for (int i = 0; i < 1024; i++) {
            int x = i < 512 ? i : i - 1024;
            LIMIT[i] = (byte) Math.max(0, Math.min(255, x + 128));
        }
    }

    private final int[] ws = new int[64];

    @Override
    public int size() {
        return 8;
    }

    @Override
    public void flat(short dc, int[] quant, byte[] out, int outOff, int stride) {
        // Both passes of a DC-only block reduce to this exactly: (dc·q·4 + 16) >> 5.
        byte v = LIMIT[((((dc * quant[0]) << PASS1_BITS) + 16) >> 5) & 1023];
        for (int y = 0; y < 8; y++) java.util.Arrays.fill(out, outOff + y * stride, outOff + y * stride + 8, v);
    }

    @Override
    public void transform(short[] c, int o, int[] q, byte[] out, int outOff, int stride) {
        for (int col = 0; col < 8; col++) column(c, o + col, q, col);
        for (int row = 0; row < 8; row++) row(row * 8, out, outOff + row * stride);
    }

    /** Pass 1 on one column: dequantise, transform, keep PASS1_BITS extra bits in the workspace. */
    private void column(short[] c, int o, int[] q, int col) {
        int[] w = ws;
        if (c[o + 8] == 0
                && c[o + 16] == 0
                && c[o + 24] == 0
                && c[o + 32] == 0
                && c[o + 40] == 0
                && c[o + 48] == 0
                && c[o + 56] == 0) {
            int dc = (c[o] * q[col])
                    << PASS1_BITS; // what the full pass gives when only row 0 is set (libjpeg's shortcut)
            for (int r = 0; r < 8; r++) w[r * 8 + col] = dc;
            return;
        }
        // Even part: inputs 0, 2, 4, 6.
        int z2 = c[o + 16] * q[16 + col], z3 = c[o + 48] * q[48 + col];
        int z1 = (z2 + z3) * F0_541;
        int tmp2 = z1 - z3 * F1_847, tmp3 = z1 + z2 * F0_765;
        z2 = c[o] * q[col];
        z3 = c[o + 32] * q[32 + col];
        int tmp0 = (z2 + z3) << CONST_BITS, tmp1 = (z2 - z3) << CONST_BITS;
        int t10 = tmp0 + tmp3, t13 = tmp0 - tmp3, t11 = tmp1 + tmp2, t12 = tmp1 - tmp2;
        // Odd part: inputs 7, 5, 3, 1.
        tmp0 = c[o + 56] * q[56 + col];
        tmp1 = c[o + 40] * q[40 + col];
        tmp2 = c[o + 24] * q[24 + col];
        tmp3 = c[o + 8] * q[8 + col];
        z1 = tmp0 + tmp3;
        z2 = tmp1 + tmp2;
        z3 = tmp0 + tmp2;
        int z4 = tmp1 + tmp3, z5 = (z3 + z4) * F1_175;
        z1 *= -F0_899;
        z2 *= -F2_562;
        z3 = z3 * -F1_961 + z5;
        z4 = z4 * -F0_390 + z5;
        tmp0 = tmp0 * F0_298 + z1 + z3;
        tmp1 = tmp1 * F2_053 + z2 + z4;
        tmp2 = tmp2 * F3_072 + z2 + z3;
        tmp3 = tmp3 * F1_501 + z1 + z4;
        final int sh = CONST_BITS - PASS1_BITS;
        final int half = 1 << (sh - 1);
        w[col] = (t10 + tmp3 + half) >> sh;
        w[56 + col] = (t10 - tmp3 + half) >> sh;
        w[8 + col] = (t11 + tmp2 + half) >> sh;
        w[48 + col] = (t11 - tmp2 + half) >> sh;
        w[16 + col] = (t12 + tmp1 + half) >> sh;
        w[40 + col] = (t12 - tmp1 + half) >> sh;
        w[24 + col] = (t13 + tmp0 + half) >> sh;
        w[32 + col] = (t13 - tmp0 + half) >> sh;
    }

    /** Pass 2 on one workspace row: transform, scale down by 2^(13+2+3), range-limit. */
    private void row(int i, byte[] out, int p) {
        int[] w = ws;
        if (w[i + 1] == 0
                && w[i + 2] == 0
                && w[i + 3] == 0
                && w[i + 4] == 0
                && w[i + 5] == 0
                && w[i + 6] == 0
                && w[i + 7] == 0) {
            byte v = LIMIT[
                    ((w[i] + (1 << (PASS1_BITS + 2))) >> (PASS1_BITS + 3)) & 1023]; // the full pass's value, exactly
            for (int x = 0; x < 8; x++) out[p + x] = v;
            return;
        }
        int z2 = w[i + 2], z3 = w[i + 6];
        int z1 = (z2 + z3) * F0_541;
        int tmp2 = z1 - z3 * F1_847, tmp3 = z1 + z2 * F0_765;
        int tmp0 = (w[i] + w[i + 4]) << CONST_BITS, tmp1 = (w[i] - w[i + 4]) << CONST_BITS;
        int t10 = tmp0 + tmp3, t13 = tmp0 - tmp3, t11 = tmp1 + tmp2, t12 = tmp1 - tmp2;
        tmp0 = w[i + 7];
        tmp1 = w[i + 5];
        tmp2 = w[i + 3];
        tmp3 = w[i + 1];
        z1 = tmp0 + tmp3;
        z2 = tmp1 + tmp2;
        z3 = tmp0 + tmp2;
        int z4 = tmp1 + tmp3, z5 = (z3 + z4) * F1_175;
        z1 *= -F0_899;
        z2 *= -F2_562;
        z3 = z3 * -F1_961 + z5;
        z4 = z4 * -F0_390 + z5;
        tmp0 = tmp0 * F0_298 + z1 + z3;
        tmp1 = tmp1 * F2_053 + z2 + z4;
        tmp2 = tmp2 * F3_072 + z2 + z3;
        tmp3 = tmp3 * F1_501 + z1 + z4;
        final int sh = CONST_BITS + PASS1_BITS + 3;
        final int half = 1 << (sh - 1);
        out[p] = LIMIT[((t10 + tmp3 + half) >> sh) & 1023];
        out[p + 7] = LIMIT[((t10 - tmp3 + half) >> sh) & 1023];
        out[p + 1] = LIMIT[((t11 + tmp2 + half) >> sh) & 1023];
        out[p + 6] = LIMIT[((t11 - tmp2 + half) >> sh) & 1023];
        out[p + 2] = LIMIT[((t12 + tmp1 + half) >> sh) & 1023];
        out[p + 5] = LIMIT[((t12 - tmp1 + half) >> sh) & 1023];
        out[p + 3] = LIMIT[((t13 + tmp0 + half) >> sh) & 1023];
        out[p + 4] = LIMIT[((t13 - tmp0 + half) >> sh) & 1023];
    }
}
