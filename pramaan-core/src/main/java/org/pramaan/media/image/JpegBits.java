package org.pramaan.media.image;

/**
 * Bit reader over one entropy-coded segment (ITU-T T.81 §F.2.2.5): MSB first, 0xFF00 is a stuffed
 * 0xFF, any other marker ends the segment. Past the marker it feeds zero bits the way libjpeg does,
 * but only a few bytes' worth (what look-ahead needs): a stream that really runs out is truncated.
 */
final class JpegBits {
    /** Look-ahead never needs more than 8 bytes; more zero bytes than this means the data ran out. */
    private static final int MAX_FAKE_BYTES = 16;

    private final byte[] data;
    private final int end;
    private int pos;
    /**
     * The bit window: the low {@link #bits} bits of {@code buf} are the next ones of the stream,
     * MSB first. Package-visible so that the sequential block loop ({@link JpegScan}) can hold both
     * in locals, refilling through {@link #fill}, instead of reading and writing fields per symbol.
     */
    long buf;

    int bits;
    private int fakeBytes;
    /** RSTn markers cycle 0..7 from each scan's start (T.81 §B.2.1). */
    private int restarts;

    private boolean atMarker;

    JpegBits(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** Tops the window up to at least 57 bits (past the segment's end, with the few zero bytes look-ahead needs). */
    void fill() throws JpegException {
        if (!atMarker && pos + 8 <= end) {
            // Fast path: the next 8 bytes hold no 0xFF (SWAR test), so no stuffing or marker to look for.
            long w = (long) BIG_ENDIAN_LONG.get(data, pos);
            if (((~w - 0x0101010101010101L) & w & 0x8080808080808080L) == 0) {
                int nb = (64 - bits) >>> 3;
                buf = nb == 8 ? w : (buf << (nb * 8)) | (w >>> (64 - nb * 8));
                bits += nb * 8;
                pos += nb;
                return;
            }
        }
        while (bits <= 56) {
            int b = 0;
            if (!atMarker && pos < end) {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < end ? data[pos + 1] & 0xFF : -1;
                    if (next == 0) pos += 2;
                    else {
                        atMarker = true;
                        b = 0;
                        fake();
                    }
                } else pos++;
            } else fake();
            buf = (buf << 8) | b;
            bits += 8;
        }
    }

    private void fake() throws JpegException {
        if (++fakeBytes > MAX_FAKE_BYTES) throw JpegException.corrupt("entropy-coded data ends early at offset " + pos);
    }

    int peek(int n) throws JpegException {
        if (bits < n) fill();
        return (int) (buf >>> (bits - n)) & ((1 << n) - 1);
    }

    void skip(int n) {
        bits -= n;
    }

    int bits(int n) throws JpegException {
        int v = peek(n);
        bits -= n;
        return v;
    }

    boolean bit() throws JpegException {
        return bits(1) != 0;
    }

    /** T.81 §F.2.2.1 EXTEND: an n-bit magnitude category value to a signed coefficient. */
    int receiveExtend(int n) throws JpegException {
        if (n == 0) return 0;
        int v = bits(n);
        return v < (1 << (n - 1)) ? v - (1 << n) + 1 : v;
    }

    /**
     * Fails if the decoder has used any of the zero bits fed past the segment's end. A whole file
     * never needs them; on a damaged one libjpeg stops decoding the segment's later MCUs once it
     * does (leaving them grey), which this decoder does not copy: ImageIO decodes such files instead.
     */
    void requireNoMissingBits() throws JpegException {
        if (bits < fakeBytes * 8) throw JpegException.corrupt("entropy-coded data ends early at offset " + pos);
    }

    /** At a restart interval's end (T.81 §B.2.1): drop padding bits and step over the RSTn marker. */
    void restart() throws JpegException {
        requireNoMissingBits();
        int m = nextMarker();
        if (m < 0xD0 || m > 0xD7)
            throw JpegException.corrupt("expected a restart marker at offset " + pos + ", found "
                    + (m < 0 ? "end of data" : String.format("0x%02X", m)));
        // A wrong number means lost data; libjpeg resynchronises in its own way, so we do not guess.
        if (m != 0xD0 + (restarts++ & 7))
            throw JpegException.corrupt(String.format(
                    "restart marker 0x%02X at offset %d, expected 0x%02X", m, pos, 0xD0 + ((restarts - 1) & 7)));
        pos += 2;
        buf = 0;
        bits = 0;
        fakeBytes = 0;
        atMarker = false;
    }

    /** The code of the marker that ends this segment (0xFF fill bytes skipped; the reader stays on it), -1 at end of data. */
    int nextMarker() {
        while (pos + 1 < end) {
            if ((data[pos] & 0xFF) == 0xFF) {
                int m = data[pos + 1] & 0xFF;
                if (m != 0 && m != 0xFF) return m;
                pos += m == 0 ? 2 : 1;
            } else pos++;
        }
        return -1;
    }

    /** Skips a whole scan's data, restart markers included, to the marker after it. */
    void skipScan() {
        for (int m = nextMarker(); m >= 0xD0 && m <= 0xD7; m = nextMarker()) pos += 2;
    }

    /** Where the marker found by {@link #nextMarker} starts. */
    int position() {
        return pos;
    }
}
