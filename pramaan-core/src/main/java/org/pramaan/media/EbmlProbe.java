package org.pramaan.media;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.pramaan.media.container.Bytes;

/**
 * Matroska and WebM (RFC 8794 EBML, RFC 9559 Matroska): DocType from the EBML header, duration from
 * Segment/Info (Duration × TimestampScale), frame size from the first video TrackEntry. Cluster data
 * is never read.
 */
final class EbmlProbe {
    private static final long EBML = 0x1A45DFA3L,
            DOC_TYPE = 0x4282,
            SEGMENT = 0x18538067L,
            INFO = 0x1549A966L,
            TIMESTAMP_SCALE = 0x2AD7B1,
            DURATION = 0x4489,
            TRACKS = 0x1654AE6BL,
            TRACK_ENTRY = 0xAE,
            VIDEO = 0xE0,
            PIXEL_WIDTH = 0xB0,
            PIXEL_HEIGHT = 0xBA,
            CLUSTER = 0x1F43B675L;
    private static final long UNKNOWN = -1;
    private static final int MAX_ELEMENTS = 10_000;

    private record Element(long id, long dataOffset, long size) {
        long end(long parentEnd) {
            return size == UNKNOWN ? parentEnd : dataOffset + size;
        }
    }

    private EbmlProbe() {}

    static boolean docTypeIsWebm(MediaSource src) throws IOException {
        try {
            Element header = element(src, 0, src.size());
            for (Element e : children(src, header.dataOffset(), header.end(src.size()))) {
                if (e.id() == DOC_TYPE) return "webm".equals(string(src, e));
            }
        } catch (MediaRejectedException | IOException | RuntimeException e) {
            return false; // the full probe reports what is wrong
        }
        return false;
    }

    static MediaInfo probe(MediaSource src) throws IOException, MediaRejectedException {
        long size = src.size();
        Element header = element(src, 0, size);
        if (header.id() != EBML) throw Refusal.corrupt("Matroska file does not start with an EBML header");
        String docType = "";
        for (Element e : children(src, header.dataOffset(), header.end(size)))
            if (e.id() == DOC_TYPE) docType = string(src, e);
        MediaType type = switch (docType) {
            case "webm" -> MediaType.WEBM;
            case "matroska" -> MediaType.MKV;
            default -> throw Refusal.corrupt("EBML DocType '" + docType + "' is neither webm nor matroska");
        };
        long pos = header.end(size);
        Element segment = element(src, pos, size);
        if (segment.id() != SEGMENT) throw Refusal.corrupt(type + ": expected a Segment element at offset " + pos);
        long scale = 1_000_000;
        Optional<Double> duration = Optional.empty();
        Optional<Dimensions> dims = Optional.empty();
        for (Element e : children(src, segment.dataOffset(), segment.end(size))) {
            if (e.id() == CLUSTER) break;
            if (e.id() == INFO) {
                for (Element i : children(src, e.dataOffset(), e.end(size))) {
                    if (i.id() == TIMESTAMP_SCALE) scale = uint(src, i);
                    if (i.id() == DURATION) duration = Optional.of(floatValue(src, i, type));
                }
            } else if (e.id() == TRACKS && dims.isEmpty()) {
                dims = videoSize(src, e, size, type);
            }
        }
        long s = scale;
        return new MediaInfo(type, size, dims, duration.map(d -> Duration.ofNanos((long) (d * s))));
    }

    private static Optional<Dimensions> videoSize(MediaSource src, Element tracks, long size, MediaType type)
            throws IOException, MediaRejectedException {
        for (Element entry : children(src, tracks.dataOffset(), tracks.end(size))) {
            if (entry.id() != TRACK_ENTRY) continue;
            for (Element v : children(src, entry.dataOffset(), entry.end(size))) {
                if (v.id() != VIDEO) continue;
                long w = 0, h = 0;
                for (Element p : children(src, v.dataOffset(), v.end(size))) {
                    if (p.id() == PIXEL_WIDTH) w = uint(src, p);
                    if (p.id() == PIXEL_HEIGHT) h = uint(src, p);
                }
                return Optional.of(Refusal.dims(type, w, h));
            }
        }
        return Optional.empty();
    }

