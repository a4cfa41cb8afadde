package org.pramaan.media.container;

import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/** RIFF chunks (WAV, WebP): chunks listed lie inside the file; short or odd files give a problem, not an exception. */
public final class RiffChunksFuzzer {
    private RiffChunksFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        RiffChunks.Result r = RiffChunks.walk(MediaSource.of(data));
        for (RiffChunks.Chunk c : r.chunks())
            Contract.inside(c.dataOffset(), c.length(), data.length, "chunk " + c.id());
    }
}
