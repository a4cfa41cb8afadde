package org.pramaan.media;

import java.io.IOException;
import java.util.Optional;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.JpegSegment;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunk;
import org.pramaan.media.container.PngChunks;
import org.pramaan.media.container.RiffChunks;

/** Dimensions and structure checks for still-image formats. */
final class ImageProbes {
    private ImageProbes() {}

    static MediaInfo probe(MediaType type, MediaSource src, MediaLimits limits)
            throws IOException, MediaRejectedException {
        Dimensions d = switch (type) {
            case JPEG -> jpeg(src);
            case PNG -> png(src, limits);
            case GIF -> gif(src);
            case WEBP -> webp(src);
            case TIFF -> tiff(src);
            default -> throw new IllegalArgumentException(type + " is not a still image handled here");
        };
        return new MediaInfo(type, src.size(), Optional.of(d), Optional.empty());
    }

    /** ITU-T T.81 §B.2.2: SOFn carries P, Y (lines), X (samples per line). */
    static Dimensions jpeg(MediaSource src) throws IOException, MediaRejectedException {
        JpegSegments.Result r = JpegSegments.walk(src);
        if (!r.problem().isEmpty()) throw Refusal.fromWalk(MediaType.JPEG, r.problem());
        JpegSegment sof = r.segments().stream()
                .filter(JpegSegment::isStartOfFrame)
                .findFirst()
                .orElseThrow(() -> Refusal.corrupt("JPEG has no frame header (SOF) before its scan"));
        if (sof.payloadLength() < 6)
            throw Refusal.corrupt(
                    "JPEG frame header at offset " + sof.offset() + " is " + sof.payloadLength() + " bytes, too short");
        byte[] p = src.read(sof.payloadOffset(), 6);
        if (!endsWithEoi(src))
            throw Refusal.truncated("JPEG has no end-of-image marker (FFD9): the compressed data is cut short");
        return Refusal.dims(MediaType.JPEG, Bytes.u16be(p, 3), Bytes.u16be(p, 1));
    }

    /** Encoders may append padding after EOI; look for it in the last 1 KiB. */
    private static boolean endsWithEoi(MediaSource src) throws IOException {
        byte[] tail = src.read(Math.max(0, src.size() - 1024), (int) Math.min(1024, src.size()));
        for (int i = tail.length - 2; i >= 0; i--)
            if ((tail[i] & 0xFF) == 0xFF && (tail[i + 1] & 0xFF) == 0xD9) return true;
        return false;
    }

    /** ISO/IEC 15948 §11.2.2: IHDR is first, 13 bytes, width and height 1..2^31-1. Pixels are checked before the chunk walk. */
    static Dimensions png(MediaSource src, MediaLimits limits) throws IOException, MediaRejectedException {
        if (src.size() < 33) throw Refusal.truncated("PNG is " + src.size() + " bytes, too short for its IHDR chunk");
        byte[] h = src.read(8, 25);
        if (Bytes.u32be(h, 0) != 13 || !Bytes.startsWith(h, 4, "IHDR"))
            throw Refusal.corrupt("PNG does not start with a 13-byte IHDR chunk");
        Dimensions d = Refusal.dims(MediaType.PNG, Bytes.u32be(h, 8), Bytes.u32be(h, 12));
        StandardMediaProber.checkPixels(
                new MediaInfo(MediaType.PNG, src.size(), Optional.of(d), Optional.empty()), limits);
        PngChunks.Result r = PngChunks.walk(src);
        if (!r.problem().isEmpty()) throw Refusal.fromWalk(MediaType.PNG, r.problem());
        for (PngChunk c : r.chunks()) {
            if (!c.crcValid())
                throw Refusal.corrupt("PNG chunk " + c.type() + " at offset " + c.offset() + " fails its CRC check");
        }
        if (r.chunks().stream().noneMatch(c -> c.type().equals("IDAT")))
            throw Refusal.corrupt("PNG has no image data (IDAT)");
        return d;
    }

    /** GIF89a §18: logical screen width and height, little-endian; the stream ends with the trailer 0x3B. */
    static Dimensions gif(MediaSource src) throws IOException, MediaRejectedException {
        if (src.size() < 14)
            throw Refusal.truncated("GIF is " + src.size() + " bytes, too short for its screen descriptor");
        byte[] h = src.read(0, 10);
        long end = src.size() - 1;
        while (end > 13 && src.read(end, 1)[0] == 0) end--;
        if (src.read(end, 1)[0] != 0x3B)
            throw Refusal.truncated("GIF has no trailer (0x3B): the image data is cut short");
        return Refusal.dims(MediaType.GIF, Bytes.u16le(h, 6), Bytes.u16le(h, 8));
    }

