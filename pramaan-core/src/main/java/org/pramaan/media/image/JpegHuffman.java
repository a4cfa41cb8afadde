package org.pramaan.media.image;

/**
 * One Huffman table (T.81 §C, §F.2.2.3): a 9-bit look-up for the common short codes, the
 * canonical max-code walk for the rest.
 */
final class JpegHuffman {
    private static final int LOOKUP = 11;
    /** (code length << 8) | symbol, 0 where the code is longer than {@link #LOOKUP} bits. */
    final int[] fast = new int[1 << LOOKUP];

    private final int[] maxCode = new int[18];
    private final int[] offset = new int[17];
    private final byte[] symbols;
    /**
     * For AC tables: when a code and its magnitude bits both fit in the look-up window, the whole
     * coefficient at once: (value << 16) | (zero run << 8) | bits used; 0 otherwise. Most
     * coefficients of a photo take this path (the "fast AC" trick of small JPEG decoders).
     */
    final int[] fastAc = new int[1 << LOOKUP];

    static final int LOOKUP_BITS = LOOKUP;
    static final int EOB_RUN = 64;

    /**
     * Builds the decoding tables of one DHT table (ITU-T T.81 §B.2.4.2, Annex C).
     *
     * @param counts codes of each length 1..16 (index 0 unused)
     * @param symbols in code order
     */
    JpegHuffman(int[] counts, byte[] symbols) throws JpegException {
        this.symbols = symbols;
        int code = 0, k = 0;
        for (int len = 1; len <= 16; len++) {
            offset[len] = k - code;
            // A code space that overflows its length means the table is not a prefix code.
            if (code + counts[len] > (1 << len))
                throw JpegException.corrupt("Huffman table has too many codes of length " + len);
            for (int i = 0; i < counts[len]; i++, k++, code++) {
                if (len <= LOOKUP) {
                    int shift = LOOKUP - len;
                    for (int j = 0; j < (1 << shift); j++) fast[(code << shift) | j] = (len << 8) | (symbols[k] & 0xFF);
                }
            }
            maxCode[len] = counts[len] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int i = 0; i < fast.length; i++) {
            int len = fast[i] >> 8, rs = fast[i] & 0xFF, size = rs & 15;
            if (len != 0 && rs == 0) fastAc[i] = (EOB_RUN << 8) | len; // end of block: a run past coefficient 63
            if (len == 0 || size == 0 || len + size > LOOKUP) continue;
            int v = (i >> (LOOKUP - len - size)) & ((1 << size) - 1);
            if (v < (1 << (size - 1))) v -= (1 << size) - 1;
            fastAc[i] = (v << 16) | ((rs >> 4) << 8) | (len + size);
        }
    }

    int decode(JpegBits in) throws JpegException {
        int e = fast[in.peek(LOOKUP)];
        if (e != 0) {
            in.skip(e >> 8);
            return e & 0xFF;
        }
        for (int len = LOOKUP + 1; len <= 16; len++) {
            int code = in.peek(len);
            if (code <= maxCode[len]) {
                in.skip(len);
                return symbols[code + offset[len]] & 0xFF;
            }
        }
        throw JpegException.corrupt("bad Huffman code");
    }
}
