package org.pramaan.hash;

import java.util.Locale;
import java.util.Objects;

/**
 * One hashed video frame (vPDQ, Meta ThreatExchange vpdq/README.md).
 *
 * @param frameNumber      0-based index among all decoded frames, hashed or not
 * @param timestampSeconds frameNumber / the stream's average frame rate, as the reference computes
 *                         it (not the packet timestamp)
 */
public record VpdqFrame(long frameNumber, double timestampSeconds, Hash256 hash, int quality) {
    public VpdqFrame {
        Objects.requireNonNull(hash, "hash");
        if (frameNumber < 0) throw new IllegalArgumentException("frameNumber must not be negative, got " + frameNumber);
        if (!(timestampSeconds >= 0))
            throw new IllegalArgumentException("timestamp must be >= 0, got " + timestampSeconds);
        if (quality < 0 || quality > 100) throw new IllegalArgumentException("quality must be 0..100, got " + quality);
    }

    public boolean matchable() {
        return quality >= PdqResult.MATCHABLE_QUALITY;
    }

    /** The reference tools' line: {@code frameNumber,quality,pdqHex,timestampSec} (3 decimals). */
    public String toReferenceLine() {
        return frameNumber + "," + quality + "," + hash.toHex() + ","
                + String.format(Locale.ROOT, "%.3f", timestampSeconds);
    }

    /** Parses a line of {@link #toReferenceLine()}'s format, naming the problem when it is not one. */
    public static VpdqFrame parseReferenceLine(String line) {
        String[] f = org.pramaan.limits.PlainText.split(line.trim(), ',', false).toArray(String[]::new);
        if (f.length != 4)
            throw new IllegalArgumentException("a vPDQ line has 4 fields frameNumber,quality,hash,timestamp; got "
                    + f.length + ": '" + line + "'");
        try {
            return new VpdqFrame(
                    Long.parseLong(f[0]), Double.parseDouble(f[3]), Hash256.fromHex(f[2]), Integer.parseInt(f[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a vPDQ line: '" + line + "': " + e.getMessage(), e);
        }
    }
}
