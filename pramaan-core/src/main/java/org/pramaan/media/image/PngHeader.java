package org.pramaan.media.image;

/**
 * The chunks the fast PNG decoder needs (ISO/IEC 15948 §11): IHDR, PLTE, tRNS and the run of IDAT
 * chunks. CRCs are not checked here: the prober ({@code ImageProbes.png}) has already refused any
 * chunk whose CRC fails before a file reaches decoding, and ImageIO's reader ignores CRCs anyway.
 * Lengths are checked against the bytes present; anything unexpected throws {@link PngException}.
 */
final class PngHeader {
    static final int GREY = 0, RGB = 2, PALETTE = 3, GREY_ALPHA = 4, RGBA = 6;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IHDR = 0x49484452,
            PLTE = 0x504C5445,
            TRNS = 0x74524E53,
            IDAT = 0x49444154,
            IEND = 0x49454E44;
    /** Cap on one row's bytes (two rows are held): wider files go to ImageIO, which would need far more. */
    static final long MAX_ROW_BYTES = 1L << 27;

    final byte[] data;
    int width, height, depth, colour;
    boolean transparentColour;
    /** RGB per index as ImageIO's reader builds its IndexColorModel (padding included); null unless colour type 3. */
    int[] palette;
    /** Offsets and lengths of the consecutive IDAT chunks' data. */
    int[] idatOffset = new int[16], idatLength = new int[16];

    int idatCount;

    private PngHeader(byte[] data) {
        this.data = data;
    }

    static PngHeader parse(byte[] d, long maxPixels) throws PngException {
        PngHeader h = new PngHeader(d);
        if (d.length < 8 || !java.util.Arrays.equals(d, 0, 8, SIGNATURE, 0, 8))
            throw PngException.corrupt("no PNG signature at offset 0");
        int pos = 8;
        boolean idatEnded = false;
        while (true) {
            if (pos > d.length - 12)
                throw PngException.corrupt("chunk at offset " + pos + " runs past the end of the file (no IEND)");
            long len = u32(d, pos);
            int type = (int) u32(d, pos + 4);
            if (len > d.length - 12L - pos)
                throw PngException.corrupt(
                        "chunk at offset " + pos + " declares " + len + " bytes, past the end of the file");
            int at = pos + 8, n = (int) len;
            if (pos == 8 && type != IHDR) throw PngException.corrupt("first chunk is not IHDR");
            if (type == IEND) break;
            if (type == IDAT) {
                if (idatEnded) throw PngException.unsupported("IDAT chunks are not consecutive (offset " + pos + ")");
                h.addIdat(at, n);
            } else {
                if (h.idatCount > 0) idatEnded = true;
                switch (type) {
                    case IHDR -> {
                        if (pos != 8) throw PngException.corrupt("second IHDR at offset " + pos);
                        h.ihdr(at, n, maxPixels);
                    }
                    case PLTE -> h.plte(at, n);
                    case TRNS -> h.transparentColour = h.colour == GREY || h.colour == RGB;
                    default -> {
                        if ((type >>> 24 & 0x20) == 0)
                            throw PngException.unsupported(
                                    "critical chunk type " + Integer.toHexString(type) + " at offset " + pos);
                    }
                }
            }
            pos = at + n + 4;
        }
        if (h.idatCount == 0) throw PngException.corrupt("no IDAT chunk");
        if (h.colour == PALETTE && h.palette == null)
            throw PngException.corrupt("colour type 3 without a PLTE chunk before IDAT");
        return h;
    }

    private void ihdr(int at, int n, long maxPixels) throws PngException {
        if (n != 13) throw PngException.corrupt("IHDR is " + n + " bytes, not 13");
        long w = u32(data, at), hh = u32(data, at + 4);
        if (w == 0 || hh == 0 || w > Integer.MAX_VALUE || hh > Integer.MAX_VALUE)
            throw PngException.corrupt("IHDR size " + w + "x" + hh);
        if (w * hh > maxPixels)
            throw PngException.corrupt(w + "x" + hh + " is over the limit of " + maxPixels + " pixels");
        width = (int) w;
        height = (int) hh;
        depth = data[at + 8];
        colour = data[at + 9];
        boolean ok = switch (colour) {
            case GREY -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case PALETTE -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case RGB, GREY_ALPHA, RGBA -> depth == 8 || depth == 16;
            default -> false;
        };
        if (!ok)
            throw PngException.corrupt("colour type " + colour + " with bit depth " + depth + " (§11.2.2 table 11.1)");
        if (data[at + 10] != 0 || data[at + 11] != 0)
            throw PngException.corrupt("compression or filter method is not 0");
        if (data[at + 12] == 1) throw PngException.unsupported("Adam7 interlace");
        if (data[at + 12] != 0) throw PngException.corrupt("interlace method " + data[at + 12]);
        if (rowBytes() > MAX_ROW_BYTES) throw PngException.unsupported("rows of " + rowBytes() + " bytes");
    }

    /**
     * ImageIO's reader (PNGImageReader.parse_PLTE_chunk and getImageTypes) keeps at most 2^depth
     * entries, zero-pads to 2, 4, 16 or 256 entries, then repeats the last of those up to 2^depth.
     * Out-of-range indices (an error per §11.2.3) thus get those colours; we reproduce them.
     */
    private void plte(int at, int n) throws PngException {
        if (colour != PALETTE) return; // a suggested palette (RGB) or one ImageIO ignores (grey)
        if (idatCount > 0) throw PngException.corrupt("PLTE after IDAT");
        if (n == 0 || n % 3 != 0 || n > 768) throw PngException.corrupt("PLTE of " + n + " bytes");
        int entries = Math.min(n / 3, 1 << depth);
        int rounded = entries > 16 ? 256 : entries > 4 ? 16 : entries > 2 ? 4 : 2;
        palette = new int[Math.max(rounded, 1 << depth)];
        for (int i = 0; i < entries; i++)
            palette[i] = ((data[at + 3 * i] & 0xFF) << 16)
                    | ((data[at + 3 * i + 1] & 0xFF) << 8)
                    | (data[at + 3 * i + 2] & 0xFF);
        java.util.Arrays.fill(palette, rounded, palette.length, palette[rounded - 1]);
    }

    private void addIdat(int at, int n) throws PngException {
        if (width == 0) throw PngException.corrupt("IDAT before IHDR");
        if (idatCount == idatOffset.length) {
            if (idatCount >= 1 << 20) throw PngException.unsupported("over " + idatCount + " IDAT chunks");
            idatOffset = java.util.Arrays.copyOf(idatOffset, idatCount * 2);
            idatLength = java.util.Arrays.copyOf(idatLength, idatCount * 2);
        }
        idatOffset[idatCount] = at;
        idatLength[idatCount++] = n;
    }

    int channels() {
        return switch (colour) {
            case RGB -> 3;
            case GREY_ALPHA -> 2;
            case RGBA -> 4;
            default -> 1;
        };
    }

    /** Bytes per complete pixel, at least 1: the distance the Sub, Average and Paeth filters look back (§9.2). */
    int filterStep() {
        return Math.max(1, channels() * depth / 8);
    }

    long rowBytes() {
        return ((long) width * channels() * depth + 7) / 8;
    }

    private static long u32(byte[] d, int at) {
        return ((d[at] & 0xFFL) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8) | (d[at + 3] & 0xFF);
    }
}
