package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxWriter;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.Id3Frames;
import org.pramaan.media.container.Id3TagWriter;
import org.pramaan.media.container.JpegSegment;
import org.pramaan.media.container.JpegSegmentWriter;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunkWriter;
import org.pramaan.media.container.RiffChunkWriter;
import org.pramaan.media.container.Spliced;
import org.pramaan.media.container.WebpExtended;

/**
 * Embeds a manifest store in each format the signer supports (C2PA 2.2 Appendix A), replacing any
 * C2PA store already there. {@link #embed} is deterministic: the same store size gives the same span,
 * which the data-hash fixed point in {@link C2paSigner} relies on.
 */
enum Carriers {
    JPEG,
    PNG,
    WEBP,
    WAV,
    MP3,
    BMFF;

    /** §A.3.4: the MIME type of the GEOB frame; the reference SDK writes (and reads) this one. */
    static final String MP3_MIME = "application/x-c2pa-manifest-store";

    static Carriers of(String format) {
        return switch (format) {
            case "image/jpeg" -> JPEG;
            case "image/png" -> PNG;
            case "image/webp" -> WEBP;
            case "audio/wav" -> WAV;
            case "audio/mpeg" -> MP3;
            case "video/mp4", "video/quicktime", "audio/mp4" -> BMFF;
            default ->
                throw new IllegalArgumentException("signing " + (format.isEmpty() ? "this file type" : format)
                        + " is not supported (JPEG, PNG, WebP, WAV, MP3, MP4/MOV)");
        };
    }

    /** The asset made ready to carry a store: WebP must be in the extended format first (RFC 9649 §2.7). */
    byte[] prepare(byte[] asset) throws IOException {
        return this == WEBP ? WebpExtended.ensure(asset, 0) : asset;
    }

    Spliced embed(byte[] asset, byte[] store) throws IOException {
        return switch (this) {
            case JPEG -> jpeg(asset, store);
            case PNG -> PngChunkWriter.replace(asset, c -> c.type().equals("caBX"), "caBX", store); // §A.3.2
            case WEBP, WAV -> RiffChunkWriter.replace(asset, c -> c.id().equals("C2PA"), "C2PA", store); // §A.3.6
            case MP3 ->
                Id3TagWriter.replace(
                        asset,
                        f -> isC2paGeob(asset, f),
                        List.of(new Id3TagWriter.NewFrame(
                                "GEOB", Id3TagWriter.geob(MP3_MIME, "c2pa", "c2pa manifest store", store))));
            case BMFF ->
                BmffBoxWriter.replaceTopLevel(
                        asset,
                        b -> isC2paUuid(asset, b),
                        BmffBoxWriter.uuidBox(HexFormat.of().parseHex(StoreLocator.C2PA_UUID), bmffPayload(store)));
        };
    }

    /**
     * §A.3.1: JPEG-XT APP11 segments. Earlier C2PA instances (first packet's superbox typed {@code c2pa})
     * are dropped with all their packets; the new one takes the lowest box instance number no other
     * JUMBF instance uses.
     */
    private static Spliced jpeg(byte[] asset, byte[] store) throws IOException {
        Set<Integer> c2pa = new HashSet<>(), used = new HashSet<>();
        for (JpegSegment s : JpegSegments.walk(MediaSource.of(asset)).segments()) {
            if (!s.isApp(11) || s.payloadLength() < 8) continue;
            byte[] p = Arrays.copyOfRange(asset, (int) s.payloadOffset(), (int) s.payloadOffset() + s.payloadLength());
            if (!Bytes.startsWith(p, 0, "JP")) continue;
            used.add(Bytes.u16be(p, 2));
            if (Bytes.u32be(p, 4) == 1 && Bytes.startsWith(p, 12, "jumb") && Bytes.startsWith(p, 24, "c2pa"))
                c2pa.add(Bytes.u16be(p, 2));
        }
        used.removeAll(c2pa);
        int instance = 1;
        while (used.contains(instance)) instance++;
        return JpegSegmentWriter.replace(
                asset,
                0xEB,
                e -> e.segment().isApp(11)
                        && e.payload().length >= 4
                        && Bytes.startsWith(e.payload(), 0, "JP")
                        && c2pa.contains(Bytes.u16be(e.payload(), 2)),
                JpegSegmentWriter.jpegXt(store, instance));
    }

    private static boolean isC2paGeob(byte[] asset, Id3Frames.Frame f) {
        if (!f.id().equals("GEOB")) return false;
        var g = Id3Frames.geob(Arrays.copyOfRange(asset, (int) f.dataOffset(), (int) (f.dataOffset() + f.length())));
        return g.isPresent()
                && (g.get().mime().equals(MP3_MIME) || g.get().mime().equals("application/c2pa"));
    }

    private static boolean isC2paUuid(byte[] asset, org.pramaan.media.container.BmffBoxes.Box b) {
        return b.type().equals("uuid")
                && HexFormat.of()
                        .formatHex(asset, (int) b.payloadOffset() - 16, (int) b.payloadOffset())
                        .equals(StoreLocator.C2PA_UUID);
    }

    /** §A.5: FullBox version 0 / flags 0, purpose {@code "manifest"} NUL-terminated, 64-bit Merkle offset (0: none), store. */
    private static byte[] bmffPayload(byte[] store) {
        byte[] purpose = "manifest\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] p = new byte[4 + purpose.length + 8 + store.length];
        System.arraycopy(purpose, 0, p, 4, purpose.length);
        System.arraycopy(store, 0, p, 4 + purpose.length + 8, store.length);
        return p;
    }
}
