package org.pramaan.media.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.pramaan.media.MediaSource;

/**
 * Converts a simple-format WebP ({@code VP8 } or {@code VP8L} alone) to the extended format by adding a
 * {@code VP8X} header chunk, and sets feature flags on it. The WebP container specification (RFC 9649
 * §2.7) allows chunks other than the image data (metadata, C2PA's {@code C2PA} chunk) only in the
 * extended format, so a writer must convert before appending one.
 */
public final class WebpExtended {
    /** VP8X flag bits (RFC 9649 §2.7.1). */
    public static final int ICC = 0x20, ALPHA = 0x10, EXIF = 0x08, XMP = 0x04, ANIMATION = 0x02;

    private WebpExtended() {}

    /** The file in extended format with {@code flags} ORed into VP8X; already-extended files only get the flags. */
    public static byte[] ensure(byte[] webp, int flags) throws IOException {
        if (webp.length < 12 || !Bytes.startsWith(webp, 0, "RIFF"))
            throw new IllegalArgumentException("not a RIFF/WebP file");
        RiffChunks.Result r = RiffChunks.walk(MediaSource.of(webp));
        if (!r.form().equals("WEBP") || !r.problem().isEmpty() || r.chunks().isEmpty()) {
            throw new IllegalArgumentException(
                    "not a well-formed WebP file" + (r.problem().isEmpty() ? "" : ": " + r.problem()));
        }
        RiffChunks.Chunk first = r.chunks().get(0);
        if (first.id().equals("VP8X")) {
            byte[] out = webp.clone();
            out[(int) first.dataOffset()] |= (byte) flags;
            return out;
        }
        int[] wha = switch (first.id()) {
            case "VP8 " -> vp8(webp, first);
            case "VP8L" -> vp8l(webp, first);
            default ->
                throw new IllegalArgumentException("WebP starts with chunk '" + first.id() + "', not VP8/VP8L/VP8X");
        };
        byte[] x = new byte[10];
        x[0] = (byte) (flags | wha[2]);
        put24(x, 4, wha[0] - 1);
        put24(x, 7, wha[1] - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(webp.length + 18);
        out.write(webp, 0, 12);
        out.writeBytes(RiffChunkWriter.chunk("VP8X", x));
        out.write(webp, 12, webp.length - 12);
        byte[] b = out.toByteArray();
        RiffChunkWriter.putU32le(b, 4, b.length - 8L);
        return b;
    }

    /** RFC 6386 §9.1: key-frame start code 9D 01 2A, then 14-bit width and height. */
    private static int[] vp8(byte[] b, RiffChunks.Chunk c) {
        int o = (int) c.dataOffset();
        if (c.length() < 10 || (b[o + 3] & 0xFF) != 0x9D || (b[o + 4] & 0xFF) != 0x01 || (b[o + 5] & 0xFF) != 0x2A) {
            throw new IllegalArgumentException("VP8 chunk has no key-frame start code");
        }
        return new int[] {Bytes.u16le(b, o + 6) & 0x3FFF, Bytes.u16le(b, o + 8) & 0x3FFF, 0};
    }

    /** WebP lossless §3.2: signature 0x2F, 14-bit width-1, 14-bit height-1, alpha_is_used bit. */
    private static int[] vp8l(byte[] b, RiffChunks.Chunk c) {
        int o = (int) c.dataOffset();
        if (c.length() < 5 || (b[o] & 0xFF) != 0x2F)
            throw new IllegalArgumentException("VP8L chunk has no 0x2F signature");
        long bits = Bytes.u32le(b, o + 1);
        int alpha = ((bits >>> 28) & 1) == 1 ? ALPHA : 0;
        return new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >>> 14) & 0x3FFF) + 1, alpha};
    }

    private static void put24(byte[] b, int o, int v) {
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >>> 8);
        b[o + 2] = (byte) (v >>> 16);
    }
}
