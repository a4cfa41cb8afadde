package org.pramaan.media.image;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The image's rows, one at a time: the zlib stream spread over the IDAT chunks is inflated
 * (native {@link Inflater}) 64 KiB at a time, and each filtered row is unfiltered (ISO/IEC 15948 §9).
 * Only {@code height × (rowBytes + 1)} bytes are ever inflated, so a stream that would inflate to
 * more (a zip bomb) costs no more than a genuine file of that size, and memory is two rows and
 * the 64 KiB window.
 *
 * <p>Each row buffer holds {@code step} zero bytes before the row, so the "byte to the left" of
 * the Sub, Average and Paeth filters needs no bounds test; the filter-type byte is copied into
 * the last of them and cleared.
 */
final class PngRows implements AutoCloseable {
    private final PngHeader h;
    private final Inflater inflater = new Inflater();
    private final int step, rowBytes;
    private final byte[] window;
    private byte[] prev, cur;
    private int chunk, y, pos, lim;
    /** Bytes the image still needs from the zlib stream; never more is inflated. */
    private long left;

    PngRows(PngHeader h) {
        this.h = h;
        this.step = h.filterStep();
        this.rowBytes = (int) h.rowBytes();
        this.prev = new byte[step + rowBytes];
        this.cur = new byte[step + rowBytes];
        this.left = (long) h.height * (rowBytes + 1);
        this.window = new byte[(int) Math.min(left, 1 << 16)];
    }

    /** Offset of the row's first byte in {@link #next()}'s array. */
    int start() {
        return step;
    }

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

    /** Copies the next {@code need} inflated bytes to {@code b[off..]}, inflating 64 KiB at a time (fewer, longer native calls). */
    private void fill(byte[] b, int off, int need) throws PngException {
        while (need > 0) {
            if (pos == lim) refill();
            int n = Math.min(need, lim - pos);
            System.arraycopy(window, pos, b, off, n);
            pos += n;
            off += n;
            need -= n;
        }
    }

    private void refill() throws PngException {
        try {
            int want = (int) Math.min(window.length, left);
            int n;
            while ((n = inflater.inflate(window, 0, want)) == 0) {
                if (inflater.finished()) throw PngException.corrupt("image data ends in row " + y + " of " + h.height);
                if (inflater.needsDictionary())
                    throw PngException.corrupt("zlib stream asks for a preset dictionary (§10.1)");
                if (!inflater.needsInput()) throw PngException.corrupt("zlib stream stalls in row " + y);
                if (chunk == h.idatCount)
                    throw PngException.corrupt("IDAT data runs out in row " + y + " of " + h.height);
                inflater.setInput(h.data, h.idatOffset[chunk], h.idatLength[chunk]);
                chunk++;
            }
            pos = 0;
            lim = n;
            left -= n;
        } catch (DataFormatException e) {
            throw PngException.corrupt("bad zlib data in row " + y + ": " + e.getMessage());
        }
    }

    /** §9.2 filter types 0–4 over {@code c[s..end)}, with {@code p} the previous row (zeros before the first). */
    static void unfilter(int filter, byte[] c, byte[] p, int s, int end) throws PngException {
        switch (filter) {
            case 0 -> {}
            case 1 -> {
                for (int i = s; i < end; i++) c[i] += c[i - s];
            }
            case 2 -> {
                for (int i = s; i < end; i++) c[i] += p[i];
            }
            case 3 -> {
                for (int i = s; i < end; i++) c[i] += (byte) (((c[i - s] & 0xFF) + (p[i] & 0xFF)) >>> 1);
            }
            case 4 -> PngPaeth.unfilter(c, p, s, end);
            default -> throw PngException.corrupt("filter type " + (filter & 0xFF) + " (§9.2 defines 0–4)");
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
