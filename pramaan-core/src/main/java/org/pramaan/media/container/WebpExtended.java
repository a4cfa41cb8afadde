package org.pramaan.media.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
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

    /**
     * The chunks of an extended file's layout, in their order (RFC 9649 §2.7, "Assembling the Canvas"
     * and the extended file figure); anything else is an unknown chunk, which comes after them.
     */
    public static final Set<String> KNOWN =
            Set.of("VP8X", "ICCP", "ANIM", "ALPH", "VP8 ", "VP8L", "ANMF", "EXIF", "XMP ");

    /** Sub-chunks of one ANMF frame looked at before the file is refused. */
    static final int MAX_FRAME_CHUNKS = 16;

    /**
     * The file's chunks, after checking that its structure holds together, so that a writer copying them
     * never carries a lie forward: the RIFF form is {@code WEBP}, every chunk lies whole inside the file
     * and inside the size the RIFF header declares (RFC 9649 §2.4: the file size field covers every
     * chunk), the first chunk is {@code VP8 }, {@code VP8L} or {@code VP8X} (§2.5-2.7), and the chunks
     * nested in each {@code ANMF} frame (§2.7.1.1: a 16-byte frame header, then frame data chunks) lie
     * inside that frame.
     *
     * @throws IllegalArgumentException naming the chunk, its offset and the size that was wrong
     */
    public static RiffChunks.Result check(byte[] webp) throws IOException {
        if (webp.length < 12 || !Bytes.startsWith(webp, 0, "RIFF"))
            throw new IllegalArgumentException("not a RIFF/WebP file");
        if (!Bytes.startsWith(webp, 8, "WEBP"))
            throw new IllegalArgumentException(
                    "not a well-formed WebP file: the RIFF form is '" + Bytes.ascii(webp, 8, 4) + "', not WEBP");
        RiffChunks.Result r = RiffChunks.walk(MediaSource.of(webp));
        if (!r.problem().isEmpty()) throw new IllegalArgumentException("not a well-formed WebP file: " + r.problem());
        if (r.chunks().isEmpty())
            throw new IllegalArgumentException("not a well-formed WebP file: the RIFF header declares " + r.riffEnd()
                    + " bytes, too few for any chunk");
        for (RiffChunks.Chunk c : r.chunks()) {
            long end = c.dataOffset() + c.length();
            if (end > r.riffEnd()) {
                throw new IllegalArgumentException("not a well-formed WebP file: chunk '" + c.id() + "' at offset "
                        + (c.dataOffset() - 8) + " declares " + c.length() + " bytes, ending at " + end
                        + ", past the " + r.riffEnd() + " bytes the RIFF header declares");
            }
            if (c.id().equals("ANMF")) frame(webp, c);
        }
        String first = r.chunks().get(0).id();
        if (!first.equals("VP8 ") && !first.equals("VP8L") && !first.equals("VP8X"))
            throw new IllegalArgumentException("WebP starts with chunk '" + first + "', not VP8/VP8L/VP8X");
        return r;
    }

    /** §2.7.1.1: an ANMF frame is a 16-byte header (offsets, size, duration, flags), then whole chunks. */
    private static void frame(byte[] b, RiffChunks.Chunk anmf) {
        long at = anmf.dataOffset() - 8;
        if (anmf.length() < 16)
            throw new IllegalArgumentException("not a well-formed WebP file: the ANMF frame at offset " + at + " is "
                    + anmf.length() + " bytes; its header alone needs 16");
        long pos = anmf.dataOffset() + 16, end = anmf.dataOffset() + anmf.length();
        for (int n = 0; pos + 8 <= end; n++) {
            if (n >= MAX_FRAME_CHUNKS)
                throw new IllegalArgumentException("not a well-formed WebP file: the ANMF frame at offset " + at
                        + " holds more than " + MAX_FRAME_CHUNKS + " chunks");
            String id = Bytes.ascii(b, (int) pos, 4);
            long len = Bytes.u32le(b, (int) pos + 4);
            if (len > end - pos - 8) {
                throw new IllegalArgumentException("not a well-formed WebP file: chunk '" + id + "' at offset " + pos
                        + " inside the ANMF frame at offset " + at + " declares " + len + " bytes but the frame has "
                        + (end - pos - 8) + " left");
            }
            pos += 8 + len + (len & 1);
        }
    }

    /** The file in extended format with {@code flags} ORed into VP8X; already-extended files only get the flags. */
    public static byte[] ensure(byte[] webp, int flags) throws IOException {
        RiffChunks.Result r = check(webp);
        RiffChunks.Chunk first = r.chunks().get(0);
        if (first.id().equals("VP8X")) {
            if (first.length() < 10)
                throw new IllegalArgumentException(
                        "the VP8X chunk is " + first.length() + " bytes; RFC 9649 §2.7 gives it 10");
            byte[] out = webp.clone();
            out[(int) first.dataOffset()] |= (byte) flags;
            return out;
        }
        int[] wha = first.id().equals("VP8 ") ? vp8(webp, first) : vp8l(webp, first);
        if (wha[0] == 0 || wha[1] == 0)
            throw new IllegalArgumentException("the " + first.id().trim() + " image is " + wha[0] + "x" + wha[1]
                    + " pixels; a WebP canvas is at least 1x1");
        byte[] x = new byte[10];
        x[0] = (byte) (flags | wha[2]);
        put24(x, 4, wha[0] - 1);
        put24(x, 7, wha[1] - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(webp.length + 18);
        out.write(webp, 0, 12);
        out.writeBytes(RiffChunkWriter.chunk("VP8X", x));
        // Only the chunks, not bytes past the declared RIFF end, which belong to no chunk.
        RiffChunks.Chunk last = r.chunks().get(r.chunks().size() - 1);
        long end = last.dataOffset() + last.length() + (last.length() & 1);
        out.write(webp, 12, (int) Math.min(webp.length, end) - 12);
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
