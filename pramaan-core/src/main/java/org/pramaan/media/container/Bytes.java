package org.pramaan.media.container;

import java.nio.charset.StandardCharsets;

/** Fixed-width integer reads from byte arrays, big- and little-endian. */
public final class Bytes {
    private Bytes() {}

    public static int u8(byte[] b, int o) {
        return b[o] & 0xFF;
    }

    public static int u16be(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }

    public static int u16le(byte[] b, int o) {
        return (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8);
    }

    public static int u24be(byte[] b, int o) {
        return ((b[o] & 0xFF) << 16) | ((b[o + 1] & 0xFF) << 8) | (b[o + 2] & 0xFF);
    }

    public static int u24le(byte[] b, int o) {
        return (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8) | ((b[o + 2] & 0xFF) << 16);
    }

    public static long u32be(byte[] b, int o) {
        return ((long) u16be(b, o) << 16) | u16be(b, o + 2);
    }

    public static long u32le(byte[] b, int o) {
        return u16le(b, o) | ((long) u16le(b, o + 2) << 16);
    }

    public static long u64be(byte[] b, int o) {
        return (u32be(b, o) << 32) | u32be(b, o + 4);
    }

    public static long u64le(byte[] b, int o) {
        return u32le(b, o) | (u32le(b, o + 4) << 32);
    }

    public static String ascii(byte[] b, int o, int len) {
        return new String(b, o, len, StandardCharsets.ISO_8859_1);
    }

    public static boolean startsWith(byte[] b, int o, String ascii) {
        if (b.length < o + ascii.length()) return false;
        for (int i = 0; i < ascii.length(); i++) if ((b[o + i] & 0xFF) != ascii.charAt(i)) return false;
        return true;
    }
}
