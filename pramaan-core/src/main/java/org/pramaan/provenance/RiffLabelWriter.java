package org.pramaan.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.pramaan.media.container.RiffChunkWriter;

/**
 * The GB 45438 label in a WAV file: a chunk {@code AIGC} holding the JSON, appended at the end of the
 * RIFF form. Why a dedicated chunk and not LIST/INFO: INFO is a closed list of registered ids
 * (IART, ICMT, ISFT, …; RIFF MCI 1991 §3) and tag editors rewrite it, dropping ids they do not know,
 * whereas RIFF readers must skip unknown chunks and editors copy them; the chunk id matching the
 * label's key is also how TC260 practice carries it in RIFF. LIST/INFO {@code AIGC} entries are still
 * read. Earlier {@code AIGC} chunks are dropped; {@code fmt }, {@code data} and all else stay as they are.
 */
final class RiffLabelWriter {
    private RiffLabelWriter() {}

    static byte[] write(byte[] wav, String aigcJson) throws IOException {
        return RiffChunkWriter.replace(wav, c -> c.id().equals("AIGC"), "AIGC", aigcJson.getBytes(StandardCharsets.US_ASCII)).bytes();
    }
}
