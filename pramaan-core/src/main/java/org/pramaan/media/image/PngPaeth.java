package org.pramaan.media.image;

/**
 * The Paeth filter's inverse (ISO/IEC 15948 §9.4), the costliest of the five: most photo PNGs use
 * it on most rows. Two things make it fast in Java. The predictor is chosen with sign masks, not
 * branches (on photo data the choice is unpredictable, and a mispredicted branch costs more than
 * the arithmetic). And with one byte per pixel (8-bit grey, palettes), where each byte waits for
 * the one before it, the left neighbour is carried in a local rather than reloaded from the byte
 * just stored. With 2 or more bytes per pixel the channels' chains overlap, and the same
 * carrying, unrolled per channel, measured no faster than the plain loop (C2 unrolls that itself).
 */
final class PngPaeth {
    private PngPaeth() {}

    /**
     * §9.4's predictor: with p = a + b − c, the one of a, b, c nearest p, ties to a then b. Here
     * |p−a| = |b−c|, |p−b| = |a−c| and |p−c| = |a+b−2c|, and x >> 31 is −1 exactly when x < 0.
     */
    static int predict(int a, int b, int c) {
        int db = b - c, da = a - c;
        int pa = Math.abs(db), pb = Math.abs(da), pc = Math.abs(da + db);
        int notA = (pb - pa | pc - pa) >> 31, cOverB = (pc - pb) >> 31;
        int bc = b ^ ((b ^ c) & cOverB);
        return a ^ ((a ^ bc) & notA);
    }

    static void unfilter(byte[] c, byte[] p, int s, int end) {
        if (s == 1) {
            one(c, p, end);
            return;
        }
        for (int i = s; i < end; i++) c[i] += (byte) predict(c[i - s] & 0xFF, p[i] & 0xFF, p[i - s] & 0xFF);
    }

    private static void one(byte[] c, byte[] p, int end) {
        int a = 0, ul = 0;
        for (int i = 1; i < end; i++) {
            int b = p[i] & 0xFF;
            a = (c[i] + predict(a, b, ul)) & 0xFF;
            c[i] = (byte) a;
            ul = b;
        }
    }
}
