package org.pramaan.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.JpegSegment;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunk;
import org.pramaan.media.container.PngChunks;

/**
 * Writes the label XMP into JPEG (APP1, XMP Specification Part 3 §1.1.3) and PNG (iTXt
 * {@code XML:com.adobe.xmp}, §1.1.5) by copying every other byte unchanged: pixels are never
 * decoded. The existing packet is edited, not replaced, so other XMP properties survive; other
 * segments and chunks keep their order.
 */
final class JpegPngLabelWriter {
    private static final byte[] XMP_NS = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final String XMP_KEY = "XML:com.adobe.xmp";
    /** An APP1 segment holds 65533 payload bytes; less the namespace, the packet gets 65504. */
    static final int MAX_JPEG_XMP = 0xFFFF - 2 - XMP_NS.length;

    private JpegPngLabelWriter() {}

    static byte[] jpeg(byte[] file, Optional<String> dst, Optional<String> aigc) throws IOException {
        JpegSegments.Result r = JpegSegments.walk(MediaSource.of(file));
        if (!r.complete()) throw new IllegalArgumentException("not a complete JPEG: " + r.problem());
        List<JpegSegment> xmp = r.segments().stream().filter(s -> s.isApp(1) && startsWith(file, s.payloadOffset(), XMP_NS)).toList();
        Optional<byte[]> old = xmp.isEmpty() ? Optional.empty()
                : Optional.of(Arrays.copyOfRange(file, (int) xmp.get(0).payloadOffset() + XMP_NS.length, end(xmp.get(0))));
        byte[] packet = XmpEdit.apply(old, dst, aigc).getBytes(StandardCharsets.UTF_8);
        if (packet.length > MAX_JPEG_XMP) {
            throw new IllegalArgumentException("the XMP packet would be " + packet.length + " bytes; a JPEG APP1 segment holds at most " + MAX_JPEG_XMP + " (ExtendedXMP is not written)");
        }
        byte[] payload = MetadataEmbedder.concat(XMP_NS, packet);
        byte[] segment = MetadataEmbedder.concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)}, payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + segment.length);
        long at = xmp.isEmpty() ? insertionPoint(r.segments()) : xmp.get(0).offset();
        long pos = 0;
        for (JpegSegment s : xmp) { // drop every standard XMP segment; the new one goes where the first was
            out.write(file, (int) pos, (int) (s.offset() - pos));
            if (s == xmp.get(0)) out.writeBytes(segment);
            pos = end(s);
        }
        if (xmp.isEmpty()) {
            out.write(file, 0, (int) at);
            out.writeBytes(segment);
            pos = at;
        }
        out.write(file, (int) pos, file.length - (int) pos);
        return out.toByteArray();
    }

    /** After SOI and any leading APP0 (JFIF) and APP1 Exif, which readers expect first. */
    private static long insertionPoint(List<JpegSegment> segments) {
        long at = 2;
        for (JpegSegment s : segments.subList(1, segments.size())) {
            if (!(s.isApp(0) || s.isApp(1))) break;
            at = s.payloadOffset() + s.payloadLength();
        }
        return at;
    }

    static byte[] png(byte[] file, Optional<String> dst, Optional<String> aigc) throws IOException {
        PngChunks.Result r = PngChunks.walk(MediaSource.of(file));
        if (!r.complete()) throw new IllegalArgumentException("not a complete PNG: " + r.problem());
        Optional<byte[]> old = Optional.empty();
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 4096);
        out.write(file, 0, 8);
        int xmpAt = -1, afterIhdr = 8;
        boolean sawXmp = false;
        for (PngChunk c : r.chunks()) {
            String key = textKeyword(file, c);
            boolean isXmp = c.type().equals("iTXt") && key.equals(XMP_KEY);
            sawXmp |= isXmp;
            if (isXmp && old.isEmpty()) old = Optional.ofNullable(itxtBody(Arrays.copyOfRange(file, (int) c.dataOffset(), (int) c.dataOffset() + c.length())));
            if (isXmp && xmpAt < 0) xmpAt = out.size();
            // Stale AIGC text chunks would contradict the label now in XMP.
            if (isXmp || (aigc.isPresent() && key.equals("AIGC"))) continue;
            out.write(file, (int) c.offset(), 12 + c.length());
            if (c.type().equals("IHDR")) afterIhdr = out.size();
        }
        if (sawXmp && old.isEmpty()) {
            throw new IllegalArgumentException("the PNG's XMP chunk cannot be decompressed; not overwriting it");
        }
        byte[] text = XmpEdit.apply(old, dst, aigc).getBytes(StandardCharsets.UTF_8);
        byte[] chunk = chunk("iTXt", MetadataEmbedder.concat(XMP_KEY.getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 0, 0, 0}, text));
        byte[] body = out.toByteArray();
        int at = xmpAt >= 0 ? xmpAt : afterIhdr;
        return MetadataEmbedder.concat(Arrays.copyOfRange(body, 0, at), chunk, Arrays.copyOfRange(body, at, body.length));
    }

    private static String textKeyword(byte[] file, PngChunk c) {
        if (!(c.type().equals("tEXt") || c.type().equals("zTXt") || c.type().equals("iTXt"))) return "";
        int from = (int) c.dataOffset(), to = Math.min(from + 80, from + c.length());
        for (int i = from; i < to; i++) if (file[i] == 0) return new String(file, from, i - from, StandardCharsets.ISO_8859_1);
        return "";
    }

    /** iTXt: keyword NUL, compression flag, method, language NUL, translated keyword NUL, text. */
    private static byte[] itxtBody(byte[] d) {
        int nul = MetadataBlocks.indexOf(d, 0, (byte) 0);
        if (nul < 0 || nul + 3 > d.length) return null;
        int lang = MetadataBlocks.indexOf(d, nul + 3, (byte) 0);
        int trans = lang < 0 ? -1 : MetadataBlocks.indexOf(d, lang + 1, (byte) 0);
        if (trans < 0) return null;
        byte[] body = MetadataBlocks.slice(d, trans + 1);
        return d[nul + 1] == 1 ? MetadataBlocks.inflate(body) : body;
    }

    static byte[] chunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        int n = data.length;
        return MetadataEmbedder.concat(new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n}, t, data,
                new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
    }

    private static int end(JpegSegment s) { return (int) (s.payloadOffset() + s.payloadLength()); }

    private static boolean startsWith(byte[] file, long at, byte[] prefix) {
        return at + prefix.length <= file.length && Arrays.equals(file, (int) at, (int) at + prefix.length, prefix, 0, prefix.length);
    }
}
