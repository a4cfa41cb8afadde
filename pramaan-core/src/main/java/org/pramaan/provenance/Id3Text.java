package org.pramaan.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * ID3v2 {@code TXXX} frames (id3v2.4.0-frames §4.2.6): encoding byte, description, NUL, value.
 * Reading undoes unsynchronisation and the v2.4 data-length indicator; compressed or encrypted
 * frames are skipped (id3v2.4.0-structure §4.1.2).
 */
final class Id3Text {
    record Txxx(String description, String value) {}

    private Id3Text() {}

    /** The frame's plain data, or null when it is compressed or encrypted. */
    static byte[] frameData(byte[] header, byte[] data, int version, boolean tagUnsync) {
        int flags = header[9] & 0xFF;
        boolean v4 = version == 4;
        if (v4 ? (flags & 0x0C) != 0 : (flags & 0xC0) != 0) return null;
        int skip = (v4 ? (flags & 0x40) != 0 : (flags & 0x20) != 0) ? 1 : 0; // group identifier byte
        if (v4 && (flags & 0x01) != 0) skip += 4; // data length indicator
        if (skip > data.length) return null;
        byte[] d = MetadataBlocks.slice(data, skip);
        return tagUnsync || (v4 && (flags & 0x02) != 0) ? resync(d) : d;
    }

    /** Removes the 0x00 inserted after each 0xFF (id3v2.4.0-structure §6.1). */
    static byte[] resync(byte[] d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        for (int i = 0; i < d.length; i++) {
            out.write(d[i]);
            if ((d[i] & 0xFF) == 0xFF && i + 1 < d.length && d[i + 1] == 0) i++;
        }
        return out.toByteArray();
    }

    static Txxx txxx(byte[] d) {
        if (d.length < 2 || d[0] < 0 || d[0] > 3) return null;
        Charset cs = switch (d[0]) {
            case 0 -> StandardCharsets.ISO_8859_1;
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            default -> StandardCharsets.UTF_8;
        };
        boolean wide = d[0] == 1 || d[0] == 2;
        int end = -1;
        for (int i = 1; i + (wide ? 1 : 0) < d.length; i += wide ? 2 : 1) {
            if (d[i] == 0 && (!wide || d[i + 1] == 0)) {
                end = i;
                break;
            }
        }
        if (end < 0) return null;
        String desc = new String(d, 1, end - 1, cs);
        int from = end + (wide ? 2 : 1);
        String value = new String(d, from, d.length - from, cs);
        return new Txxx(desc, value.replace("\0", "").strip());
    }

    /**
     * A TXXX frame's data: UTF-8 in v2.4; in v2.3, which has no UTF-8, ISO-8859-1 when the value
     * fits it, else UTF-16 with a byte-order mark on each string and a two-byte terminator
     * (id3v2.3.0 §3.3), so an AIGC producer name such as 某某科技有限公司 survives (issue 18).
     */
    static byte[] txxxData(String description, String value, int version) {
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(value);
        int encoding = version == 4 ? 3 : latin1 ? 0 : 1;
        Charset cs = switch (encoding) {
            case 3 -> StandardCharsets.UTF_8;
            case 1 -> StandardCharsets.UTF_16;
            default -> StandardCharsets.ISO_8859_1;
        };
        return MetadataEmbedder.concat(
                new byte[] {(byte) encoding},
                description.getBytes(cs),
                encoding == 1 ? new byte[] {0, 0} : new byte[] {0},
                value.getBytes(cs));
    }
}
