package org.pramaan.media.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import org.pramaan.media.MediaSource;

/**
 * Rewrites a PNG's chunk list: drops the chunks a predicate selects and inserts one chunk right before
 * the first IDAT. Before IDAT is where ancillary metadata chunks (iTXt, caBX) belong so that streaming
 * readers see them before the image data (ISO/IEC 15948 §5.6 ordering; C2PA 2.2 §A.3.2).
 */
public final class PngChunkWriter {
    private PngChunkWriter() {}

    public static Spliced replace(byte[] png, Predicate<PngChunk> drop, String type, byte[] data) throws IOException {
        if (type.length() != 4 || !type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            throw new IllegalArgumentException("'" + type + "' is not a PNG chunk type (four ASCII letters)");
        }
        PngChunks.Result r = PngChunks.walk(MediaSource.of(png));
        if (!r.complete()) throw new IllegalArgumentException("not a well-formed PNG: " + r.problem());
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + data.length + 12);
        out.write(png, 0, 8);
        long start = -1;
        for (PngChunk c : r.chunks()) {
            if (start < 0 && (c.type().equals("IDAT") || c.type().equals("IEND"))) {
                start = out.size();
                out.write(chunk(type, data));
            }
            if (c.type().equals("IHDR") || c.type().equals("IDAT") || c.type().equals("IEND") || !drop.test(c)) {
                out.write(png, (int) c.offset(), c.length() + 12);
            }
        }
        return new Spliced(out.toByteArray(), start, data.length + 12L);
    }

    /** {@code length(u32) type data crc32(type + data)} (ISO/IEC 15948 §5.3). */
    public static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
        writeU32(out, data.length);
        out.writeBytes(t);
        out.writeBytes(data);
        writeU32(out, crc.getValue());
        return out.toByteArray();
    }

    static void writeU32(ByteArrayOutputStream out, long v) {
        for (int i = 3; i >= 0; i--) out.write((int) (v >>> (8 * i)) & 0xFF);
    }
}
