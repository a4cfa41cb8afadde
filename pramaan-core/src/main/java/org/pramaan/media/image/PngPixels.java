package org.pramaan.media.image;

import static org.pramaan.media.image.PngHeader.GREY;
import static org.pramaan.media.image.PngHeader.GREY_ALPHA;
import static org.pramaan.media.image.PngHeader.PALETTE;
import static org.pramaan.media.image.PngHeader.RGBA;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import javax.imageio.ImageTypeSpecifier;

/**
 * Writes unfiltered rows into an image whose PDQ luma equals that of ImageIO's image of the same
 * file ({@code PdqHasher.Luma}): grey stays grey (8 or 16 bits, alpha dropped: the grey branch reads
 * only band 0); palette, low-bit grey and 8-bit colour become RGB (luma ignores alpha, and
 * ImageIO's IndexColorModel and grey palettes give the same RGB); 16-bit colour keeps ImageIO's
 * own colour model, so its 16-to-8-bit reduction in getRGB is the same code. Output (x, y) is
 * source (xs[x], ys[y]).
 */
final class PngPixels {
    private final PngHeader h;
    private final int w, ch;
    private final int[] xs, table;
    final BufferedImage image;
    private final byte[] grey;
    private final short[] wide;
    private final int[] rgb;

    PngPixels(PngHeader h, int[] xs, int outHeight) throws PngException {
        this.h = h;
        this.xs = xs;
        this.w = xs.length;
        this.ch = h.channels();
        boolean greyish = h.colour == GREY || h.colour == GREY_ALPHA;
        if (h.transparentColour && (h.depth == 16 ? !greyish : h.depth < 8)) {
            throw PngException.unsupported("tRNS with colour type " + h.colour + " at bit depth " + h.depth);
        }
        if (greyish && h.depth >= 8) {
            image = new BufferedImage(
                    w, outHeight, h.depth == 8 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_USHORT_GRAY);
        } else if (h.depth == 16) {
            int[] bands = h.colour == RGBA ? new int[] {0, 1, 2, 3} : new int[] {0, 1, 2};
            image = ImageTypeSpecifier.createInterleaved(
                            ColorSpace.getInstance(ColorSpace.CS_sRGB),
                            bands,
                            DataBuffer.TYPE_USHORT,
                            h.colour == RGBA,
                            false)
                    .createBufferedImage(w, outHeight);
        } else {
            image = new BufferedImage(w, outHeight, BufferedImage.TYPE_INT_RGB);
        }
        DataBuffer db = image.getRaster().getDataBuffer();
        grey = db instanceof DataBufferByte b ? b.getData() : null;
        wide = db instanceof DataBufferUShort s ? s.getData() : null;
        rgb = db instanceof DataBufferInt i ? i.getData() : null;
        table = h.colour == PALETTE ? h.palette : h.depth < 8 ? greyLevels(h.depth) : null;
    }

    /** ImageTypeSpecifier.Grayscale's palette for 1, 2 and 4 bits: level i is i·255/(2^depth − 1). */
    private static int[] greyLevels(int depth) {
        int n = 1 << depth;
        int[] t = new int[n];
        for (int i = 0; i < n; i++) t[i] = (i * 255 / (n - 1)) * 0x010101;
        return t;
    }

    /** Output row {@code oy} from unfiltered row bytes {@code r[s..]}. */
    void row(byte[] r, int s, int oy) {
        int o = oy * w;
        if (grey != null) {
            for (int x = 0; x < w; x++) grey[o + x] = r[s + xs[x] * ch];
        } else if (wide != null) {
            int bands = image.getRaster().getNumBands();
            for (int x = 0, k = o * bands; x < w; x++) {
                int p = s + xs[x] * ch * 2;
                for (int b = 0; b < bands; b++, k++, p += 2)
                    wide[k] = (short) (((r[p] & 0xFF) << 8) | (r[p + 1] & 0xFF));
            }
        } else if (table != null) {
            indexed(r, s, o);
        } else {
            for (int x = 0; x < w; x++) {
                int p = s + xs[x] * ch;
                rgb[o + x] = ((r[p] & 0xFF) << 16) | ((r[p + 1] & 0xFF) << 8) | (r[p + 2] & 0xFF);
            }
        }
    }

    /** Palette indices or low-bit grey levels, packed big-end first within each byte (§7.2). */
    private void indexed(byte[] r, int s, int o) {
        int d = h.depth, mask = (1 << d) - 1;
        for (int x = 0; x < w; x++) {
            int bit = xs[x] * d;
            int v = (r[s + (bit >>> 3)] & 0xFF) >>> (8 - d - (bit & 7)) & mask;
            rgb[o + x] = table[v];
        }
    }
}
