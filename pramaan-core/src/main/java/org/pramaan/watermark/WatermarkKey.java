package org.pramaan.watermark;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An operator's watermark key: an id (reported with detections) and a secret of 16 to 64 bytes that
 * seeds every pseudo-random choice of {@link KeyedWatermark} (chip layout, synchronisation signs,
 * payload scrambling). Whoever holds it can detect <em>and</em> embed: a generator hands it only to
 * platforms it wants to recognise its outputs (its "detection key" in issue 14's words).
 */
public final class WatermarkKey {
    public static final int MIN_BYTES = 16, MAX_BYTES = 64, MAX_ID = 64;

    private final String id;
    private final byte[] secret;

    public WatermarkKey(String id, byte[] secret) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        if (id.isEmpty() || id.length() > MAX_ID || !id.chars().allMatch(WatermarkKey::idChar))
            throw new IllegalArgumentException(
                    "watermark key id must be 1-" + MAX_ID + " characters of [A-Za-z0-9._-], was '" + clip(id) + "'");
        if (secret.length < MIN_BYTES || secret.length > MAX_BYTES)
            throw new IllegalArgumentException("watermark key '" + id + "' must be " + MIN_BYTES + "-" + MAX_BYTES
                    + " bytes, was " + secret.length);
        this.id = id;
        this.secret = secret.clone();
    }

    /** Parses {@code id:base64secret}, the form of the {@code watermark.keys} configuration entries. */
    public static WatermarkKey parse(String entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.length() > MAX_ID + 1 + 4 * MAX_BYTES)
            throw new IllegalArgumentException("watermark key entry is " + entry.length() + " characters, at most "
                    + (MAX_ID + 1 + 4 * MAX_BYTES) + " expected (id:base64)");
        int colon = entry.indexOf(':');
        if (colon < 0)
            throw new IllegalArgumentException("watermark key entry '" + clip(entry) + "' is not id:base64key");
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "watermark key '" + clip(entry.substring(0, colon)) + "' is not valid base64: " + e.getMessage(),
                    e);
        }
        return new WatermarkKey(entry.substring(0, colon).trim(), secret);
    }

    public String id() {
        return id;
    }

    /**
     * A keyed byte stream, HMAC-SHA256(secret, label ‖ counter) blocks (the counter-mode KDF of NIST
     * SP 800-108 §4.1): without the secret the layout cannot be predicted, so the mark can neither be
     * read nor forged; the label separates independent uses of one key.
     */
    KeyStream stream(String label) {
        return new KeyStream(secret, label);
    }

    static final class KeyStream {
        private final Mac mac;
        private final byte[] label;
        private int counter;
        private byte[] block = new byte[0];
        private int pos;

        KeyStream(byte[] secret, String label) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
            }
            this.label = label.getBytes(StandardCharsets.UTF_8);
        }

        int nextByte() {
            if (pos == block.length) {
                mac.update(label);
                mac.update(new byte[] {
                    0, (byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter
                });
                counter++;
                block = mac.doFinal();
                pos = 0;
            }
            return block[pos++] & 0xff;
        }

        /** Uniform in [0, bound) by rejection, so no value is favoured. */
        int nextInt(int bound) {
            int limit = Integer.MAX_VALUE - Integer.MAX_VALUE % bound;
            while (true) {
                int v = (nextByte() << 23 | nextByte() << 15 | nextByte() << 7 | nextByte() >>> 1) & Integer.MAX_VALUE;
                if (v < limit) return v % bound;
            }
        }

        boolean nextBit() {
            return (nextByte() & 1) == 1;
        }
    }

    private static boolean idChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatermarkKey k && k.id.equals(id) && MessageDigest.isEqual(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "WatermarkKey[" + id + ", " + secret.length + " bytes]"; // never the secret
    }
}
