package org.pramaan.watermark;

/**
 * The payload's error-correcting code: the rate-1/2, constraint-length-7 convolutional code with
 * generators 171 and 133 (octal), the code of CCSDS 131.0-B §3 and IEEE 802.11 §17.3.5.6, with a
 * 6-bit zero tail, decoded by a soft-decision Viterbi search. 32 bits become 76 coded bits; soft
 * decoding gains about 5 dB over reading the bits one by one, which is what lets the payload survive
 * JPEG q50 where single chips are mostly noise.
 */
final class ConvolutionalCode {
    static final int K = 7, STATES = 1 << (K - 1), G1 = 0171, G2 = 0133;
    static final int DATA_BITS = 32, STEPS = DATA_BITS + K - 1, CODED_BITS = 2 * STEPS;

    private ConvolutionalCode() {}

    /** The coded bits (0/1) of {@code payload}, most significant data bit first. */
    static int[] encode(int payload) {
        int[] out = new int[CODED_BITS];
        int state = 0;
        for (int t = 0; t < STEPS; t++) {
            int b = t < DATA_BITS ? (payload >>> (DATA_BITS - 1 - t)) & 1 : 0;
            int reg = b << (K - 1) | state;
            out[2 * t] = Integer.bitCount(reg & G1) & 1;
            out[2 * t + 1] = Integer.bitCount(reg & G2) & 1;
            state = reg >>> 1;
        }
        return out;
    }

    /**
     * Maximum-likelihood data bits for soft values {@code soft} (positive means 1, magnitude means
     * confidence): maximises the correlation of the codeword's ±1 form with {@code soft}.
     */
    static int decode(double[] soft) {
        if (soft.length != CODED_BITS)
            throw new IllegalArgumentException("expected " + CODED_BITS + " soft values, got " + soft.length);
        double[] pm = new double[STATES], next = new double[STATES];
        java.util.Arrays.fill(pm, Double.NEGATIVE_INFINITY);
        pm[0] = 0;
        byte[][] from = new byte[STEPS][STATES];
        for (int t = 0; t < STEPS; t++) {
            java.util.Arrays.fill(next, Double.NEGATIVE_INFINITY);
            double s1 = soft[2 * t], s2 = soft[2 * t + 1];
            int maxBit = t < DATA_BITS ? 1 : 0; // the tail inputs are known zeros
            for (int s = 0; s < STATES; s++) {
                if (pm[s] == Double.NEGATIVE_INFINITY) continue;
                for (int b = 0; b <= maxBit; b++) {
                    int reg = b << (K - 1) | s;
                    double m = pm[s]
                            + ((Integer.bitCount(reg & G1) & 1) == 1 ? s1 : -s1)
                            + ((Integer.bitCount(reg & G2) & 1) == 1 ? s2 : -s2);
                    int ns = reg >>> 1;
                    if (m > next[ns]) {
                        next[ns] = m;
                        from[t][ns] = (byte) s;
                    }
                }
            }
            double[] swap = pm;
            pm = next;
            next = swap;
        }
        int state = 0, payload = 0; // the tail drives the encoder back to state 0
        for (int t = STEPS - 1; t >= 0; t--) {
            int b = (state >>> (K - 2)) & 1;
            if (t < DATA_BITS) payload |= b << (DATA_BITS - 1 - t);
            state = from[t][state];
        }
        return payload;
    }
}
