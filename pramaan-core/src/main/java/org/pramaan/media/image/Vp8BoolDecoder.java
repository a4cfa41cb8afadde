package org.pramaan.media.image;

/**
 * The boolean entropy decoder of RFC 6386 §7. Instead of the spec's two-byte window it keeps up to
 * 56 bits of the stream in a long: {@code value >>> bits} is the spec's 8-bit window compared with
 * the split, so one refill serves many decisions. Past the end of its partition it reads zeros
 * (the reference decoder's behaviour); decoding always ends because the macroblock count is fixed.
 *
 * <p>{@code range} holds the spec's range minus one (127..254), so the split is one multiply and a
 * shift, {@code (range * prob) >> 8}, the spec's {@code 1 + (((range - 1) * prob) >> 8)} minus one,
 * and "value ≥ split" becomes "window > split": the critical chain of one decision to the next is
 * multiply, shift, select, leading-zero count, shift. Vp8BoolDecoderTest checks it against the
 * spec's bit-at-a-time decoder.
 */
final class Vp8BoolDecoder {
    private final byte[] d;
    private int pos;
    private final int end;
    private long value;
    private int bits = -8;
    private int range = 254;

    Vp8BoolDecoder(byte[] data, int offset, int length) {
        this.d = data;
        this.pos = offset;
        this.end = offset + length;
    }

    private void refill() {
        // Six bytes at a time; bits is in [-8, -1] here, so value has at most 8 + bits live bits before the shift.
        long v = 0;
        if (pos + 6 <= end) {
            byte[] b = d;
            int p = pos;
            v = (b[p] & 0xFFL) << 40
                    | (b[p + 1] & 0xFFL) << 32
                    | (b[p + 2] & 0xFFL) << 24
                    | (b[p + 3] & 0xFFL) << 16
                    | (b[p + 4] & 0xFFL) << 8
                    | (b[p + 5] & 0xFFL);
            pos = p + 6;
        } else {
            for (int i = 0; i < 6; i++) v = (v << 8) | (pos < end ? d[pos++] & 0xFF : 0);
        }
        value = (value << 48) | v;
        bits += 48;
    }

    /** One decision with probability {@code prob}/256 of being 0 (§7.3): 0 or 1. */
    int bit(int prob) {
        if (bits < 0) refill();
        int r = range, b = bits, split = (r * prob) >>> 8;
        long v = value;
        int one;
        if ((int) (v >>> b) > split) {
            r -= split; // the spec's range - split
            value = v - ((long) (split + 1) << b);
            one = 1;
        } else {
            r = split + 1;
            one = 0;
        }
        int shift = Integer.numberOfLeadingZeros(r) - 24; // §7.3's normalisation loop in one step
        range = (r << shift) - 1;
        bits = b - shift;
        return one;
    }

    boolean read(int prob) {
        return bit(prob) != 0;
    }

    /**
     * {@code v} or {@code -v} by one decision at probability 1/2, branch-free: the sign of a token
     * is a coin toss the branch predictor cannot learn. At probability 128 the split is half the
     * range and the normalisation always one bit, so the new range (minus one) is
     * {@code range | 1} for a 0 and {@code (range - 1) | 1} for a 1. The one exception is the
     * initial range 255, before a partition's first decision, whose 0 needs no normalisation.
     */
    int signed(int v) {
        if (range == 254) return read(128) ? -v : v;
        if (bits < 0) refill();
        int b = bits, split = range >>> 1;
        int mask = (split - (int) (value >>> b)) >> 31; // -1 when the decision is 1
        range = (range + mask) | 1;
        value -= (long) ((split + 1) & mask) << b;
        bits = b - 1;
        return (v ^ mask) - mask;
    }

    /** An unsigned n-bit literal, most significant bit first, each at probability 1/2 (§7.3, L(n)). */
    int literal(int n) {
        int v = 0;
        while (n-- > 0) v = (v << 1) | bit(128);
        return v;
    }

    /** A flagged signed value: a presence flag, n magnitude bits, then a sign (§9.3, §9.6). */
    int optionalSigned(int n) {
        if (!read(128)) return 0;
        int v = literal(n);
        return read(128) ? -v : v;
    }

    /** Walks a tree in the spec's layout: positive entries index the next pair, others are minus the leaf (§8.1). */
    int tree(int[] tree, int[] probs, int probOffset) {
        int i = 0;
        do {
            i = tree[i + bit(probs[probOffset + (i >> 1)])];
        } while (i > 0);
        return -i;
    }
}
