package org.pramaan.media.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.media.MediaSource;

/** Lists the chunks of a RIFF file (WAV, WebP): {@code RIFF <size> <form>} then {@code <id> <size> <data> [pad]}. */
public final class RiffChunks {
    public static final int MAX_CHUNKS = 10_000;

    /** One chunk: four-character id, where its data starts, its declared length. */
    public record Chunk(String id, long dataOffset, long length) {}

    /**
     * What a walk over a RIFF file's chunks found.
     *
     * @param form       the form type, e.g. {@code WAVE}, {@code WEBP}
     * @param riffEnd    where the RIFF header says the file ends
     * @param chunks     chunks read whole
     * @param problem    why the walk stopped early, or empty
     */
    public record Result(String form, long riffEnd, List<Chunk> chunks, String problem) {}

    private RiffChunks() {}

    public static Result walk(MediaSource src) throws IOException {
        // A file shorter than the RIFF header is a problem to report, not a read past the end.
        if (src.size() < 12)
            return new Result("", 0, List.of(), "file is " + src.size() + " bytes; the RIFF header needs 12");
        byte[] h = src.read(0, 12);
        long riffEnd = 8 + Bytes.u32le(h, 4);
        String form = Bytes.ascii(h, 8, 4);
        List<Chunk> out = new ArrayList<>();
        long end = Math.min(riffEnd, src.size());
        long pos = 12;
        while (pos + 8 <= end) {
            if (out.size() >= MAX_CHUNKS) return new Result(form, riffEnd, out, "more than " + MAX_CHUNKS + " chunks");
            byte[] c = src.read(pos, 8);
            String id = Bytes.ascii(c, 0, 4);
            long len = Bytes.u32le(c, 4);
            if (pos + 8 + len > src.size()) {
                return new Result(
                        form,
                        riffEnd,
                        out,
                        "chunk '" + id + "' at offset " + pos + " declares " + len + " bytes but the file ends first");
            }
            out.add(new Chunk(id, pos + 8, len));
            pos += 8 + len + (len & 1); // chunks are padded to even length (RIFF spec)
        }
        if (riffEnd > src.size()) {
            return new Result(
                    form,
                    riffEnd,
                    out,
                    "the RIFF header declares " + riffEnd + " bytes but the file has " + src.size());
        }
        return new Result(form, riffEnd, out, "");
    }
}
