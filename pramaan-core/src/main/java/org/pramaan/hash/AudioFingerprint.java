package org.pramaan.hash;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A Chromaprint-class audio fingerprint: one 32-bit sub-fingerprint every {@link #SECONDS_PER_ITEM}
 * seconds, and for each a flag saying it is <em>weak</em> (its window is mostly quiet), so matching can
 * skip silence instead of letting every silent clip match every other.
 *
 * <p>Serialised form ({@link #toBytes()}, version 1, big-endian): {@code 0x01}, u32 count, the duration
 * in seconds as an IEEE 754 double (so it round-trips exactly), count × u32 sub-fingerprints, then the weak flags as a bitmap, item i in bit i % 8 of byte i / 8.
 *
 * @param subFingerprints owned by this value; not to be modified
 * @param weak            same length as {@code subFingerprints}; owned by this value
 */
public record AudioFingerprint(int[] subFingerprints, boolean[] weak, double durationSeconds) {
    public static final double SECONDS_PER_ITEM = (double) org.pramaan.hash.internal.ChromaFeatures.HOP
            / org.pramaan.hash.internal.ChromaFeatures.SAMPLE_RATE;
    /** About 4.5 hours; bounds memory and the matcher's work, and what {@link #fromBytes} accepts. */
    public static final int MAX_ITEMS = 1 << 17;

    private static final int VERSION = 1;
    private static final int HEADER = 13;

    public AudioFingerprint {
        if (subFingerprints.length != weak.length)
            throw new IllegalArgumentException(
                    subFingerprints.length + " sub-fingerprints but " + weak.length + " weak flags");
        if (subFingerprints.length > MAX_ITEMS)
            throw new IllegalArgumentException(
                    subFingerprints.length + " sub-fingerprints exceed the limit of " + MAX_ITEMS);
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds))
            throw new IllegalArgumentException("duration must be a finite number ≥ 0, got " + durationSeconds);
    }

    public int count() {
        return subFingerprints.length;
    }

    /** Sub-fingerprints that are not weak: the ones matching uses. */
    public int strongCount() {
        int n = 0;
        for (boolean w : weak) if (!w) n++;
        return n;
    }

    public byte[] toBytes() {
        int n = count();
        ByteBuffer b = ByteBuffer.allocate(HEADER + 4 * n + (n + 7) / 8);
        b.put((byte) VERSION).putInt(n).putDouble(durationSeconds);
        for (int v : subFingerprints) b.putInt(v);
        byte[] bitmap = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) if (weak[i]) bitmap[i / 8] |= (byte) (1 << (i % 8));
        return b.put(bitmap).array();
    }

    /** Parses {@link #toBytes()}; untrusted input gets an {@link IllegalArgumentException} naming the problem. */
    public static AudioFingerprint fromBytes(byte[] bytes) {
        if (bytes.length < HEADER)
            throw new IllegalArgumentException(
                    "audio fingerprint is " + bytes.length + " bytes; its header needs " + HEADER);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int version = b.get() & 0xFF;
        if (version != VERSION)
            throw new IllegalArgumentException(
                    "audio fingerprint version " + version + " is not supported (expected " + VERSION + ")");
        long n = Integer.toUnsignedLong(b.getInt());
        double duration = b.getDouble();
        if (n > MAX_ITEMS)
            throw new IllegalArgumentException(
                    "audio fingerprint declares " + n + " sub-fingerprints; the limit is " + MAX_ITEMS);
        long expected = HEADER + 4 * n + (n + 7) / 8;
        if (bytes.length != expected)
            throw new IllegalArgumentException("audio fingerprint of " + n + " sub-fingerprints must be " + expected
                    + " bytes, got " + bytes.length);
        int[] items = new int[(int) n];
        for (int i = 0; i < n; i++) items[i] = b.getInt();
        boolean[] weak = new boolean[(int) n];
        for (int i = 0; i < n; i++) weak[i] = (bytes[(int) (HEADER + 4 * n + i / 8)] & (1 << (i % 8))) != 0;
        return new AudioFingerprint(items, weak, duration);
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String toBase64() {
        return Base64.getEncoder().encodeToString(toBytes());
    }

    @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
    public static AudioFingerprint fromBase64(String text) {
        try {
            return fromBytes(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an audio fingerprint: " + e.getMessage(), e);
        }
    }

    /** The sub-fingerprints as 8 hex digits each, no separators (the weak flags are not included). */
    public String toHex() {
        StringBuilder s = new StringBuilder(8 * count());
        for (int v : subFingerprints) s.append(HexFormat.of().toHexDigits(v));
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AudioFingerprint f
                && Arrays.equals(subFingerprints, f.subFingerprints)
                && Arrays.equals(weak, f.weak)
                && Double.compare(durationSeconds, f.durationSeconds) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(subFingerprints) + Arrays.hashCode(weak);
    }

    @Override
    public String toString() {
        return "AudioFingerprint[" + count() + " items, " + strongCount() + " strong, " + durationSeconds + " s]";
    }
}
