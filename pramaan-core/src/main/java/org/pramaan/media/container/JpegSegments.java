package org.pramaan.media.container;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.media.MediaSource;

/**
 * Lists a JPEG's header segments from SOI up to and including the first SOS. Metadata (EXIF, XMP,
 * JUMBF/C2PA, ICC) always precedes the scan data, so the entropy-coded data is never read.
 */
public final class JpegSegments {
    /** More segments than this is not a real photo but a parser attack. */
    public static final int MAX_SEGMENTS = 10_000;
    /** T.81 allows 0xFF fill before a marker, but a file of nothing else must not be crawled byte by byte. */
    public static final int MAX_FILL_BYTES = 65_536;

    /**
     * What a walk over a JPEG file's segments found.
     *
     * @param segments    segments in file order
     * @param reachedScan whether an SOS marker was found (a file cut before it is truncated)
     * @param problem     why the walk stopped early, or empty
     */
    public record Result(List<JpegSegment> segments, boolean reachedScan, String problem) {
        public boolean complete() {
            return reachedScan && problem.isEmpty();
        }
    }

    private JpegSegments() {}

    public static boolean hasSignature(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
    }

    public static Result walk(MediaSource src) throws IOException {
        List<JpegSegment> out = new ArrayList<>();
        long size = src.size();
        if (size < 4 || !hasSignature(src.read(0, 3))) return new Result(out, false, "no JPEG SOI marker at offset 0");
        long pos = 2;
        while (pos + 2 <= size) {
            if (out.size() >= MAX_SEGMENTS) return new Result(out, false, "more than " + MAX_SEGMENTS + " segments");
            int ff = src.read(pos, 1)[0] & 0xFF;
            if (ff != 0xFF)
                return new Result(
                        out,
                        false,
                        "expected a marker (0xFF) at offset " + pos + ", found 0x" + Integer.toHexString(ff));
            long markerPos = pos;
            int marker;
            int fill = 0;
            do { // fill bytes (T.81 §B.1.1.2) may precede a marker
                pos++;
                if (pos >= size) return new Result(out, false, "file ends inside marker at offset " + markerPos);
                if (++fill > MAX_FILL_BYTES)
                    return new Result(
                            out, false, "more than " + MAX_FILL_BYTES + " fill bytes (0xFF) at offset " + markerPos);
                marker = src.read(pos, 1)[0] & 0xFF;
            } while (marker == 0xFF);
            pos++;
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.add(new JpegSegment(marker, markerPos, pos, 0));
                continue;
            }
            if (marker == 0xD9) {
                out.add(new JpegSegment(marker, markerPos, pos, 0));
                return new Result(out, false, "EOI before any scan (SOS) at offset " + markerPos);
            }
            if (pos + 2 > size)
                return new Result(
                        out,
                        false,
                        "file ends inside the length of marker 0x" + Integer.toHexString(marker) + " at offset "
                                + markerPos);
            byte[] l = src.read(pos, 2);
            int len = ((l[0] & 0xFF) << 8) | (l[1] & 0xFF);
            if (len < 2)
                return new Result(
                        out,
                        false,
                        "segment 0x" + Integer.toHexString(marker) + " at offset " + markerPos + " has invalid length "
                                + len);
            long payload = pos + 2;
            if (payload + (len - 2) > size) {
                return new Result(
                        out,
                        false,
                        "segment 0x" + Integer.toHexString(marker) + " at offset " + markerPos + " declares " + len
                                + " bytes but the file ends first");
            }
            out.add(new JpegSegment(marker, markerPos, payload, len - 2));
            if (marker == 0xDA) return new Result(out, true, "");
            pos = payload + (len - 2);
        }
        return new Result(out, false, "file ends before the first scan (SOS)");
    }
}
