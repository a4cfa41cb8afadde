package org.pramaan.media.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.pramaan.media.MediaSource;

/**
 * Rebuilds the leading ID3v2 tag of an MP3: keeps the frames a predicate does not drop, appends new
 * frames, and writes a fresh header with the new size (no padding, no extended header). An existing
 * v2.3 tag stays v2.3; a file without a tag gets v2.4 (id3v2.4.0-structure §3.1). Unsynchronised tags
 * (flag bit 7) are refused: rewriting them would need re-unsynchronising every frame.
 */
public final class Id3TagWriter {
    /** A frame to add: four-character id and frame content. */
    public record NewFrame(String id, byte[] data) {}

    private Id3TagWriter() {}

    public static Spliced replace(byte[] mp3, Predicate<Id3Frames.Frame> drop, List<NewFrame> add) throws IOException {
        Id3Frames.Result r = Id3Frames.walk(MediaSource.of(mp3));
        if (!r.problem().isEmpty()) throw new IllegalArgumentException("invalid ID3v2 tag: " + r.problem());
        boolean hasTag = mp3.length >= 10 && Bytes.startsWith(mp3, 0, "ID3");
        int version = hasTag ? r.version() : 4;
        if (version != 3 && version != 4)
            throw new IllegalArgumentException("ID3v2." + version + " tags are not rewritten (only v2.3 and v2.4)");
        int flags = hasTag ? mp3[5] & 0xFF : 0;
        if ((flags & 0x80) != 0) throw new IllegalArgumentException("unsynchronised ID3v2 tags are not rewritten");
        long audio = hasTag ? 10 + syncsafe(mp3, 6) + ((flags & 0x10) != 0 ? 10 : 0) : 0;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Id3Frames.Frame f : r.frames())
            if (!drop.test(f)) body.write(mp3, (int) f.offset(), (int) (f.length() + 10));
        long start = 10L + body.size();
        for (NewFrame f : add) body.writeBytes(frame(version, f.id(), f.data()));
        long length = 10 + body.size() - start;
        if (body.size() >= 1 << 28)
            throw new IllegalArgumentException("ID3v2 tag would exceed 256 MiB (28-bit syncsafe size)");
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) (mp3.length - audio + 10 + body.size()));
        out.writeBytes(new byte[] {'I', 'D', '3', (byte) version, 0, 0});
        out.writeBytes(syncsafe(body.size()));
        out.writeBytes(body.toByteArray());
        out.write(mp3, (int) audio, mp3.length - (int) audio);
        return new Spliced(out.toByteArray(), start, length);
    }

    /** {@code id size flags(2) data}; v2.4 sizes are syncsafe (§4.1), v2.3 plain 32-bit (id3v2.3.0 §3.3). */
    public static byte[] frame(int version, String id, byte[] data) {
        if (id.length() != 4) throw new IllegalArgumentException("'" + id + "' is not a four-character ID3v2 frame id");
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 10);
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        if (version == 4) out.writeBytes(syncsafe(data.length));
        else for (int i = 3; i >= 0; i--) out.write(data.length >>> (8 * i));
        out.write(0);
        out.write(0);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /**
     * GEOB content (id3v2.4.0-frames §4.15): encoding 0 (ISO-8859-1), MIME type, file name and
     * description, each NUL-terminated, then the object.
     */
    public static byte[] geob(String mime, String fileName, String description, byte[] object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 64);
        out.write(0);
        for (String s : List.of(mime, fileName, description)) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        out.writeBytes(object);
        return out.toByteArray();
    }

    static byte[] syncsafe(int v) {
        if (v < 0 || v >= 1 << 28) throw new IllegalArgumentException("size " + v + " does not fit 28 bits");
        return new byte[] {
            (byte) ((v >>> 21) & 0x7F), (byte) ((v >>> 14) & 0x7F), (byte) ((v >>> 7) & 0x7F), (byte) (v & 0x7F)
        };
    }

    private static long syncsafe(byte[] b, int o) {
        return ((b[o] & 0x7FL) << 21) | ((b[o + 1] & 0x7FL) << 14) | ((b[o + 2] & 0x7FL) << 7) | (b[o + 3] & 0x7FL);
    }
}
