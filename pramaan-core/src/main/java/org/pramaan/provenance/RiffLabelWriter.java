package org.pramaan.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.RiffChunkWriter;
import org.pramaan.media.container.RiffChunks;

/**
 * The GB 45438 label in a WAV file: a chunk {@code AIGC} holding the JSON, appended at the end of the
 * RIFF form. Why a dedicated chunk and not LIST/INFO: INFO is a closed list of registered ids
 * (IART, ICMT, ISFT, …; RIFF MCI 1991 §3) and tag editors rewrite it, dropping ids they do not know,
 * whereas RIFF readers must skip unknown chunks and editors copy them; the chunk id matching the
 * label's key is also how TC260 practice carries it in RIFF. LIST/INFO {@code AIGC} entries are still
 * read, and one found is taken out of its LIST (the LIST then moves to the end) so that a file keeps a
 * single label. Earlier {@code AIGC} chunks are dropped; {@code fmt }, {@code data} and all else stay
 * as they are.
 */
public final class RiffLabelWriter {
    private RiffLabelWriter() {}

    public static byte[] write(byte[] wav, String aigcJson) throws IOException {
        byte[] f = wav;
        RiffChunks.Result r = RiffChunks.walk(MediaSource.of(wav));
        for (RiffChunks.Chunk c : r.problem().isEmpty() ? r.chunks() : List.<RiffChunks.Chunk>of()) {
            if (!c.id().equals("LIST") || c.length() > MetadataBlocks.MAX_BLOCK) continue;
            byte[] info = Arrays.copyOfRange(wav, (int) c.dataOffset(), (int) (c.dataOffset() + c.length()));
            byte[] without = infoWithoutAigc(info);
            if (without.length == info.length) continue;
            f = RiffChunkWriter.replace(wav, x -> x.dataOffset() == c.dataOffset(), "LIST", without)
                    .bytes();
            break;
        }
        return RiffChunkWriter.replace(f, c -> c.id().equals("AIGC"), "AIGC", aigcJson.getBytes(StandardCharsets.UTF_8))
                .bytes();
    }

    /** The LIST data with its INFO {@code AIGC} entries removed (the same bytes when it has none, or is not INFO). */
    static byte[] infoWithoutAigc(byte[] d) {
        if (d.length < 4 || !Bytes.startsWith(d, 0, "INFO")) return d;
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(d, 0, 4);
        int p = 4;
        while (p + 8 <= d.length) {
            long len = Bytes.u32le(d, p + 4);
            if (len > d.length - p - 8) return d; // damaged: leave it as it is
            int whole = (int) Math.min(d.length - p, 8 + len + (len & 1));
            if (!Bytes.ascii(d, p, 4).equals("AIGC")) out.write(d, p, whole);
            p += whole;
        }
        out.write(d, p, d.length - p); // trailing bytes too short for an entry are kept, not judged
        return out.toByteArray();
    }
}
