package org.pramaan.media.image;

/**
 * The WebP RIFF container (Google's "WebP Container Specification"): finds the VP8 bitstream of a
 * simple lossy file ({@code VP8 }) or of an extended one ({@code VP8X} with optional ICCP, EXIF,
 * XMP and ALPH chunks; the alpha plane is skipped because PDQ ignores alpha, as the reference
 * does). Lossless ({@code VP8L}) and animated files are refused as unsupported, for ImageIO.
 * Every chunk size is checked against the bytes present.
 */
final class WebpDecoder {
    private static final int ANIMATION_FLAG = 0x02;

    private WebpDecoder() {}

    /** libwebp's exact planes. */
    static Vp8Frame decode(byte[] d, long maxPixels) throws WebpException {
        return decode(d, maxPixels, true);
    }

    /** The planes PDQ hashes: without the loop filter ({@link Vp8Decoder#decode(byte[], int, int, long, boolean)}). */
    static Vp8Frame decodeForHashing(byte[] d, long maxPixels) throws WebpException {
        return decode(d, maxPixels, false);
    }

    private static Vp8Frame decode(byte[] d, long maxPixels, boolean loopFilter) throws WebpException {
        if (d.length < 20 || !tag(d, 0, "RIFF") || !tag(d, 8, "WEBP"))
            throw WebpException.corrupt("no RIFF/WEBP header");
        long riff = u32(d, 4) + 8L;
        int end = (int) Math.min(d.length, riff);
        int pos = 12;
        boolean extended = false;
        while (pos + 8 <= end) {
            long size = u32(d, pos + 4);
            int body = pos + 8;
            if (size > end - body)
                throw WebpException.corrupt(String.format(
                        "chunk '%s' at offset %d says %d bytes, %d are left", name(d, pos), pos, size, end - body));
            if (tag(d, pos, "VP8 ")) return Vp8Decoder.decode(d, body, (int) size, maxPixels, loopFilter);
            if (tag(d, pos, "VP8L")) throw WebpException.unsupported("lossless (VP8L) bitstream");
            if (tag(d, pos, "ANIM") || tag(d, pos, "ANMF")) throw WebpException.unsupported("animation");
            if (tag(d, pos, "VP8X")) {
                if (pos != 12 || size < 10)
                    throw WebpException.corrupt("misplaced or short VP8X chunk at offset " + pos);
                if ((d[body] & ANIMATION_FLAG) != 0) throw WebpException.unsupported("animation");
                extended = true;
            } else if (!extended) {
                throw WebpException.corrupt(String.format(
                        "chunk '%s' at offset %d before any image data in a simple WebP", name(d, pos), pos));
            }
            pos = body + (int) size + (int) (size & 1); // chunks are padded to even length
        }
        throw WebpException.corrupt("no VP8 image data chunk");
    }

    private static boolean tag(byte[] d, int at, String t) {
        for (int i = 0; i < 4; i++) if (d[at + i] != t.charAt(i)) return false;
        return true;
    }

    private static String name(byte[] d, int at) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) s.append(d[at + i] >= 32 && d[at + i] < 127 ? (char) d[at + i] : '?');
        return s.toString();
    }

    private static long u32(byte[] d, int at) {
        return (d[at] & 0xFFL) | (d[at + 1] & 0xFFL) << 8 | (d[at + 2] & 0xFFL) << 16 | (d[at + 3] & 0xFFL) << 24;
    }
}
