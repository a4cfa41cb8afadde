package org.pramaan.media.container;

import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/** PNG chunks (ISO/IEC 15948 §5.3): every chunk listed can be read back, CRC checked, no exception. */
public final class PngChunksFuzzer {
    private PngChunksFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        MediaSource src = MediaSource.of(data);
        PngChunks.Result r = PngChunks.walk(src);
        for (PngChunk c : r.chunks()) {
            Contract.inside(c.dataOffset(), c.length() + 4L, data.length, "chunk " + c.type());
            PngChunks.data(src, c);
        }
    }
}
