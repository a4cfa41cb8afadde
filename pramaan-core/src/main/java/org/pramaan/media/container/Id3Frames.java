package org.pramaan.media.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.media.MediaSource;

/**
 * Lists the frames of a leading ID3v2.3/2.4 tag (id3.org id3v2.3.0 §3, id3v2.4.0-structure §3-4).
 * Frame sizes are checked against the tag; a compressed frame too short for its decompressed-size
 * field is reported (the c2pa-rs fixture {@code id3v23_compression_underflow.mp3} is such a case).
 */
public final class Id3Frames {
    public static final int MAX_FRAMES = 10_000;

    public record Frame(String id, long offset, long dataOffset, long length) {}

    public record Result(int version, List<Frame> frames, String problem) {}

    /** A GEOB frame: MIME type, file name, description, then the object. */
    public record Geob(String mime, String fileName, byte[] data) {}

    private Id3Frames() {}

    public static Result walk(MediaSource src) throws IOException {
        List<Frame> out = new ArrayList<>();
        if (src.size() < 10) return new Result(0, out, "");
        byte[] h = src.read(0, 10);
        if (!Bytes.startsWith(h, 0, "ID3")) return new Result(0, out, "");
        int version = h[3];
        long end = 10 + syncsafe(h, 6);
        if (end > src.size())
            return new Result(version, out, "tag declares " + (end - 10) + " bytes but the file ends first");
        if (version != 3 && version != 4) return new Result(version, out, "");
        long pos = 10;
        if ((h[5] & 0x40) != 0 && end < 14)
            return new Result(
                    version, out, "extended header flag set but the tag is too short to hold its 4-byte size");
        if ((h[5] & 0x40) != 0)
            pos += version == 3 ? 4 + Bytes.u32be(src.read(10, 4), 0) : syncsafe(src.read(10, 4), 0);
        while (pos + 10 <= end) {
            if (out.size() >= MAX_FRAMES) return new Result(version, out, "more than " + MAX_FRAMES + " frames");
            byte[] f = src.read(pos, 10);
            if (f[0] == 0) break; // padding
            String id = Bytes.ascii(f, 0, 4);
            long len = version == 4 ? syncsafe(f, 4) : Bytes.u32be(f, 4);
            if (pos + 10 + len > end)
                return new Result(
                        version,
                        out,
                        "frame " + id + " at offset " + pos + " declares " + len + " bytes, past the tag end");
            boolean compressed = version == 3 ? (f[9] & 0x80) != 0 : (f[9] & 0x08) != 0;
            if (compressed && len < 4)
                return new Result(
                        version,
                        out,
                        "compressed frame " + id + " at offset " + pos
                                + " is shorter than its 4-byte decompressed size");
            out.add(new Frame(id, pos, pos + 10, len));
            pos += 10 + len;
        }
        return new Result(version, out, "");
    }

    /** Parses GEOB frame data (encoding byte, MIME latin-1 NUL, file name and description in the encoding, object). */
    public static Optional<Geob> geob(byte[] d) {
        if (d.length < 2) return Optional.empty();
        int enc = d[0];
        boolean wide = enc == 1 || enc == 2;
        int mimeEnd = next(d, 1, false);
        if (mimeEnd < 0) return Optional.empty();
        String mime = new String(d, 1, mimeEnd - 1, StandardCharsets.ISO_8859_1);
        int fileEnd = next(d, mimeEnd + 1, wide);
        if (fileEnd < 0) return Optional.empty();
        String file = new String(
                d, mimeEnd + 1, fileEnd - mimeEnd - 1, wide ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        int descEnd = next(d, fileEnd + (wide ? 2 : 1), wide);
        if (descEnd < 0) return Optional.empty();
        int from = descEnd + (wide ? 2 : 1);
        return Optional.of(new Geob(mime, file, java.util.Arrays.copyOfRange(d, Math.min(from, d.length), d.length)));
    }

    /** Index of the next NUL terminator (two zero bytes on an even boundary for UTF-16), or -1. */
    private static int next(byte[] d, int from, boolean wide) {
        if (!wide) {
            for (int i = from; i < d.length; i++) if (d[i] == 0) return i;
            return -1;
        }
        for (int i = from; i + 1 < d.length; i += 2) if (d[i] == 0 && d[i + 1] == 0) return i;
        return -1;
    }

    private static long syncsafe(byte[] b, int o) {
        return ((b[o] & 0x7FL) << 21) | ((b[o + 1] & 0x7FL) << 14) | ((b[o + 2] & 0x7FL) << 7) | (b[o + 3] & 0x7FL);
    }
}
