package org.pramaan.media.container;

import java.util.List;
import java.util.Set;
import org.pramaan.fuzz.Contract;
import org.pramaan.media.MediaSource;

/** ISO BMFF boxes (14496-12 §4.2), walked into the usual container boxes: boxes inside the file, or a BoxException. */
public final class BmffBoxesFuzzer {
    private static final Set<String> CONTAINERS =
            Set.of("moov", "trak", "mdia", "minf", "stbl", "udta", "edts", "dinf", "moof", "traf", "mvex");

    private BmffBoxesFuzzer() {}

    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        MediaSource src = MediaSource.of(data);
        try {
            walk(src, 0, data.length, 0);
        } catch (BmffBoxes.BoxException e) {
            Contract.refused(e);
        }
    }

    private static void walk(MediaSource src, long start, long end, int depth) throws Exception {
        List<BmffBoxes.Box> boxes = BmffBoxes.children(src, start, end);
        for (BmffBoxes.Box b : boxes) {
            Contract.inside(b.payloadOffset(), b.payloadLength(), src.size(), "box " + b.type());
            if (depth < 8 && CONTAINERS.contains(b.type())) walk(src, b.payloadOffset(), b.end(), depth + 1);
        }
        BmffBoxes.first(boxes, "ftyp");
    }
}
