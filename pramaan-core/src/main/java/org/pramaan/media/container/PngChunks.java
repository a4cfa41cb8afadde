package org.pramaan.media.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.pramaan.media.MediaSource;

/** Lists a PNG's chunks in file order, checking each CRC, and stops at IEND. */
public final class PngChunks {
    public static final int MAX_CHUNKS = 100_000;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * What a walk over a PNG file's chunks found.
     *
     * @param chunks  chunks in file order (the ones read whole)
     * @param endSeen whether IEND was reached
     * @param problem why the walk stopped early, or empty
     */
    public record Result(List<PngChunk> chunks, boolean endSeen, String problem) {
        public boolean complete() {
            return endSeen && problem.isEmpty();
        }
    }

    private PngChunks() {}

    public static boolean hasSignature(byte[] head) {
        if (head.length < SIGNATURE.length) return false;
        for (int i = 0; i < SIGNATURE.length; i++) if (head[i] != SIGNATURE[i]) return false;
        return true;
    }

    public static Result walk(MediaSource src) throws IOException {
        List<PngChunk> out = new ArrayList<>();
        long size = src.size();
        if (size < 8 || !hasSignature(src.read(0, 8))) return new Result(out, false, "no PNG signature at offset 0");
        long pos = 8;
        while (pos < size) {
            if (out.size() >= MAX_CHUNKS) return new Result(out, false, "more than " + MAX_CHUNKS + " chunks");
            if (pos + 8 > size) return new Result(out, false, "file ends inside a chunk header at offset " + pos);
            byte[] head = src.read(pos, 8);
            long len = ((head[0] & 0xFFL) << 24)
                    | ((head[1] & 0xFFL) << 16)
                    | ((head[2] & 0xFFL) << 8)
                    | (head[3] & 0xFFL);
            String type = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return new Result(out, false, "invalid chunk type at offset " + pos);
            }
            if (len > Integer.MAX_VALUE)
                return new Result(
                        out,
                        false,
                        "chunk " + type + " at offset " + pos + " declares length " + len + " (over 2^31-1)");
            long data = pos + 8;
            if (data + len + 4 > size) {
                return new Result(
                        out,
                        false,
                        "chunk " + type + " at offset " + pos + " declares " + len + " bytes but the file ends first");
            }
            out.add(new PngChunk(type, pos, data, (int) len, crcMatches(src, pos + 4, (int) len + 4, data + len)));
            pos = data + len + 4;
            if (type.equals("IEND")) return new Result(out, true, "");
        }
        return new Result(out, false, "file ends before IEND");
    }

    /** Reads a chunk's data; callers bound {@code chunk.length()} first. */
    public static byte[] data(MediaSource src, PngChunk chunk) throws IOException {
        return src.read(chunk.dataOffset(), chunk.length());
    }

    private static boolean crcMatches(MediaSource src, long from, int len, long crcAt) throws IOException {
        CRC32 crc = new CRC32();
        src.checksum(from, len, crc);
        byte[] c = src.read(crcAt, 4);
        long stored = ((c[0] & 0xFFL) << 24) | ((c[1] & 0xFFL) << 16) | ((c[2] & 0xFFL) << 8) | (c[3] & 0xFFL);
        return stored == crc.getValue();
    }
}
