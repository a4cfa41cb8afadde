package org.pramaan.testing;

import java.util.Arrays;
import java.util.Random;

/** Seeded corruptions for the parsers' robustness tests: each family breaks a different kind of check. */
public final class Mutations {
    private Mutations() {}

    /**
     * Byte flips, 0xFF or 0x00 runs over what may be a length field, a cut, or a swap: the families
     * that break container walkers. Changes {@code b} in place (a cut returns a shorter copy).
     */
    public static byte[] structural(byte[] b, Random r) {
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int k = 0; k < 1 + r.nextInt(4); k++) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            case 1 -> {
                int o = r.nextInt(Math.max(1, b.length - 4));
                for (int k = 0; k < 4 && o + k < b.length; k++) b[o + k] = (byte) 0xFF;
            }
            case 2 -> {
                return Arrays.copyOf(b, r.nextInt(b.length + 1));
            }
            case 3 -> {
                int o = r.nextInt(Math.max(1, b.length - 4));
                for (int k = 0; k < 4 && o + k < b.length; k++) b[o + k] = 0;
            }
            default -> {
                int a = r.nextInt(b.length), c = r.nextInt(b.length);
                byte t = b[a];
                b[a] = b[c];
                b[c] = t;
            }
        }
        return b;
    }

    /**
     * For decoders, on a copy: byte flips, a cut, a removed run of up to 40 bytes, or a flip within
     * the first {@code headerBytes}, where a format keeps the tables and sizes that steer decoding.
     */
    public static byte[] decoderInput(byte[] good, Random r, int headerBytes) {
        byte[] b = good.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int k = 1 + r.nextInt(4); k > 0; k--) b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 2 -> {
                int at = r.nextInt(b.length), len = Math.min(b.length - at, 1 + r.nextInt(40));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
            default -> b[r.nextInt(Math.min(headerBytes, b.length))] = (byte) r.nextInt(256);
        }
        return b;
    }
}
