package org.pramaan.provenance;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.media.container.Bytes;

/**
 * A bounded reader of TIFF-structured metadata (EXIF is a TIFF, CIPA DC-008 §4.5): text values of
 * IFD0 and of the Exif sub-IFD. Every offset is checked against the buffer; a damaged IFD yields
 * what was read before the damage.
 */
public final class TiffTags {
    public static final int SOFTWARE = 0x0131,
            IMAGE_DESCRIPTION = 0x010E,
            MAKE = 0x010F,
            MODEL = 0x0110,
            ARTIST = 0x013B,
            EXIF_IFD = 0x8769,
            USER_COMMENT = 0x9286;
    private static final int MAX_ENTRIES = 1024, MAX_VALUE = 64 * 1024;

    private TiffTags() {}

    /** Text-valued tags of IFD0 and the Exif IFD, by tag number. */
    public static Map<Integer, String> text(byte[] tiff) {
        Map<Integer, String> out = new LinkedHashMap<>();
        if (tiff.length < 8) return out;
        boolean le = tiff[0] == 'I' && tiff[1] == 'I';
        if (!le && !(tiff[0] == 'M' && tiff[1] == 'M')) return out;
        long ifd0 = u32(tiff, 4, le);
        long exif = readIfd(tiff, ifd0, le, out);
        if (exif > 0) readIfd(tiff, exif, le, out);
        return out;
    }

    /** Whether any IFD in the chain (IFD0, IFD1, …; at most 64) has {@code wanted}; reads only the IFDs. */
    static boolean hasTag(org.pramaan.media.MediaSource src, int wanted) throws java.io.IOException {
        byte[] h = src.readUpTo(0, 8);
        if (h.length < 8) return false;
        boolean le = h[0] == 'I';
        long ifd = u32(h, 4, le);
        for (int hop = 0; hop < 64 && ifd >= 8 && ifd + 2 <= src.size(); hop++) {
            int n = Math.min(MAX_ENTRIES, u16(src.read(ifd, 2), 0, le));
            if (ifd + 2 + 12L * n + 4 > src.size()) return false;
            byte[] e = src.read(ifd + 2, 12 * n + 4);
            for (int i = 0; i < n; i++) if (u16(e, i * 12, le) == wanted) return true;
            ifd = u32(e, 12 * n, le);
        }
        return false;
    }

    /** Reads one IFD's ASCII and UNDEFINED values; returns the Exif sub-IFD offset if present, else 0. */
    private static long readIfd(byte[] t, long ifd, boolean le, Map<Integer, String> out) {
        if (ifd < 8 || ifd + 2 > t.length) return 0;
        int n = Math.min(MAX_ENTRIES, u16(t, (int) ifd, le));
        long exif = 0;
        for (int i = 0; i < n; i++) {
            int o = (int) ifd + 2 + i * 12;
            if (o + 12 > t.length) break;
            int tag = u16(t, o, le), type = u16(t, o + 2, le);
            long count = u32(t, o + 4, le);
            if (tag == EXIF_IFD) {
                exif = u32(t, o + 8, le);
                continue;
            }
            if ((type != 2 && type != 7) || count == 0 || count > MAX_VALUE) continue; // ASCII or UNDEFINED
            long at = count <= 4 ? o + 8 : u32(t, o + 8, le);
            if (at < 0 || at + count > t.length) continue;
            out.put(tag, decode(tag, t, (int) at, (int) count));
        }
        return exif;
    }

    /** UserComment starts with an 8-byte character-code prefix (CIPA DC-008 Table 9). */
    private static String decode(int tag, byte[] t, int at, int count) {
        if (tag == USER_COMMENT && count >= 8) {
            String code = new String(t, at, 8, StandardCharsets.US_ASCII);
            byte[] body = java.util.Arrays.copyOfRange(t, at + 8, at + count);
            if (code.startsWith("UNICODE")) {
                boolean looksLe = body.length > 1 && body[1] == 0;
                return clean(new String(body, looksLe ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
            }
            return clean(new String(body, StandardCharsets.UTF_8));
        }
        return clean(new String(t, at, count, StandardCharsets.UTF_8));
    }

    private static String clean(String s) {
        return s.replace("\0", "").trim();
    }

    private static int u16(byte[] b, int o, boolean le) {
        return le ? Bytes.u16le(b, o) : Bytes.u16be(b, o);
    }

    private static long u32(byte[] b, int o, boolean le) {
        return le ? Bytes.u32le(b, o) : Bytes.u32be(b, o);
    }
}
