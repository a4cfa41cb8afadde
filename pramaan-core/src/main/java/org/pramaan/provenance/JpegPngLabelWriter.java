package org.pramaan.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.JpegSegment;
import org.pramaan.media.container.JpegSegmentWriter;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunk;
import org.pramaan.media.container.PngChunkWriter;
import org.pramaan.media.container.PngChunks;

/**
 * Writes the label XMP into JPEG (APP1, XMP Specification Part 3 §1.1.3) and PNG (iTXt
 * {@code XML:com.adobe.xmp}, §1.1.5) with the container writers, which copy every other segment or
 * chunk unchanged: pixels are never decoded. The existing packet is edited, not replaced, so other
 * XMP properties survive; the old XMP segment or chunk is dropped, so there is always one.
 */
public final class JpegPngLabelWriter {
    private static final byte[] XMP_NS = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final String XMP_KEY = "XML:com.adobe.xmp";
    /** An APP1 segment holds 65533 payload bytes; less the namespace, the packet gets 65504. */
    static final int MAX_JPEG_XMP = JpegSegmentWriter.MAX_PAYLOAD - XMP_NS.length;

    private JpegPngLabelWriter() {}

    public static byte[] jpeg(byte[] file, Optional<String> dst, Optional<String> aigc) throws IOException {
        JpegSegments.Result r = JpegSegments.walk(MediaSource.of(file));
        if (!r.complete()) throw new IllegalArgumentException("not a complete JPEG: " + r.problem());
        Optional<byte[]> old = r.segments().stream()
                .filter(s -> s.isApp(1) && startsWith(file, s.payloadOffset(), XMP_NS))
                .findFirst()
                .map(s -> Arrays.copyOfRange(file, (int) s.payloadOffset() + XMP_NS.length, end(s)));
        byte[] packet = XmpEdit.apply(old, dst, aigc).getBytes(StandardCharsets.UTF_8);
        if (packet.length > MAX_JPEG_XMP) {
            throw new IllegalArgumentException("the XMP packet would be " + packet.length
                    + " bytes; a JPEG APP1 segment holds at most " + MAX_JPEG_XMP + " (ExtendedXMP is not written)");
        }
        return JpegSegmentWriter.replace(
                        file,
                        0xE1,
                        e -> e.segment().isApp(1) && startsWith(e.payload(), 0, XMP_NS),
                        List.of(MetadataEmbedder.concat(XMP_NS, packet)))
                .bytes();
    }

    /** The new iTXt goes before the first IDAT; stale AIGC text chunks go, since they would contradict the label now in XMP. */
    public static byte[] png(byte[] file, Optional<String> dst, Optional<String> aigc) throws IOException {
        PngChunks.Result r = PngChunks.walk(MediaSource.of(file));
        if (!r.complete()) throw new IllegalArgumentException("not a complete PNG: " + r.problem());
        Optional<PngChunk> xmp = r.chunks().stream().filter(c -> isXmp(file, c)).findFirst();
        Optional<byte[]> old = Optional.empty();
        if (xmp.isPresent()) {
            byte[] body = itxtBody(Arrays.copyOfRange(
                    file,
                    (int) xmp.get().dataOffset(),
                    (int) xmp.get().dataOffset() + xmp.get().length()));
            if (body == null)
                throw new IllegalArgumentException("the PNG's XMP chunk cannot be decoded; not overwriting it");
            old = Optional.of(body);
        }
        byte[] text = XmpEdit.apply(old, dst, aigc).getBytes(StandardCharsets.UTF_8);
        byte[] data = MetadataEmbedder.concat(
                XMP_KEY.getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 0, 0, 0}, text);
        return PngChunkWriter.replace(
                        file,
                        c -> isXmp(file, c)
                                || (aigc.isPresent() && textKeyword(file, c).equals("AIGC")),
                        "iTXt",
                        data)
                .bytes();
    }

    private static boolean isXmp(byte[] file, PngChunk c) {
        return c.type().equals("iTXt") && textKeyword(file, c).equals(XMP_KEY);
    }

    private static String textKeyword(byte[] file, PngChunk c) {
        if (!(c.type().equals("tEXt") || c.type().equals("zTXt") || c.type().equals("iTXt"))) return "";
        int from = (int) c.dataOffset(), to = Math.min(from + 80, from + c.length());
        for (int i = from; i < to; i++)
            if (file[i] == 0) return new String(file, from, i - from, StandardCharsets.ISO_8859_1);
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

    private static int end(JpegSegment s) {
        return (int) (s.payloadOffset() + s.payloadLength());
    }

    private static boolean startsWith(byte[] b, long at, byte[] prefix) {
        return at + prefix.length <= b.length
                && Arrays.equals(b, (int) at, (int) at + prefix.length, prefix, 0, prefix.length);
    }
}
