package org.pramaan.watermark;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How well an image's decoded bits match one known message.
 *
 * @param watermark   the message looked for
 * @param order       the channel order that matched best
 * @param decoded     the bits decoded at the message's length
 * @param inverted    whether the bits matched the message's complement (see {@link KnownWatermark#invertible})
 * @param matchedBits how many equal the message (or, when inverted, its complement)
 */
public record WatermarkMatch(
        KnownWatermark watermark, ChannelOrder order, boolean[] decoded, boolean inverted, int matchedBits) {
    public WatermarkMatch {
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(order, "order");
        decoded = decoded.clone();
    }

    @Override
    public boolean[] decoded() {
        return decoded.clone();
    }

    public int totalBits() {
        return decoded.length;
    }

    public double ratio() {
        return (double) matchedBits / decoded.length;
    }

    public KnownWatermark.Verdict verdict() {
        return watermark.verdict(matchedBits);
    }

    /** The decoded bits as hex, first bit the top bit of the first digit (the length is a multiple of 4 for the known messages). */
    public String decodedHex() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < decoded.length; i += 4) {
            int d = 0;
            for (int k = 0; k < 4; k++) d = d << 1 | (i + k < decoded.length && decoded[i + k] ? 1 : 0);
            s.append(Character.forDigit(d, 16));
        }
        return s.toString();
    }

    /** The decoded bytes as text, as SD's test_watermark.py prints them; undecodable bytes become U+FFFD, control bytes are shown as {@code ?}. */
    public String decodedText() {
        byte[] b = new byte[decoded.length / 8];
        for (int i = 0; i < b.length * 8; i++) if (decoded[i]) b[i / 8] |= (byte) (0x80 >>> (i % 8));
        return org.pramaan.limits.PlainText.controlsAsQuestionMarks(new String(b, StandardCharsets.UTF_8));
    }
}
