package org.pramaan.media.container;

import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/** GIF89a block stream: application extensions kept within the data cap, never an exception. */
public final class GifBlocksFuzzer {
    private GifBlocksFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        GifBlocks.Result r = GifBlocks.walk(MediaSource.of(data), 4096);
        for (GifBlocks.Extension e : r.applications())
            Contract.check(e.data().length <= 4096, "extension data over the cap");
    }
}
