package org.pramaan.media.image;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The image's rows, one at a time: the zlib stream spread over the IDAT chunks is inflated
 * (native {@link Inflater}) exactly one filtered row at a time, then unfiltered (ISO/IEC 15948 §9).
 * Only {@code height × (rowBytes + 1)} bytes are ever inflated, so a stream that would inflate to
 * more (a zip bomb) costs no more than a genuine file of that size, and memory is two rows.
 *
 * <p>Each row buffer holds {@code step} zero bytes before the row, so the "byte to the left" of
 * the Sub, Average and Paeth filters needs no bounds test; the filter-type byte is inflated into
 * the last of them and cleared.
 */
final class PngRows implements AutoCloseable {
    private final PngHeader h;
    private final Inflater inflater = new Inflater();
    private final int step, rowBytes;
    private byte[] prev, cur;
    private int chunk, y;

    PngRows(PngHeader h) {
        this.h = h;
        this.step = h.filterStep();
        this.rowBytes = (int) h.rowBytes();
        this.prev = new byte[step + rowBytes];
        this.cur = new byte[step + rowBytes];
    }

    /** Offset of the row's first byte in {@link #next()}'s array. */
    int start() { return step; }

    /** The next unfiltered row, valid until the next call. */
    byte[] next() throws PngException {
        byte[] t = prev;
        prev = cur;
        cur = t;
        fill(cur, step - 1, rowBytes + 1);
        int filter = cur[step - 1];
        cur[step - 1] = 0;
        unfilter(filter, cur, prev, step, step + rowBytes);
        y++;
        return cur;
    }

    private void fill(byte[] b, int off, int need) throws PngException {
        try {
            while (need > 0) {
                int n = inflater.inflate(b, off, need);
                off += n;
                need -= n;
                if (n == 0) {
                    if (inflater.finished()) throw PngException.corrupt("image data ends in row " + y + " of " + h.height);
                    if (inflater.needsDictionary()) throw PngException.corrupt("zlib stream asks for a preset dictionary (§10.1)");
                    if (inflater.needsInput()) {
                        if (chunk == h.idatCount) throw PngException.corrupt("IDAT data runs out in row " + y + " of " + h.height);
                        inflater.setInput(h.data, h.idatOffset[chunk], h.idatLength[chunk]);
                        chunk++;
                    }
                }
            }
        } catch (DataFormatException e) {
            throw PngException.corrupt("bad zlib data in row " + y + ": " + e.getMessage());
        }
    }

    /** §9.2 filter types 0–4 over {@code c[s..end)}, with {@code p} the previous row (zeros before the first). */
    static void unfilter(int filter, byte[] c, byte[] p, int s, int end) throws PngException {
        switch (filter) {
            case 0 -> { }
            case 1 -> { for (int i = s; i < end; i++) c[i] += c[i - s]; }
            case 2 -> { for (int i = s; i < end; i++) c[i] += p[i]; }
            case 3 -> { for (int i = s; i < end; i++) c[i] += (byte) (((c[i - s] & 0xFF) + (p[i] & 0xFF)) >>> 1); }
            case 4 -> paeth(c, p, s, end);
            default -> throw PngException.corrupt("filter type " + (filter & 0xFF) + " (§9.2 defines 0–4)");
        }
    }

    /**
     * §9.4 Paeth predictor, written with the distances the spec's p = a + b − c implies
     * (|p−a| = |b−c|, |p−b| = |a−c|, |p−c| = |a+b−2c|) so the JIT can use conditional moves.
     */
    private static void paeth(byte[] c, byte[] p, int s, int end) {
        for (int i = s; i < end; i++) {
            int a = c[i - s] & 0xFF, b = p[i] & 0xFF, cc = p[i - s] & 0xFF;
            int pa = Math.abs(b - cc), pb = Math.abs(a - cc), pc = Math.abs(a + b - 2 * cc);
            int pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : cc;
            c[i] += (byte) pred;
        }
    }

    @Override
    public void close() { inflater.end(); }
}
