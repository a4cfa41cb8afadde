package org.pramaan.media.container;

import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/** JPEG marker segments (T.81 §B.1): a result whose segments lie inside the file, never an exception. */
public final class JpegSegmentsFuzzer {
    private JpegSegmentsFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        JpegSegments.Result r = JpegSegments.walk(MediaSource.of(data));
        for (JpegSegment s : r.segments())
            Contract.inside(
                    s.payloadOffset(), s.payloadLength(), data.length, "segment 0x" + Integer.toHexString(s.marker()));
        Contract.check(r.problem() != null, "null problem");
    }
}
