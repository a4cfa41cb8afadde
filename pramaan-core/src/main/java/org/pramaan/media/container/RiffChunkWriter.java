package org.pramaan.media.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.pramaan.media.MediaSource;

/**
 * Rewrites a RIFF file (WAV, WebP, AVI): drops the chunks a predicate selects, appends one chunk at the
 * end of the RIFF form and fixes the RIFF size. Appending leaves every earlier chunk where it was,
 * which is what C2PA 2.2 §A.3.6 writers do for the {@code C2PA} chunk. Odd-length chunks get their
 * pad byte (RIFF: chunks are word aligned); the reported span covers header, data and pad.
 */
public final class RiffChunkWriter {
    private RiffChunkWriter() {}

    public static Spliced replace(byte[] riff, Predicate<RiffChunks.Chunk> drop, String id, byte[] data)
            throws IOException {
        return replaceBefore(riff, drop, c -> false, id, data);
    }

    /**
     * As {@link #replace}, but the new chunk goes before the first kept chunk {@code before} selects (at
     * the end when none does): WebP's XMP chunk must precede unknown chunks such as C2PA's (RFC 9649
     * §2.7, extended file layout).
     */
    public static Spliced replaceBefore(
            byte[] riff, Predicate<RiffChunks.Chunk> drop, Predicate<RiffChunks.Chunk> before, String id, byte[] data)
            throws IOException {
        if (id.length() != 4) throw new IllegalArgumentException("'" + id + "' is not a four-character RIFF chunk id");
        if (riff.length < 12 || !Bytes.startsWith(riff, 0, "RIFF"))
            throw new IllegalArgumentException("not a RIFF file");
        RiffChunks.Result r = RiffChunks.walk(MediaSource.of(riff));
        if (!r.problem().isEmpty()) throw new IllegalArgumentException("not a well-formed RIFF file: " + r.problem());
        ByteArrayOutputStream out = new ByteArrayOutputStream(riff.length + data.length + 9);
        out.write(riff, 0, 12);
        byte[] added = chunk(id, data);
        long start = -1;
        for (RiffChunks.Chunk c : r.chunks()) {
            if (drop.test(c)) continue;
            if (start < 0 && before.test(c)) {
                start = out.size();
                out.writeBytes(added);
            }
            long end = Math.min(riff.length, c.dataOffset() + c.length() + (c.length() & 1));
            out.write(riff, (int) c.dataOffset() - 8, (int) (end - c.dataOffset() + 8));
            if ((c.length() & 1) == 1 && end == c.dataOffset() + c.length()) out.write(0); // a missing final pad byte
        }
        if (start < 0) {
            start = out.size();
            out.writeBytes(added);
        }
        byte[] b = out.toByteArray();
        if (b.length - 8L > 0xFFFF_FFFFL) throw new IllegalArgumentException("RIFF file would exceed 4 GiB");
        putU32le(b, 4, b.length - 8L);
        return new Spliced(b, start, added.length);
    }

    /** {@code id size(u32 LE) data [pad]}. */
    public static byte[] chunk(String id, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 9);
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        byte[] size = new byte[4];
        putU32le(size, 0, data.length);
        out.writeBytes(size);
        out.writeBytes(data);
        if ((data.length & 1) == 1) out.write(0);
        return out.toByteArray();
    }

    static void putU32le(byte[] b, int o, long v) {
        for (int i = 0; i < 4; i++) b[o + i] = (byte) (v >>> (8 * i));
    }
}
