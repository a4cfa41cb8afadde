package org.pramaan.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.JpegSegment;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunk;
import org.pramaan.media.container.PngChunks;
import org.pramaan.media.container.RiffChunks;

/**
 * Finds the metadata carriers in a file: XMP packets, text entries (PNG text chunks), EXIF blocks
 * and C2PA manifest stores, each with where it was found. Sizes are capped so that a hostile file
 * cannot make this allocate or inflate without bound.
 */
public final class MetadataBlocks {
    static final int MAX_BLOCK = 4 * 1024 * 1024;
    private static final int SCAN_WINDOW = 1024 * 1024;
    private static final byte[] XMP_JPEG = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    static final String C2PA_UUID = "d8fec3d61b0e483c92975828877ec481";
    /** XMP Specification Part 3 §1.2.7.1: XMP in a top-level {@code uuid} box of an MP4. */
    static final String XMP_UUID = "be7acfcb97a942e89c71999491e3afac";

    public record Block(String location, byte[] data) {}

    public record TextEntry(String keyword, String text, String location) {}

    public final List<Block> xmp = new ArrayList<>();
    public final List<Block> exif = new ArrayList<>();
    public final List<TextEntry> text = new ArrayList<>();
    public final List<String> c2pa = new ArrayList<>();

    public static MetadataBlocks find(MediaSource src, MediaInfo info) throws IOException {
        MetadataBlocks m = new MetadataBlocks();
        switch (info.type()) {
            case JPEG -> m.jpeg(src);
            case PNG -> m.png(src);
            case WEBP, WAV -> m.riff(src, info.type().name());
            case MP4, MOV, M4A, HEIF, AVIF -> m.bmff(src, info.type().name());
            case MP3 -> AudioVideoLabels.id3(src, m);
            default -> {}
        }
        if (m.xmp.isEmpty()) m.scanForXmp(src, info.type().name());
        m.scanForMarkers(src, info);
        return m;
    }

    private void jpeg(MediaSource src) throws IOException {
        int app11 = 0;
        long firstApp11 = -1;
        ExtendedXmp extended = new ExtendedXmp();
        for (JpegSegment s : JpegSegments.walk(src).segments()) {
            if (s.payloadLength() == 0 || s.payloadLength() > MAX_BLOCK) continue;
            if (s.isApp(1)) {
                byte[] p = src.read(s.payloadOffset(), s.payloadLength());
                if (startsWith(p, XMP_JPEG))
                    xmp.add(new Block("JPEG APP1 XMP @ offset " + s.offset(), slice(p, XMP_JPEG.length)));
                else if (ExtendedXmp.is(p)) extended.add(p);
                else if (Bytes.startsWith(p, 0, "Exif\0\0"))
                    exif.add(new Block("JPEG APP1 Exif @ offset " + s.offset(), slice(p, 6)));
            } else if (s.isApp(11)) {
                byte[] p = src.read(s.payloadOffset(), Math.min(s.payloadLength(), 64));
                // C2PA 2.2 §11.3.1: JUMBF in APP11 with CI "JP"; a large store spans several segments.
                if (Bytes.startsWith(p, 0, "JP") && (app11 > 0 || contains(p, "jumb"))) {
                    if (app11++ == 0) firstApp11 = s.offset();
                }
            }
        }
        xmp.addAll(extended.packets("JPEG APP1"));
        if (app11 > 0)
            c2pa.add("JPEG APP11 JUMBF @ offset " + firstApp11 + " (" + app11 + " segment" + (app11 > 1 ? "s" : "")
                    + ")");
    }

    private void png(MediaSource src) throws IOException {
        for (PngChunk c : PngChunks.walk(src).chunks()) {
            String where = "PNG " + c.type() + " @ offset " + c.offset();
            if (c.type().equals("caBX")) c2pa.add(where);
            if (c.length() > MAX_BLOCK) continue;
            switch (c.type()) {
                case "tEXt", "zTXt", "iTXt" -> pngText(c.type(), src.read(c.dataOffset(), c.length()), where);
                case "eXIf" -> exif.add(new Block(where, src.read(c.dataOffset(), c.length())));
                default -> {}
            }
        }
    }