    private static java.util.List<Element> children(MediaSource src, long start, long end)
            throws IOException, MediaRejectedException {
        java.util.List<Element> out = new java.util.ArrayList<>();
        long pos = start;
        while (pos < end) {
            if (out.size() >= MAX_ELEMENTS)
                throw Refusal.corrupt("Matroska: more than " + MAX_ELEMENTS + " elements at offset " + start);
            Element e = element(src, pos, end);
            out.add(e);
            if (e.size() == UNKNOWN) break;
            pos = e.dataOffset() + e.size();
        }
        return out;
    }

    /** An element header: ID (VINT with its marker kept), then size (VINT, all ones = unknown). */
    private static Element element(MediaSource src, long pos, long end) throws IOException, MediaRejectedException {
        byte[] b = src.readUpTo(pos, 12);
        if (b.length == 0)
            throw Refusal.truncated("Matroska: file ends where an element should start at offset " + pos);
        int idLen = vintLength(b[0]);
        if (idLen == 0 || idLen > 4) throw Refusal.corrupt("Matroska: invalid element ID at offset " + pos);
        if (b.length < idLen + 1)
            throw Refusal.truncated("Matroska: file ends inside an element header at offset " + pos);
        long id = 0;
        for (int i = 0; i < idLen; i++) id = (id << 8) | (b[i] & 0xFF);
        int sizeLen = vintLength(b[idLen]);
        if (sizeLen == 0) throw Refusal.corrupt("Matroska: invalid element size at offset " + (pos + idLen));
        if (b.length < idLen + sizeLen)
            throw Refusal.truncated("Matroska: file ends inside an element header at offset " + pos);
        long size = b[idLen] & (0xFF >> sizeLen);
        boolean allOnes = size == (0xFF >> sizeLen);
        for (int i = 1; i < sizeLen; i++) {
            size = (size << 8) | (b[idLen + i] & 0xFF);
            allOnes &= (b[idLen + i] & 0xFF) == 0xFF;
        }
        long data = pos + idLen + sizeLen;
        if (allOnes) return new Element(id, data, UNKNOWN);
        if (size > end - data) {
            throw Refusal.truncated("Matroska: element 0x" + Long.toHexString(id) + " at offset " + pos + " declares "
                    + size + " bytes but only " + (end - data) + " remain");
        }
        return new Element(id, data, size);
    }

    private static int vintLength(byte first) {
        int b = first & 0xFF;
        return b == 0 ? 0 : Integer.numberOfLeadingZeros(b) - 23;
    }

    private static long uint(MediaSource src, Element e) throws IOException, MediaRejectedException {
        if (e.size() < 1 || e.size() > 8)
            throw Refusal.corrupt(
                    "Matroska: unsigned integer element 0x" + Long.toHexString(e.id()) + " has " + e.size() + " bytes");
        byte[] b = src.read(e.dataOffset(), (int) e.size());
        long v = 0;
        for (byte x : b) v = (v << 8) | (x & 0xFF);
        return v;
    }

    private static double floatValue(MediaSource src, Element e, MediaType type)
            throws IOException, MediaRejectedException {
        byte[] b = src.read(e.dataOffset(), (int) Math.min(8, Math.max(0, e.size())));
        if (e.size() == 4) return Float.intBitsToFloat((int) Bytes.u32be(b, 0));
        if (e.size() == 8) return Double.longBitsToDouble(Bytes.u64be(b, 0));
        throw Refusal.corrupt(type + ": Duration element has " + e.size() + " bytes; a float has 4 or 8");
    }

    private static String string(MediaSource src, Element e) throws IOException, MediaRejectedException {
        if (e.size() < 0 || e.size() > 64) throw Refusal.corrupt("Matroska: DocType has invalid length " + e.size());
        return new String(src.read(e.dataOffset(), (int) e.size()), java.nio.charset.StandardCharsets.US_ASCII)
                .replace("\0", "");
    }
}
