package org.pramaan.media.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.media.MediaSource;

/**
 * Walks a GIF's block stream (GIF89a §17-27): header, logical screen descriptor and colour table,
 * then extensions (0x21), images (0x2C) and the trailer (0x3B). Application extensions (label 0xFF)
 * are returned with their concatenated data sub-blocks; image data is skipped sub-block by sub-block.
 */
public final class GifBlocks {
    public static final int MAX_BLOCKS = 100_000;

    /** An application extension: 8-character identifier (3-byte auth code dropped), data sub-blocks joined. */
    public record Extension(String identifier, long offset, byte[] data) {}

    public record Result(List<Extension> applications, String problem) {}

    private GifBlocks() {}

    /**
     * Walks the blocks of a GIF file.
     *
     * @param maxData the most application data kept for one extension; bigger ones are reported as a problem
     */
    public static Result walk(MediaSource src, int maxData) throws IOException {
        List<Extension> apps = new ArrayList<>();
        long size = src.size();
        if (size < 13 || !Bytes.startsWith(src.read(0, 6), 0, "GIF8")) return new Result(apps, "no GIF signature");
        byte[] lsd = src.read(6, 7);
        long pos = 13L + colourTable(lsd[4]);
        for (int n = 0; n < MAX_BLOCKS; n++) {
            if (pos >= size) return new Result(apps, "file ends before the trailer (0x3B)");
            int b = src.read(pos, 1)[0] & 0xFF;
            if (b == 0x3B) return new Result(apps, "");
            if (b == 0x21) {
                if (pos + 2 > size) return new Result(apps, "file ends inside an extension at offset " + pos);
                int label = src.read(pos + 1, 1)[0] & 0xFF;
                long start = pos;
                pos += 2;
                if (label == 0xFF && pos + 12 <= size && (src.read(pos, 1)[0] & 0xFF) == 11) {
                    String id = Bytes.ascii(src.read(pos + 1, 8), 0, 8);
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    pos = subBlocks(src, pos + 12, data, maxData);
                    if (pos < 0)
                        return new Result(
                                apps,
                                "application extension at offset " + start + " is cut short or over " + maxData
                                        + " bytes");
                    apps.add(new Extension(id, start, data.toByteArray()));
                    continue;
                }
                pos = subBlocks(src, pos, null, 0);
            } else if (b == 0x2C) {
                if (pos + 10 > size) return new Result(apps, "file ends inside an image descriptor at offset " + pos);
                byte[] d = src.read(pos, 10);
                pos = subBlocks(src, pos + 10 + colourTable(d[9]) + 1, null, 0); // +1: LZW minimum code size
            } else {
                return new Result(apps, "unknown block 0x" + Integer.toHexString(b) + " at offset " + pos);
            }
            if (pos < 0) return new Result(apps, "data sub-blocks run past the end of the file");
        }
        return new Result(apps, "more than " + MAX_BLOCKS + " blocks");
    }

    private static int colourTable(byte packed) {
        return (packed & 0x80) != 0 ? 3 * (1 << ((packed & 7) + 1)) : 0;
    }

    /** Skips (or collects) sub-blocks up to the zero-length terminator; returns the position after it, or -1. */
    private static long subBlocks(MediaSource src, long pos, ByteArrayOutputStream keep, int max) throws IOException {
        long size = src.size();
        while (pos < size) {
            int len = src.read(pos, 1)[0] & 0xFF;
            pos++;
            if (len == 0) return pos;
            if (pos + len > size) return -1;
            if (keep != null) {
                if (keep.size() + len > max) return -1;
                keep.write(src.read(pos, len), 0, len);
            }
            pos += len;
        }
        return -1;
    }
}
