package org.pramaan.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.Id3Frames;
import org.pramaan.media.container.RiffChunks;

/**
 * Implicit-label carriers of audio and video files, as TC260 practice places the GB 45438 {@code AIGC}
 * JSON: MP3 ID3v2 {@code TXXX} with description {@code AIGC}; WAV a RIFF chunk {@code AIGC} (or an
 * {@code AIGC} entry of LIST/INFO); MP4/M4A the key {@code AIGC} of {@code moov[/udta]/meta}
 * (mdta keys or an iTunes {@code ----} item), besides XMP ({@code XMP_} in udta, ID3 {@code PRIV XMP}).
 * Every read is bounded by {@link MetadataBlocks#MAX_BLOCK}; a damaged box or frame yields nothing.
 */
final class AudioVideoLabels {
    private static final int MAX_TEXT = 256 * 1024;

    private AudioVideoLabels() {}

    static void id3(MediaSource src, MetadataBlocks m) throws IOException {
        Id3Frames.Result r = Id3Frames.walk(src);
        if (r.frames().isEmpty()) return;
        boolean tagUnsync = (src.read(0, 10)[5] & 0x80) != 0;
        for (Id3Frames.Frame f : r.frames()) {
            if (!(f.id().equals("TXXX") || f.id().equals("PRIV")) || f.length() > MAX_TEXT) continue;
            byte[] d = Id3Text.frameData(
                    src.read(f.offset(), 10), src.read(f.dataOffset(), (int) f.length()), r.version(), tagUnsync);
            if (d == null) continue;
            String where = "MP3 ID3v2." + r.version() + " " + f.id();
            if (f.id().equals("TXXX")) {
                Id3Text.Txxx t = Id3Text.txxx(d);
                if (t != null)
                    m.text.add(new MetadataBlocks.TextEntry(
                            t.description(), t.value(), where + " '" + t.description() + "' @ offset " + f.offset()));
            } else if (Bytes.startsWith(d, 0, "XMP\0")) {
                m.xmp.add(
                        new MetadataBlocks.Block(where + " 'XMP' @ offset " + f.offset(), MetadataBlocks.slice(d, 4)));
            }
        }
    }

    /** A dedicated {@code AIGC} chunk, or an {@code AIGC} entry in a LIST/INFO chunk (ZSTR text). */
    static void riff(MediaSource src, RiffChunks.Chunk c, String where, MetadataBlocks m) throws IOException {
        byte[] d = src.read(c.dataOffset(), (int) c.length());
        if (c.id().equals("AIGC")) {
            m.text.add(new MetadataBlocks.TextEntry("AIGC", zstr(d, 0, d.length), where));
            return;
        }
        if (d.length < 4 || !Bytes.startsWith(d, 0, "INFO")) return;
        for (int p = 4; p + 8 <= d.length; ) {
            String id = Bytes.ascii(d, p, 4);
            long len = Bytes.u32le(d, p + 4);
            if (len > d.length - p - 8) return;
            if (id.equals("AIGC"))
                m.text.add(new MetadataBlocks.TextEntry("AIGC", zstr(d, p + 8, (int) len), where + " INFO 'AIGC'"));
            p += 8 + (int) len + (int) (len & 1);
        }
    }

    static void moov(MediaSource src, BmffBoxes.Box moov, String format, MetadataBlocks m) throws IOException {
        try {
            for (BmffBoxes.Box b : BmffBoxes.children(src, moov.payloadOffset(), moov.end())) {
                if (b.type().equals("meta")) BmffMetaKeys.read(src, b, format + " moov/meta", m);
                if (!b.type().equals("udta")) continue;
                for (BmffBoxes.Box u : BmffBoxes.children(src, b.payloadOffset(), b.end())) {
                    if (u.type().equals("meta")) BmffMetaKeys.read(src, u, format + " moov/udta/meta", m);
                    if (u.type().equals("XMP_") && u.payloadLength() <= MetadataBlocks.MAX_BLOCK) {
                        m.xmp.add(new MetadataBlocks.Block(
                                format + " moov/udta/XMP_ @ offset " + u.offset(),
                                src.read(u.payloadOffset(), (int) u.payloadLength())));
                    }
                }
            }
        } catch (BmffBoxes.BoxException e) {
            // A damaged moov has no readable metadata; the prober and decoders report the damage.
        }
    }

    static String zstr(byte[] d, int from, int len) {
        int end = from + len;
        while (end > from && d[end - 1] == 0) end--;
        return new String(d, from, end - from, StandardCharsets.UTF_8).strip();
    }
}
