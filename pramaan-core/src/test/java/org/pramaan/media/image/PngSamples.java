package org.pramaan.media.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hand-built PNGs (ISO/IEC 15948) for the tests: every colour type and bit depth, a chosen filter
 * type per row (row y uses filters[y % filters.length]), optional tRNS and short palettes. Samples
 * are a smooth ramp plus seeded noise, so every filter predicts something.
 */
final class PngSamples {
    /** @param paletteSize PLTE entries for colour type 3 (fewer than the indices used tests ImageIO's padding); 0 otherwise */
    record Spec(int width, int height, int colour, int depth, boolean trns, int paletteSize, int[] filters, long seed) {
        @Override
        public String toString() {
            return width + "x" + height + " type " + colour + " depth " + depth + (trns ? " tRNS" : "")
                    + (paletteSize > 0 ? " PLTE " + paletteSize : "") + " filters "
                    + java.util.Arrays.toString(filters);
        }
    }

    static final int[] ALL_FILTERS = {0, 1, 2, 3, 4};

    private PngSamples() {}

    static byte[] encode(Spec s) {
        int ch = switch (s.colour()) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        int bpp = Math.max(1, ch * s.depth() / 8), rowBytes = (s.width() * ch * s.depth() + 7) / 8;
        Random r = new Random(s.seed());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] prev = new byte[rowBytes], cur = new byte[rowBytes];
        int max = (1 << s.depth()) - 1;
        for (int y = 0; y < s.height(); y++) {
            java.util.Arrays.fill(cur, (byte) 0);
            for (int x = 0; x < s.width(); x++) {
                for (int c = 0; c < ch; c++) {
                    int v = (int) ((long) max * ((x * 7 + y * 3 + c * 50) % 256) / 255);
                    v = Math.max(0, Math.min(max, v + (int) ((r.nextInt(9) - 4) * (max / 64.0 + 0.3))));
                    put(cur, (x * ch + c) * s.depth(), s.depth(), v);
                }
            }
            int f = s.filters()[y % s.filters().length];
            raw.write(f);
            raw.writeBytes(filter(f, cur, prev, bpp));
            byte[] t = prev;
            prev = cur;
            cur = t;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = new byte[13];
        be(ihdr, 0, s.width());
        be(ihdr, 4, s.height());
        ihdr[8] = (byte) s.depth();
        ihdr[9] = (byte) s.colour();
        chunk(out, "IHDR", ihdr);
        if (s.colour() == 3) {
            byte[] plte = new byte[3 * s.paletteSize()];
            for (int i = 0; i < plte.length; i++) plte[i] = (byte) (i * 37 + 11);
            chunk(out, "PLTE", plte);
        }
        if (s.trns()) {
            byte[] t = s.colour() == 3 ? new byte[] {0, (byte) 128, 7} : new byte[s.colour() == 0 ? 2 : 6];
            if (s.colour() != 3) t[1] = 1;
            chunk(out, "tRNS", t);
        }
        byte[] z = deflate(raw.toByteArray());
        for (int at = 0; at < z.length; at += 1000)
            chunk(out, "IDAT", java.util.Arrays.copyOfRange(z, at, Math.min(z.length, at + 1000)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void put(byte[] row, int bit, int depth, int v) {
        if (depth == 16) {
            row[bit / 8] = (byte) (v >> 8);
            row[bit / 8 + 1] = (byte) v;
        } else {
            row[bit / 8] |= (byte) (v << (8 - depth - bit % 8));
        }
    }

    /** The encoder's side of §9.2, written plainly from the spec's formulas. */
    static byte[] filter(int f, byte[] cur, byte[] prev, int bpp) {
        byte[] out = new byte[cur.length];
        for (int i = 0; i < cur.length; i++) {
            int a = i >= bpp ? cur[i - bpp] & 0xFF : 0, b = prev[i] & 0xFF, c = i >= bpp ? prev[i - bpp] & 0xFF : 0;
            int pred = switch (f) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) / 2;
                default -> paeth(a, b, c);
            };
            out[i] = (byte) (cur[i] - pred);
        }
        return out;
    }

    /** §9.4 exactly as the spec writes it: the plain reference for PngRows' branch-light version. */
    static int paeth(int a, int b, int c) {
        int p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        if (pb <= pc) return b;
        return c;
    }

    static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(6);
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) z.write(buf, 0, d.deflate(buf));
        d.end();
        return z.toByteArray();
    }

    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] head = new byte[8];
        be(head, 0, data.length);
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(head, 4, 4);
        crc.update(data);
        out.writeBytes(head);
        out.writeBytes(data);
        byte[] c = new byte[4];
        be(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void be(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
