package org.pramaan.hash;

/**
 * PDQ's second row pass of the Jarosz filter, stored only at the columns the decimation samples.
 * The column pass after it ({@link JaroszBoxFilter#columnsSampled}) reads nothing else, so the
 * other outputs (their division and store, 30 of every 31 on a 1920 px row) are dead work. The
 * running sums still walk every pixel with the same float adds in the same order as
 * {@link JaroszBoxFilter#box1d} (a running sum's value depends on its whole history), so every
 * stored value is bit-identical to the full pass (PdqHasherTest).
 */
final class JaroszRowsSampled {
    private JaroszRowsSampled() {}

    private static final int GROUP = 8;

    /**
     * Writes {@code out[y·width + c]} for every row y and every c in {@code cols} (ascending,
     * repeats allowed); other entries of {@code out} are left as they were.
     */
    static void rowsAt(float[] in, float[] out, int width, int height, int window, int[] cols) {
        int y = 0;
        float[] sum = new float[GROUP];
        for (; y + GROUP <= height; y += GROUP) group(in, out, y * width, width, window, cols, sum);
        for (; y < height; y++) JaroszBoxFilter.box1d(in, out, y * width, width, 1, window);
    }

    /** Eight rows from {@code start}: interleaved running sums keep the FPU busy (one row's adds form a chain). */
    private static void group(float[] in, float[] out, int start, int w, int window, int[] cols, float[] sum) {
        int half = (window + 2) / 2;
        int phase1 = half - 1, phase2 = window - half + 1, phase3 = w - window;
        java.util.Arrays.fill(sum, 0f);
        int r = start, l = start, pos = 0, k = 0, count = 0, m = cols.length;
        for (int i = 0; i < phase1; i++, r++) {
            count++;
            for (int g = 0; g < GROUP; g++) sum[g] += in[r + g * w];
        }
        for (; pos < phase2; pos++, r++) {
            count++;
            for (int g = 0; g < GROUP; g++) sum[g] += in[r + g * w];
            k = store(out, start, w, pos, cols, k, sum, count);
        }
        int end = phase2 + phase3;
        float s0 = sum[0], s1 = sum[1], s2 = sum[2], s3 = sum[3];
        float s4 = sum[4], s5 = sum[5], s6 = sum[6], s7 = sum[7];
        while (pos < end) {
            // Advance to the next sampled position (or the end of the phase), storing nothing on the way.
            int stop = k < m && cols[k] < end ? cols[k] : end - 1;
            for (; pos <= stop; pos++, r++, l++) {
                s0 = s0 + in[r] - in[l];
                s1 = s1 + in[r + w] - in[l + w];
                s2 = s2 + in[r + 2 * w] - in[l + 2 * w];
                s3 = s3 + in[r + 3 * w] - in[l + 3 * w];
                s4 = s4 + in[r + 4 * w] - in[l + 4 * w];
                s5 = s5 + in[r + 5 * w] - in[l + 5 * w];
                s6 = s6 + in[r + 6 * w] - in[l + 6 * w];
                s7 = s7 + in[r + 7 * w] - in[l + 7 * w];
            }
            sum[0] = s0;
            sum[1] = s1;
            sum[2] = s2;
            sum[3] = s3;
            sum[4] = s4;
            sum[5] = s5;
            sum[6] = s6;
            sum[7] = s7;
            k = store(out, start, w, stop, cols, k, sum, count);
        }
        for (; pos < w; pos++, l++) {
            count--;
            for (int g = 0; g < GROUP; g++) sum[g] -= in[l + g * w];
            k = store(out, start, w, pos, cols, k, sum, count);
        }
    }

    /** Stores the eight rows' outputs at {@code pos} if it is sampled; returns the first sample index past it. */
    private static int store(float[] out, int start, int w, int pos, int[] cols, int k, float[] sum, int count) {
        if (k < cols.length && cols[k] == pos) {
            for (int g = 0; g < GROUP; g++) out[start + g * w + pos] = sum[g] / count;
            while (k < cols.length && cols[k] == pos) k++;
        }
        return k;
    }
}
