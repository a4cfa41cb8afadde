package org.pramaan.provenance;

import org.pramaan.media.MediaSource;

/** EXIF/TIFF text tags (CIPA DC-008) from a buffer and tag presence over a source: never an exception. */
public final class TiffTagsFuzzer {
    private TiffTagsFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        TiffTags.text(data);
        TiffTags.hasTag(MediaSource.of(data), 0xCD41);
    }
}
