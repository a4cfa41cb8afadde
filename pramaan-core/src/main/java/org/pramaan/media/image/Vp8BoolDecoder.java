package org.pramaan.media.image;

/**
 * The boolean entropy decoder of RFC 6386 §7. Instead of the spec's two-byte window it keeps up to
 * 56 bits of the stream in a long: {@code value >>> bits} is the spec's 8-bit window compared with
 * the split, so one refill serves many decisions. Past the end of its partition it reads zeros
 * (the reference decoder's behaviour); decoding always ends because the macroblock count is fixed.
 */
final class Vp8BoolDecoder {
    private final byte[] d;
    private int pos;
    private final int end;
    private long value;
    private int bits = -8;
    private int range = 255;

    Vp8BoolDecoder(byte[] data, int offset, int length) {
        this.d = data;
        this.pos = offset;
        this.end = offset + length;
    }

    private void refill() {
        // Six bytes at a time; bits is in [-8, -1] here, so value has at most 8 + bits live bits before the shift.
        long v = 0;
        for (int i = 0; i < 6; i++) v = (v << 8) | (pos < end ? d[pos++] & 0xFF : 0);
        value = (value << 48) | v;
        bits += 48;
    }

    /** One decision with probability {@code prob}/256 of being 0 (§7.3). */
    boolean read(int prob) {
        if (bits < 0) refill();
        int split = 1 + (((range - 1) * prob) >> 8);
        long big = (long) split << bits;
        boolean one;
        if (value >= big) {
            range -= split;
            value -= big;
            one = true;
        } else {
            range = split;
            one = false;
        }
        int shift = Integer.numberOfLeadingZeros(range) - 24;
        range <<= shift;
        bits -= shift;
        return one;
    }

    int bit(int prob) { return read(prob) ? 1 : 0; }

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
    int tree(int[] tree, int[] probs, int probOffset) { return tree(tree, probs, probOffset, 0); }

    /**
     * The same from node {@code start} (the token tree skips its first branch after a zero, §13.2).
     * The decoder state lives in locals for the walk: the decisions form one dependency chain, and
     * going through the fields each time would put a store and a load on it.
     */
    int tree(int[] tree, int[] probs, int probOffset, int start) {
        long v = value;
        int b = bits, r = range, i = start;
        do {
            if (b < 0) {
                value = v;
                bits = b;
                refill();
                v = value;
                b = bits;
            }
            int split = 1 + (((r - 1) * probs[probOffset + (i >> 1)]) >> 8);
            long big = (long) split << b;
            int bit = 0;
            if (v >= big) {
                r -= split;
                v -= big;
                bit = 1;
            } else {
                r = split;
            }
            int shift = Integer.numberOfLeadingZeros(r) - 24;
            r <<= shift;
            b -= shift;
            i = tree[i + bit];
        } while (i > 0);
        value = v;
        bits = b;
        range = r;
        return -i;
    }
}
