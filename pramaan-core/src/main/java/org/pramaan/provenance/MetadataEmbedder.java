package org.pramaan.provenance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.pramaan.media.container.Bytes;

/**
 * Inserts raw metadata into JPEG and PNG files without re-encoding pixels: XMP (JPEG APP1 / PNG iTXt),
 * PNG text entries and a small EXIF block, always adding (never replacing), so tests can make any
 * labelled, duplicated or malformed media. Products label files with {@code labels.MetadataWriter}.
 */
public final class MetadataEmbedder {
    private static final byte[] XMP_NS = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);

    private MetadataEmbedder() {}

    public static byte[] withXmp(byte[] file, String xmpPacket) {
        byte[] xmp = xmpPacket.getBytes(StandardCharsets.UTF_8);
        if (isJpeg(file)) return insertJpegSegment(file, 0xE1, concat(XMP_NS, xmp));
        if (isPng(file))
            return insertPngChunk(file, "iTXt", concat(ascii("XML:com.adobe.xmp"), new byte[] {0, 0, 0, 0, 0}, xmp));
        throw new IllegalArgumentException("XMP can be embedded in JPEG or PNG files only");
    }

    /** A PNG text entry: tEXt when the text is Latin-1, iTXt (UTF-8) otherwise. */
    public static byte[] withPngText(byte[] png, String keyword, String text) {
        if (!isPng(png)) throw new IllegalArgumentException("not a PNG file");
        if (keyword.isEmpty() || keyword.length() > 79)
            throw new IllegalArgumentException("PNG keywords are 1-79 characters");
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(text);
        if (latin1)
            return insertPngChunk(
                    png, "tEXt", concat(ascii(keyword), new byte[] {0}, text.getBytes(StandardCharsets.ISO_8859_1)));
        return insertPngChunk(
                png, "iTXt", concat(ascii(keyword), new byte[] {0, 0, 0, 0, 0}, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** An APP1 Exif block with ASCII tags in IFD0 (e.g. 0x010F Make, 0x0110 Model, 0x0131 Software). */
    public static byte[] withExif(byte[] jpeg, Map<Integer, String> ifd0Ascii) {
        if (!isJpeg(jpeg)) throw new IllegalArgumentException("not a JPEG file");
        Map<Integer, String> tags = new TreeMap<>(ifd0Ascii); // TIFF 6.0 §2: entries sorted by tag
        ByteArrayOutputStream ifd = new ByteArrayOutputStream(), values = new ByteArrayOutputStream();
        int valuesAt = 8 + 2 + tags.size() * 12 + 4;
        ifd.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        ifd.writeBytes(u16(tags.size()));
        for (Map.Entry<Integer, String> t : tags.entrySet()) {
            byte[] v = concat(t.getValue().getBytes(StandardCharsets.UTF_8), new byte[] {0});
            ifd.writeBytes(u16(t.getKey()));
            ifd.writeBytes(u16(2));
            ifd.writeBytes(u32(v.length));
            if (v.length <= 4) {
                ifd.writeBytes(java.util.Arrays.copyOf(v, 4));
            } else {
                ifd.writeBytes(u32(valuesAt + values.size()));
                values.writeBytes(v);
                if (v.length % 2 == 1) values.write(0);
            }
        }
        ifd.writeBytes(u32(0));
        ifd.writeBytes(values.toByteArray());
        return insertJpegSegment(jpeg, 0xE1, concat(ascii("Exif\0\0"), ifd.toByteArray()));
    }

    /** Inserts after SOI and any APP0 (JFIF must stay first). */
    static byte[] insertJpegSegment(byte[] jpeg, int marker, byte[] payload) {
        if (payload.length + 2 > 0xFFFF)
            throw new IllegalArgumentException("JPEG segments hold at most 65533 bytes; got " + payload.length);
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) at = 4 + Bytes.u16be(jpeg, 4);
        byte[] seg = concat(new byte[] {(byte) 0xFF, (byte) marker}, u16(payload.length + 2), payload);
        return concat(
                java.util.Arrays.copyOfRange(jpeg, 0, at), seg, java.util.Arrays.copyOfRange(jpeg, at, jpeg.length));
    }

    /** Inserts right after IHDR, so it precedes the image data as metadata should. */
    static byte[] insertPngChunk(byte[] png, String type, byte[] data) {
        int at = 8 + 8 + 13 + 4;
        CRC32 crc = new CRC32();
        byte[] typeBytes = ascii(type);
        crc.update(typeBytes);
        crc.update(data);
        byte[] chunk = concat(u32(data.length), typeBytes, data, u32(crc.getValue()));
        return concat(
                java.util.Arrays.copyOfRange(png, 0, at), chunk, java.util.Arrays.copyOfRange(png, at, png.length));
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 33 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && Bytes.startsWith(b, 12, "IHDR");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    private static byte[] u32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
