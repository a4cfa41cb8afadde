package org.pramaan.media.container;

import java.util.Optional;
import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/** TIFF IFD chains (TIFF 6.0 §2): a found value lies inside the file; loops and huge counts end the walk. */
public final class TiffIfdsFuzzer {
    private TiffIfdsFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        MediaSource src = MediaSource.of(data);
        for (int tag : new int[] {0xCD41, 0x0131, 0x8769}) {
            Optional<TiffIfds.Value> v = TiffIfds.find(src, tag);
            if (v.isPresent()) Contract.inside(v.get().offset(), v.get().length(), data.length, "tag " + tag);
        }
    }
}
