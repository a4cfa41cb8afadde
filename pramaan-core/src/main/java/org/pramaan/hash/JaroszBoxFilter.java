package org.pramaan.hash;

/**
 * PDQ's blur before decimation: Jarosz's box filter, run twice along the rows and the columns
 * (Meta's "PDQ Hashing Algorithm" description, step "Jarosz filter"). The fast passes give floats
 * bit-identical to the plain strided filter with a division per output (PdqHasherTest keeps that
 * one as the oracle), so hashes do not change with the speed-ups.
 */
final class JaroszBoxFilter {
    private JaroszBoxFilter() {}

    /** Jarosz window: ceil(old / (2·64)). */
    static int windowSize(int oldDimension) {
        return (oldDimension + 2 * PdqHasher.SIZE - 1) / (2 * PdqHasher.SIZE);
    }

    /** One box-filter pass along a vector of {@code length} values spaced {@code stride} apart. */
    static void box1d(float[] in, float[] out, int start, int length, int stride, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1, phase2 = window - half + 1, phase3 = length - window, phase4 = half - 1;
        int li = start, ri = start, oi = start, count = 0;
        float sum = 0;
        for (int i = 0; i < phase1; i++) {
            sum += in[ri];
            count++;
            ri += stride;
        }
        for (int i = 0; i < phase2; i++) {
            sum += in[ri];
            count++;
            out[oi] = sum / count;
            ri += stride;
            oi += stride;
        }
        float inv = exactReciprocal(count);
        for (int i = 0; i < phase3; i++) {
            sum += in[ri];
            sum -= in[li];
            out[oi] = inv != 0 ? sum * inv : sum / count;
            li += stride;
            ri += stride;
            oi += stride;
        }
        for (int i = 0; i < phase4; i++) {
            sum -= in[li];
            count--;
            out[oi] = sum / count;
            li += stride;
            oi += stride;
        }
    }

    /**
     * {@link #box1d} down every column at once, walking the rows in memory order (a column walk
     * strides a whole row per step, which misses the cache). Each column sees the same float
     * operations in the same order as in box1d, so the result is bit-identical (PdqHasherTest).
     */
    static void columns(float[] in, float[] out, int width, int height, int window) {
        int half = (window + 2) / 2;
        int phase1 = half - 1, phase2 = window - half + 1, phase3 = height - window, phase4 = half - 1;
        float[] sum = new float[width];
        int li = 0, ri = 0, oi = 0, count = 0;
        for (int i = 0; i < phase1; i++, ri += width) {
            for (int j = 0; j < width; j++) sum[j] += in[ri + j];
            count++;
        }
        for (int i = 0; i < phase2; i++, ri += width, oi += width) {
            count++;
            for (int j = 0; j < width; j++) out[oi + j] = (sum[j] += in[ri + j]) / count;
        }
        float inv = exactReciprocal(count);
        for (int i = 0; i < phase3; i++, li += width, ri += width, oi += width) {
            if (inv != 0) {
                for (int j = 0; j < width; j++) {
                    float v = sum[j] + in[ri + j] - in[li + j];
                    sum[j] = v;
                    out[oi + j] = v * inv;
                }
            } else {
                double invD = 1.0 / count;
                for (int j = 0; j < width; j++) {
                    float v = sum[j] + in[ri + j];
                    out[oi + j] = quotient(sum[j] = v - in[li + j], invD);
                }
            }
        }
        for (int i = 0; i < phase4; i++, li += width, oi += width) {
            count--;
            for (int j = 0; j < width; j++) out[oi + j] = (sum[j] -= in[li + j]) / count;
        }
    }

    /**
     * 1/n when n is a power of two, else 0. Dividing a float by a power of two only lowers its
     * exponent, so multiplying by this reciprocal gives the very same float as the division
     * (the reference divides); the filter's steady-state window is 4 for every squashed image.
     */
    static float exactReciprocal(int n) {
        return n > 0 && Integer.bitCount(n) == 1 ? 1f / n : 0f;
    }

    /**
     * {@code sum / n} (the reference's float division) as a multiply by {@code invD = 1.0 / n} in
     * double, rounded once to float: bit-identical for 1 ≤ n < 2^20 (windows are at most a few
     * hundred) and a normal or zero sum (the first two passes' sums are multiples of at least
     * 2^-93, luma being multiples of 2^-27, far above the subnormals, where ties could differ). The double product is within 2^-52 (relative) of the true quotient, and the true
     * quotient of a float by such an n is either a float midpoint exactly (impossible unless n is a
     * power of two: an odd n ≥ 3 times a 25-bit midpoint needs more than 24 bits) or at least
     * 2^-25/n away from one, so both round to the same float (PdqHasherTest checks it too).
     */
    static float quotient(float sum, double invD) {
        return (float) (sum * invD);
    }

    /** Rows filtered together by {@link #rows}: eight independent running sums keep the FPU busy. */
    private static final int ROW_GROUP = 8;

    /**
     * {@link #box1d} along every row, {@value #ROW_GROUP} rows at a time, each step advancing all of
     * them. One row's running sum is a chain of dependent adds that leaves the FPU idle most cycles;
     * interleaved rows fill it. Each row still sees box1d's float operations in box1d's order, so
     * the result is bit-identical (PdqHasherTest).
     */
    static void rows(float[] in, float[] out, int width, int height, int window) {
        int y = 0;
        float[] sum = new float[ROW_GROUP];
        for (; y + ROW_GROUP <= height; y += ROW_GROUP) rowGroup(in, out, y * width, width, window, sum);
        for (; y < height; y++) box1d(in, out, y * width, width, 1, window);
    }

