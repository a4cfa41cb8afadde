package org.pramaan.media.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.pramaan.media.MediaSource;

/**
 * Rewrites a JPEG's header segments: drops the ones a predicate selects and inserts new marker
 * segments as one contiguous run. The run goes after SOI and the leading APP0/APP1 segments, because
 * JFIF (APP0) and Exif (APP1) each require to come first (JFIF 1.02 §"JPEG File Interchange Format";
 * Exif 2.32 §4.5.4); entropy-coded data from the first SOS on is copied untouched.
 */
public final class JpegSegmentWriter {
    /** A segment's length field counts itself (2 bytes) and is 16-bit (ITU-T T.81 §B.1.1.4). */
    public static final int MAX_PAYLOAD = 65_535 - 2;

    /** A segment together with its payload bytes, for drop predicates that look inside. */
    public record Existing(JpegSegment segment, byte[] payload) {}

    private JpegSegmentWriter() {}

    public static Spliced replace(byte[] jpeg, int marker, Predicate<Existing> drop, List<byte[]> payloads)
            throws IOException {
        if (marker < 0xC0 || marker > 0xFE)
            throw new IllegalArgumentException(
                    "0x" + Integer.toHexString(marker) + " is not a JPEG marker with a length");
        JpegSegments.Result r = JpegSegments.walk(MediaSource.of(jpeg));
        if (!r.complete()) throw new IllegalArgumentException("not a well-formed JPEG: " + r.problem());
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 1024);
        List<JpegSegment> segs = r.segments();
        out.write(jpeg, 0, 2); // SOI
        int i = 0; // the walk starts after SOI
        List<JpegSegment> kept = new ArrayList<>();
        for (; i < segs.size() - 1; i++) { // the last one is SOS: kept, written with the tail
            JpegSegment s = segs.get(i);
            if (!drop.test(new Existing(s, payload(jpeg, s)))) kept.add(s);
        }
        int k = 0;
        while (k < kept.size() && (kept.get(k).isApp(0) || kept.get(k).isApp(1))) copy(jpeg, kept.get(k++), out);
        long start = out.size();
        for (byte[] p : payloads) {
            if (p.length > MAX_PAYLOAD)
                throw new IllegalArgumentException("segment payload of " + p.length + " bytes exceeds " + MAX_PAYLOAD);
            out.write(0xFF);
            out.write(marker);
            out.write((p.length + 2) >>> 8);
            out.write((p.length + 2) & 0xFF);
            out.write(p);
        }
        long length = out.size() - start;
        for (; k < kept.size(); k++) copy(jpeg, kept.get(k), out);
        int sos = (int) segs.get(segs.size() - 1).offset();
        out.write(jpeg, sos, jpeg.length - sos);
        return new Spliced(out.toByteArray(), start, length);
    }

    /**
     * Splits one box into JPEG-XT APP11 payloads (ISO/IEC 18477-3 §B / C2PA 2.2 §A.3.1): each is
     * {@code "JP" En(u16) Z(u32)} then box bytes; Z counts from 1, and every continuation repeats the
     * box's LBox/TBox (and XLBox) header before its next slice, so a reader can concatenate the slices.
     */
    public static List<byte[]> jpegXt(byte[] box, int instance) {
        int header = box.length >= 8 && Bytes.u32be(box, 0) == 1 ? 16 : 8;
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        for (int z = 1; pos < box.length || z == 1; z++) {
            int repeat = z == 1 ? 0 : header;
            int take = Math.min(box.length - pos, MAX_PAYLOAD - 8 - repeat);
            byte[] p = new byte[8 + repeat + take];
            p[0] = 'J';
            p[1] = 'P';
            p[2] = (byte) (instance >>> 8);
            p[3] = (byte) instance;
            for (int b = 0; b < 4; b++) p[4 + b] = (byte) (z >>> (24 - 8 * b));
            System.arraycopy(box, 0, p, 8, repeat);
            System.arraycopy(box, pos, p, 8 + repeat, take);
            out.add(p);
            pos += take;
        }
        return out;
    }

    private static byte[] payload(byte[] jpeg, JpegSegment s) {
        return java.util.Arrays.copyOfRange(jpeg, (int) s.payloadOffset(), (int) s.payloadOffset() + s.payloadLength());
    }

    private static void copy(byte[] jpeg, JpegSegment s, ByteArrayOutputStream out) {
        out.write(jpeg, (int) s.offset(), (int) (s.payloadOffset() + s.payloadLength() - s.offset()));
    }
}