    /** ISO/IEC 15948 §11.3.4: keyword NUL text; zTXt adds a method byte; iTXt adds flags, language and translated keyword. */
    private void pngText(String type, byte[] d, String where) {
        int nul = indexOf(d, 0, (byte) 0);
        if (nul <= 0) return;
        String keyword = new String(d, 0, nul, StandardCharsets.ISO_8859_1);
        byte[] body;
        boolean utf8 = false;
        if (type.equals("tEXt")) {
            body = slice(d, nul + 1);
        } else if (type.equals("zTXt")) {
            body = inflate(slice(d, nul + 2));
        } else {
            if (nul + 3 > d.length) return;
            boolean compressed = d[nul + 1] == 1;
            int lang = indexOf(d, nul + 3, (byte) 0);
            int trans = lang < 0 ? -1 : indexOf(d, lang + 1, (byte) 0);
            if (trans < 0) return;
            body = compressed ? inflate(slice(d, trans + 1)) : slice(d, trans + 1);
            utf8 = true;
        }
        if (body == null) return;
        String value = new String(body, utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String location = "PNG " + type + " '" + keyword + "'" + where.substring(where.indexOf(" @"));
        if (keyword.equals("XML:com.adobe.xmp")) xmp.add(new Block(location, body));
        else text.add(new TextEntry(keyword, value, location));
    }

    private void riff(MediaSource src, String format) throws IOException {
        for (RiffChunks.Chunk c : RiffChunks.walk(src).chunks()) {
            String where = format + " RIFF '" + c.id() + "' @ offset " + (c.dataOffset() - 8);
            if (c.id().equals("C2PA")) c2pa.add(where);
            if (c.length() > MAX_BLOCK) continue;
            if (c.id().equals("XMP ") || c.id().equals("_PMX"))
                xmp.add(new Block(where, src.read(c.dataOffset(), (int) c.length())));
            if (c.id().equals("AIGC") || c.id().equals("LIST")) AudioVideoLabels.riff(src, c, where, this);
            if (c.id().equals("EXIF"))
                exif.add(new Block(where, stripExifHeader(src.read(c.dataOffset(), (int) c.length()))));
        }
    }

    private void bmff(MediaSource src, String format) throws IOException {
        try {
            for (BmffBoxes.Box b : BmffBoxes.children(src, 0, src.size())) {
                if (b.type().equals("uuid") && b.payloadOffset() - 16 >= b.offset()) {
                    String uuid = java.util.HexFormat.of().formatHex(src.read(b.payloadOffset() - 16, 16));
                    if (uuid.equals(C2PA_UUID)) c2pa.add(format + " uuid (C2PA) box @ offset " + b.offset());
                    if (uuid.equals(XMP_UUID) && b.payloadLength() <= MAX_BLOCK) {
                        xmp.add(new Block(
                                format + " uuid (XMP) box @ offset " + b.offset(),
                                src.read(b.payloadOffset(), (int) b.payloadLength())));
                    }
                }
                if (b.type().equals("moov")) AudioVideoLabels.moov(src, b, format, this);
            }
        } catch (BmffBoxes.BoxException e) {
            // The prober accepted the file; a damaged box here only means no metadata there.
        }
    }

    /** Containers without a dedicated XMP place: a bounded scan of the start and end for an XMP packet. */
    private void scanForXmp(MediaSource src, String format) throws IOException {
        for (long start : windows(src)) {
            byte[] w = src.readUpTo(start, SCAN_WINDOW);
            int from = indexOf(w, "<x:xmpmeta");
            if (from < 0) continue;
            int to = indexOf(w, "</x:xmpmeta>");
            if (to > from)
                xmp.add(new Block(
                        format + " embedded XMP @ offset " + (start + from),
                        java.util.Arrays.copyOfRange(w, from, to + 12)));
            return;
        }
    }

    /** C2PA carriers found by signature: MP3 ID3 GEOB, GIF application extension, TIFF tag 0xCD41. */
    private void scanForMarkers(MediaSource src, MediaInfo info) throws IOException {
        byte[] head = src.readUpTo(0, SCAN_WINDOW);
        switch (info.type()) {
            case MP3 -> mp3Geob(head);
            case GIF -> {
                int i = indexOf(head, "C2PA_GIF");
                if (i >= 0) c2pa.add("GIF application extension C2PA_GIF @ offset " + i);
            }
            case TIFF -> {
                if (TiffTags.hasTag(src, 0xCD41)) c2pa.add("TIFF tag 0xCD41 (C2PA manifest store)");
            }
            default -> {}
        }
    }

    /** C2PA 2.2 §11.3.5: an ID3v2 GEOB frame whose MIME type is application/c2pa (older: application/x-c2pa-manifest-store). */
    private void mp3Geob(byte[] head) {
        for (int i = indexOf(head, "GEOB"); i >= 0; i = indexOfFrom(head, "GEOB", i + 4)) {
            byte[] frame = java.util.Arrays.copyOfRange(head, i, Math.min(head.length, i + 128));
            if (contains(frame, "application/c2pa") || contains(frame, "application/x-c2pa-manifest-store")) {
                c2pa.add("MP3 ID3 GEOB @ offset " + i);
                return;
            }
        }
    }

    private static int indexOfFrom(byte[] b, String s, int from) {
        int i = indexOf(java.util.Arrays.copyOfRange(b, Math.min(from, b.length), b.length), s);
        return i < 0 ? -1 : i + from;
    }

    private static long[] windows(MediaSource src) {
        return src.size() <= SCAN_WINDOW ? new long[] {0} : new long[] {0, src.size() - SCAN_WINDOW};
    }

    /** Inflates at most {@link #MAX_BLOCK} bytes: a zip bomb yields null, not an OutOfMemoryError. */
    static byte[] inflate(byte[] compressed) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) break;
                out.write(buf, 0, n);
                if (out.size() > MAX_BLOCK) return null;
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }

    private static byte[] stripExifHeader(byte[] b) {
        return Bytes.startsWith(b, 0, "Exif\0\0") ? slice(b, 6) : b;
    }

    static byte[] slice(byte[] b, int from) {
        return from >= b.length ? new byte[0] : java.util.Arrays.copyOfRange(b, from, b.length);
    }

    static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
        return true;
    }

    static int indexOf(byte[] b, int from, byte v) {
        for (int i = Math.max(0, from); i < b.length; i++) if (b[i] == v) return i;
        return -1;
    }

    static int indexOf(byte[] b, String s) {
        byte[] n = s.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= b.length; i++) {
            for (int k = 0; k < n.length; k++) if (b[i + k] != n[k]) continue outer;
            return i;
        }
        return -1;
    }

    static boolean contains(byte[] b, String s) {
        return indexOf(b, s) >= 0;
    }
}
