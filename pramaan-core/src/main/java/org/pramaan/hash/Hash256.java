package org.pramaan.hash;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 256-bit perceptual hash packed as four longs. Hex form follows the PDQ reference tools: 64
 * lower-case hex digits, most significant 16-bit word first.
 */
public final class Hash256 {
    private final long[] words;

    private Hash256(long[] words) {
        this.words = words;
    }

    public static Hash256 of(long w0, long w1, long w2, long w3) {
        return new Hash256(new long[] {w0, w1, w2, w3});
    }

    /**
     * Parses a hash from its hex form.
     *
     * @param hex 64 hex digits (either case)
     */
    @JsonCreator
    public static Hash256 fromHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException(
                    "a 256-bit hash needs 64 hex digits, got " + (hex == null ? "null" : hex.length() + " characters"));
        }
        long[] w = new long[4];
        for (int i = 0; i < 4; i++) {
            String part = hex.substring(i * 16, i * 16 + 16);
            try {
                w[i] = Long.parseUnsignedLong(part, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a hex hash: '" + hex + "'", e);
            }
        }
        return new Hash256(w);
    }

    /** Bit {@code i} (0..255) where bit 0 is the least significant bit of the last hex digit. */
    public boolean bit(int i) {
        return ((words[3 - (i >>> 6)] >>> (i & 63)) & 1L) != 0;
    }

    public static Hash256 fromBits(boolean[] bits) {
        if (bits.length != 256) throw new IllegalArgumentException("need 256 bits, got " + bits.length);
        long[] w = new long[4];
        for (int i = 0; i < 256; i++) if (bits[i]) w[3 - (i >>> 6)] |= 1L << (i & 63);
        return new Hash256(w);
    }

    public long word(int i) {
        return words[i];
    }

    public int distance(Hash256 other) {
        return Long.bitCount(words[0] ^ other.words[0])
                + Long.bitCount(words[1] ^ other.words[1])
                + Long.bitCount(words[2] ^ other.words[2])
                + Long.bitCount(words[3] ^ other.words[3]);
    }

    public int bitCount() {
        return Long.bitCount(words[0]) + Long.bitCount(words[1]) + Long.bitCount(words[2]) + Long.bitCount(words[3]);
    }

    @JsonValue
    public String toHex() {
        HexFormat f = HexFormat.of();
        return f.toHexDigits(words[0]) + f.toHexDigits(words[1]) + f.toHexDigits(words[2]) + f.toHexDigits(words[3]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash256 h && Arrays.equals(words, h.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