    /** The steady state of {@link #rowGroup} for a power-of-two window, sums in locals (four rows, twice). */
    private static void steadyRowsExact(
            float[] in, float[] out, int w, int n, int li, int ri, int oi, float inv, float[] sum) {
        for (int g = 0; g < ROW_GROUP; g += 4) {
            int b = g * w;
            float s0 = sum[g], s1 = sum[g + 1], s2 = sum[g + 2], s3 = sum[g + 3];
            for (int i = 0; i < n; i++) {
                int r = ri + b + i, l = li + b + i, o = oi + b + i;
                s0 = s0 + in[r] - in[l];
                s1 = s1 + in[r + w] - in[l + w];
                s2 = s2 + in[r + 2 * w] - in[l + 2 * w];
                s3 = s3 + in[r + 3 * w] - in[l + 3 * w];
                out[o] = s0 * inv;
                out[o + w] = s1 * inv;
                out[o + 2 * w] = s2 * inv;
                out[o + 3 * w] = s3 * inv;
            }
            sum[g] = s0;
            sum[g + 1] = s1;
            sum[g + 2] = s2;
            sum[g + 3] = s3;
        }
    }

    private static void rowGroup(float[] in, float[] out, int start, int width, int window, float[] sum) {
        int half = (window + 2) / 2;
        int phase1 = half - 1, phase2 = window - half + 1, phase3 = width - window, phase4 = half - 1;
        java.util.Arrays.fill(sum, 0f);
        int li = start, ri = start, oi = start, count = 0;
        for (int i = 0; i < phase1; i++, ri++) {
            count++;
            for (int r = 0, o = 0; r < ROW_GROUP; r++, o += width) sum[r] += in[ri + o];
        }
        for (int i = 0; i < phase2; i++, ri++, oi++) {
            count++;
            for (int r = 0, o = 0; r < ROW_GROUP; r++, o += width) out[oi + o] = (sum[r] += in[ri + o]) / count;
        }
        float inv = exactReciprocal(count);
        if (inv != 0) {
            steadyRowsExact(in, out, width, phase3, li, ri, oi, inv, sum);
            li += phase3;
            ri += phase3;
            oi += phase3;
        } else {
            double invD = 1.0 / count;
            for (int i = 0; i < phase3; i++, li++, ri++, oi++) {
                for (int r = 0, o = 0; r < ROW_GROUP; r++, o += width) {
                    float v = sum[r] + in[ri + o];
                    out[oi + o] = quotient(sum[r] = v - in[li + o], invD);
                }
            }
        }
        for (int i = 0; i < phase4; i++, li++, oi++) {
            count--;
            for (int r = 0, o = 0; r < ROW_GROUP; r++, o += width) out[oi + o] = (sum[r] -= in[li + o]) / count;
        }
    }

    /**
     * The last {@link #columns} pass fused with PDQ's decimation: the box filter down only the
     * sampled {@code cols}, each output kept only at the sampled {@code rows} (ascending), as
     * {@code out[i][j]} for (rows[i], cols[j]). The 64 columns of 512 cost an eighth of the full
     * pass; every value is the full pass's float, same operations in the same order
     * (PdqHasherTest).
     */
    static float[][] columnsSampled(float[] in, int width, int height, int window, int[] rows, int[] cols) {
        int half = (window + 2) / 2;
        int phase1 = half - 1, phase2 = window - half + 1, phase3 = height - window, phase4 = half - 1;
        int m = cols.length;
        float[] sum = new float[m], cur = new float[m];
        float[][] out = new float[rows.length][];
        int li = 0, ri = 0, row = 0, count = 0, next = 0;
        for (int i = 0; i < phase1; i++, ri += width) {
            for (int c = 0; c < m; c++) sum[c] += in[ri + cols[c]];
            count++;
        }
        for (int i = 0; i < phase2; i++, ri += width, row++) {
            count++;
            for (int c = 0; c < m; c++) cur[c] = (sum[c] += in[ri + cols[c]]) / count;
            next = keep(out, rows, next, row, cur);
        }
        float inv = exactReciprocal(count);
        for (int i = 0; i < phase3; i++, li += width, ri += width, row++) {
            for (int c = 0; c < m; c++) {
                float v = sum[c] + in[ri + cols[c]];
                sum[c] = v - in[li + cols[c]];
                cur[c] = inv != 0 ? sum[c] * inv : sum[c] / count;
            }
            next = keep(out, rows, next, row, cur);
        }
        for (int i = 0; i < phase4; i++, li += width, row++) {
            count--;
            for (int c = 0; c < m; c++) cur[c] = (sum[c] -= in[li + cols[c]]) / count;
            next = keep(out, rows, next, row, cur);
        }
        return out;
    }

    /** Copies {@code cur} into every output row sampled at {@code row} (small images sample a row more than once). */
    private static int keep(float[][] out, int[] rows, int next, int row, float[] cur) {
        while (next < rows.length && rows[next] == row) out[next++] = cur.clone();
        return next;
    }
}
