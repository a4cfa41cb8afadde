package org.pramaan.media;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pramaan.media.container.BmffBoxes;
import org.pramaan.media.container.BmffBoxes.Box;
import org.pramaan.media.container.Bytes;

/** MP4, MOV, M4A (ISO/IEC 14496-12 / QuickTime) and HEIF/AVIF (ISO/IEC 23008-12) headers. */
final class BmffProbe {
    private static final Set<String> HEIF_BRANDS =
            Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");
    private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ");
    private static final Set<String> QT_TOP_LEVEL = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    private BmffProbe() {}

    /** ftyp major and compatible brands decide the type (ISO/IEC 14496-12 §4.3). */
    static MediaType classify(byte[] head) {
        String major = Bytes.ascii(head, 8, 4);
        int ftypSize = (int) Math.min(Bytes.u32be(head, 0), head.length);
        java.util.List<String> brands = new java.util.ArrayList<>(List.of(major));
        for (int o = 16; o + 4 <= ftypSize; o += 4) brands.add(Bytes.ascii(head, o, 4));
        if (brands.stream().anyMatch(AVIF_BRANDS::contains)) return MediaType.AVIF;
        if (HEIF_BRANDS.contains(major)
                || (brands.stream().anyMatch(HEIF_BRANDS::contains)
                        && !brands.contains("isom")
                        && !brands.contains("mp42"))) {
            return MediaType.HEIF;
        }
        if (major.equals("qt  ")) return MediaType.MOV;
        if (AUDIO_BRANDS.contains(major)) return MediaType.M4A;
        return MediaType.MP4;
    }

    static boolean isQuickTimeTopLevel(String type) {
        return QT_TOP_LEVEL.contains(type);
    }

    static MediaInfo probe(MediaType type, MediaSource src) throws IOException, MediaRejectedException {
        try {
            List<Box> top = BmffBoxes.children(src, 0, src.size());
            if (type == MediaType.HEIF || type == MediaType.AVIF) return image(type, src, top);
            Box moov = BmffBoxes.first(top, "moov")
                    .orElseThrow(
                            () -> Refusal.truncated(type + " has no movie header (moov box): the file is incomplete"));
            List<Box> moovChildren = BmffBoxes.children(src, moov.payloadOffset(), moov.end());
            Optional<Duration> duration = BmffBoxes.first(moovChildren, "mvhd").isPresent()
                    ? Optional.of(movieDuration(
                            src, BmffBoxes.first(moovChildren, "mvhd").get(), type))
                    : Optional.empty();
            Optional<Dimensions> dims = Optional.empty();
            boolean video = false;
            for (Box trak :
                    moovChildren.stream().filter(b -> b.type().equals("trak")).toList()) {
                List<Box> t = BmffBoxes.children(src, trak.payloadOffset(), trak.end());
                boolean isVideo = handler(src, t).equals("vide");
                video |= isVideo;
                if (isVideo && dims.isEmpty() && BmffBoxes.first(t, "tkhd").isPresent())
                    dims = trackSize(src, BmffBoxes.first(t, "tkhd").get());
            }
            MediaType finalType = type == MediaType.MP4
                            && !video
                            && moovChildren.stream().anyMatch(b -> b.type().equals("trak"))
                    ? MediaType.M4A
                    : type;
            return new MediaInfo(finalType, src.size(), finalType == MediaType.M4A ? Optional.empty() : dims, duration);
        } catch (BmffBoxes.BoxException e) {
            throw e.truncated
                    ? Refusal.truncated(type + ": " + e.getMessage())
                    : Refusal.corrupt(type + ": " + e.getMessage());
        }
    }

    /** mvhd (§8.2.2): version 0 has 32-bit times, version 1 64-bit; duration is in timescale units. */
    private static Duration movieDuration(MediaSource src, Box mvhd, MediaType type)
            throws IOException, MediaRejectedException {
        byte[] b = src.read(mvhd.payloadOffset(), (int) Math.min(32, mvhd.payloadLength()));
        boolean v1 = b.length > 0 && b[0] == 1;
        if (b.length < (v1 ? 32 : 20)) throw Refusal.corrupt(type + " mvhd box is too short");
        long timescale = v1 ? Bytes.u32be(b, 20) : Bytes.u32be(b, 12);
        long units = v1 ? Bytes.u64be(b, 24) : Bytes.u32be(b, 16);
        if (timescale == 0) throw Refusal.corrupt(type + " mvhd declares a timescale of 0");
        if (units < 0 || units == 0xFFFFFFFFL || units == -1L) return Duration.ZERO;
        return Duration.ofMillis(units / timescale * 1000 + (units % timescale) * 1000 / timescale);
    }

    /** tkhd (§8.3.2): width and height are 16.16 fixed point after the matrix. */
    private static Optional<Dimensions> trackSize(MediaSource src, Box tkhd) throws IOException {
        byte[] b = src.read(tkhd.payloadOffset(), (int) Math.min(92, tkhd.payloadLength()));
        int at = b.length > 0 && b[0] == 1 ? 88 : 76;
        if (b.length < at + 8) return Optional.empty();
        long w = Bytes.u32be(b, at) >>> 16, h = Bytes.u32be(b, at + 4) >>> 16;
        return w > 0 && h > 0 ? Optional.of(new Dimensions((int) w, (int) h)) : Optional.empty();
    }

    private static String handler(MediaSource src, List<Box> trak) throws IOException, BmffBoxes.BoxException {
        Optional<Box> mdia = BmffBoxes.first(trak, "mdia");
        if (mdia.isEmpty()) return "";
        Optional<Box> hdlr = BmffBoxes.first(
                BmffBoxes.children(src, mdia.get().payloadOffset(), mdia.get().end()), "hdlr");
        if (hdlr.isEmpty() || hdlr.get().payloadLength() < 12) return "";
        return Bytes.ascii(src.read(hdlr.get().payloadOffset() + 8, 4), 0, 4);
    }

    /** HEIF: meta (FullBox) → iprp → ipco → ispe image spatial extents; the largest is the primary image. */
    private static MediaInfo image(MediaType type, MediaSource src, List<Box> top)
            throws IOException, MediaRejectedException, BmffBoxes.BoxException {
        Box meta = BmffBoxes.first(top, "meta")
                .orElseThrow(() -> Refusal.truncated(type + " has no meta box: the file is incomplete"));
        List<Box> metaChildren = BmffBoxes.children(src, meta.payloadOffset() + 4, meta.end());
        Optional<Dimensions> best = Optional.empty();
        Optional<Box> iprp = BmffBoxes.first(metaChildren, "iprp");
        if (iprp.isPresent()) {
            Optional<Box> ipco = BmffBoxes.first(
                    BmffBoxes.children(
                            src, iprp.get().payloadOffset(), iprp.get().end()),
                    "ipco");
            if (ipco.isPresent()) {
                for (Box ispe : BmffBoxes.children(
                        src, ipco.get().payloadOffset(), ipco.get().end())) {
                    if (!ispe.type().equals("ispe") || ispe.payloadLength() < 12) continue;
                    byte[] b = src.read(ispe.payloadOffset(), 12);
                    Dimensions d = Refusal.dims(type, Bytes.u32be(b, 4), Bytes.u32be(b, 8));
                    if (best.isEmpty() || d.pixels() > best.get().pixels()) best = Optional.of(d);
                }
            }
        }
        return new MediaInfo(type, src.size(), best, Optional.empty());
    }
}