    /** WebP container spec: VP8X canvas size, VP8L 14-bit sizes, or the VP8 key-frame header. */
    static Dimensions webp(MediaSource src) throws IOException, MediaRejectedException {
        RiffChunks.Result r = RiffChunks.walk(src);
        if (!r.problem().isEmpty()) throw Refusal.fromWalk(MediaType.WEBP, r.problem());
        for (RiffChunks.Chunk c : r.chunks()) {
            switch (c.id()) {
                case "VP8X" -> {
                    if (c.length() < 10)
                        throw Refusal.corrupt("WebP VP8X chunk is " + c.length() + " bytes, expected 10");
                    byte[] b = src.read(c.dataOffset(), 10);
                    return Refusal.dims(MediaType.WEBP, Bytes.u24le(b, 4) + 1L, Bytes.u24le(b, 7) + 1L);
                }
                case "VP8L" -> {
                    if (c.length() < 5) throw Refusal.corrupt("WebP VP8L chunk is too short");
                    byte[] b = src.read(c.dataOffset(), 5);
                    if (b[0] != 0x2F) throw Refusal.corrupt("WebP VP8L chunk lacks its 0x2F signature");
                    long bits = Bytes.u32le(b, 1);
                    return Refusal.dims(MediaType.WEBP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
                }
                case "VP8 " -> {
                    if (c.length() < 10) throw Refusal.corrupt("WebP VP8 chunk is too short");
                    byte[] b = src.read(c.dataOffset(), 10);
                    if ((b[3] & 0xFF) != 0x9D || (b[4] & 0xFF) != 0x01 || (b[5] & 0xFF) != 0x2A)
                        throw Refusal.corrupt("WebP VP8 chunk lacks its key-frame start code");
                    return Refusal.dims(MediaType.WEBP, Bytes.u16le(b, 6) & 0x3FFF, Bytes.u16le(b, 8) & 0x3FFF);
                }
                default -> {}
            }
        }
        throw Refusal.corrupt("WebP has no VP8, VP8L or VP8X chunk");
    }

    /** TIFF 6.0 §2: IFD0 entries ImageWidth (256) and ImageLength (257), SHORT or LONG. */
    static Dimensions tiff(MediaSource src) throws IOException, MediaRejectedException {
        byte[] h = src.read(0, 8);
        boolean le = h[0] == 'I';
        long ifd = le ? Bytes.u32le(h, 4) : Bytes.u32be(h, 4);
        if (ifd < 8 || ifd + 2 > src.size())
            throw Refusal.truncated(
                    "TIFF first IFD offset " + ifd + " lies outside the file (" + src.size() + " bytes)");
        byte[] n = src.read(ifd, 2);
        int count = le ? Bytes.u16le(n, 0) : Bytes.u16be(n, 0);
        if (count == 0 || count > 4096)
            throw Refusal.corrupt("TIFF IFD at offset " + ifd + " has " + count + " entries");
        if (ifd + 2 + 12L * count > src.size())
            throw Refusal.truncated(
                    "TIFF IFD at offset " + ifd + " declares " + count + " entries but the file ends first");
        byte[] e = src.read(ifd + 2, 12 * count);
        long w = -1, hgt = -1;
        for (int i = 0; i < count; i++) {
            int o = i * 12;
            int tag = le ? Bytes.u16le(e, o) : Bytes.u16be(e, o);
            int ftype = le ? Bytes.u16le(e, o + 2) : Bytes.u16be(e, o + 2);
            long value = ftype == 3
                    ? (le ? Bytes.u16le(e, o + 8) : Bytes.u16be(e, o + 8))
                    : (le ? Bytes.u32le(e, o + 8) : Bytes.u32be(e, o + 8));
            if (tag == 256) w = value;
            if (tag == 257) hgt = value;
        }
        if (w < 0 || hgt < 0) throw Refusal.corrupt("TIFF IFD0 lacks ImageWidth or ImageLength");
        return Refusal.dims(MediaType.TIFF, w, hgt);
    }
}
