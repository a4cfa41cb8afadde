package org.pramaan.provenance.c2pa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.BmffBoxes;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.JpegSegment;
import org.pramaan.media.container.JpegSegments;
import org.pramaan.media.container.PngChunk;
import org.pramaan.media.container.PngChunks;
import org.pramaan.media.container.RiffChunks;

/**
 * Finds the embedded C2PA manifest store (C2PA 2.2 Appendix A) using the shared container walkers,
 * or a remote-manifest reference (§11.4, XMP {@code dcterms:provenance}) which is reported, never fetched.
 */
final class StoreLocator {
    static final int MAX_STORE = 64 * 1024 * 1024;
    static final String C2PA_UUID = "d8fec3d61b0e483c92975828877ec481";

    /** What was found: the store bytes (empty when none), where, the asset's format, and a remote URL if referenced. */
    record Located(
            Optional<byte[]> store,
            String carrier,
            String format,
            Optional<String> remoteUrl,
            List<Hashing.Range> spans) {
        Located(Optional<byte[]> store, String carrier, String format, Optional<String> remoteUrl) {
            this(store, carrier, format, remoteUrl, List.of());
        }

        static Located none(String format, Optional<String> remote) {
            return new Located(Optional.empty(), "", format, remote);
        }

        Located spanning(long start, long end) {
            return new Located(store, carrier, format, remoteUrl, List.of(new Hashing.Range(start, end)));
        }
    }

    private StoreLocator() {}

    static Located locate(MediaSource src) throws IOException, C2paException {
        byte[] h = src.readUpTo(0, 64);
        String format = Sniff.format(h);
        Located found = switch (format) {
            case "image/jpeg" -> jpeg(src);
            case "image/png" -> png(src);
            case "image/webp", "audio/wav", "video/avi" -> riff(src, format);
            case "video/mp4", "video/quicktime", "image/heif", "image/avif", "audio/mp4" -> bmff(src, format);
            case "audio/mpeg" -> StoreCarriers.mp3(src);
            case "image/tiff" -> StoreCarriers.tiff(src);
            case "image/gif" -> StoreCarriers.gif(src);
            case "image/svg+xml" -> StoreCarriers.svg(src);
            case "application/c2pa" ->
                new Located(Optional.of(bounded(src, 0, src.size())), "sidecar .c2pa", format, Optional.empty());
            default ->
                throw new C2paException(
                        "asset.unsupported",
                        "not a format that carries C2PA manifests (no known signature in the first bytes)");
        };
        if (found.store().isEmpty() && found.remoteUrl().isEmpty())
            return Located.none(format, StoreCarriers.remoteReference(src));
        return new Located(found.store(), found.carrier(), format, found.remoteUrl(), found.spans());
    }

    /** A.3.1: APP11 segments {@code CI=JP, En, Z, LBox, TBox, data}; continuation segments repeat LBox/TBox. */
    private static Located jpeg(MediaSource src) throws IOException, C2paException {
        JpegSegments.Result r = JpegSegments.walk(src);
        TreeMap<Integer, TreeMap<Long, byte[]>> instances = new TreeMap<>();
        for (JpegSegment s : r.segments()) {
            if (!s.isApp(11) || s.payloadLength() < 16) continue;
            byte[] p = src.read(s.payloadOffset(), s.payloadLength());
            if (!Bytes.startsWith(p, 0, "JP")) continue;
            int en = Bytes.u16be(p, 2);
            long z = Bytes.u32be(p, 4);
            instances.computeIfAbsent(en, k -> new TreeMap<>()).put(z, p);
        }
        for (var inst : instances.entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean first = true;
            for (byte[] p : inst.getValue().values()) {
                int skip = 8;
                if (!first) skip += Bytes.u32be(p, 8) == 1 ? 16 : 8;
                if (p.length > skip) out.write(p, skip, p.length - skip);
                first = false;
                if (out.size() > MAX_STORE)
                    throw new C2paException(
                            "limit.exceeded", "JPEG APP11 manifest store larger than " + MAX_STORE + " bytes");
            }
            byte[] store = out.toByteArray();
            if (store.length >= 8 && Bytes.startsWith(store, 4, "jumb")) {
                int n = inst.getValue().size();
                return new Located(
                        Optional.of(store),
                        "JPEG APP11 (" + n + " segment" + (n > 1 ? "s" : "") + ")",
                        "image/jpeg",
                        Optional.empty());
            }
        }
        // A walk that stops before the scan means the file ends inside its header segments, where
        // APP11 stores live (A.3.1): a store cut short there is an invalid asset, as the RIFF, ID3 and
        // BMFF walkers already report, not "no manifest" (issue 18).
        if (!r.problem().isEmpty()) throw new C2paException("asset.invalid", "invalid JPEG structure: " + r.problem());
        return Located.none("image/jpeg", Optional.empty());
    }

    /** A.3.2: ancillary chunk {@code caBX} holding the store. */
    private static Located png(MediaSource src) throws IOException, C2paException {
        PngChunks.Result r = PngChunks.walk(src);
        for (PngChunk c : r.chunks()) {
            if (c.type().equals("caBX"))
                return new Located(
                                Optional.of(bounded(src, c.dataOffset(), c.length())),
                                "PNG caBX @ " + c.offset(),
                                "image/png",
                                Optional.empty())
                        .spanning(c.offset(), c.dataOffset() + c.length() + 4);
        }
        // A chunk cut short (a caBX store among them, A.3.2) stops the walk: an invalid asset, not "no manifest".
        if (!r.problem().isEmpty()) throw new C2paException("asset.invalid", "invalid PNG structure: " + r.problem());
        return Located.none("image/png", Optional.empty());
    }

    /** A.3.6: RIFF chunk {@code C2PA} (WAV, WebP, AVI). A broken RIFF structure is an invalid asset. */
    private static Located riff(MediaSource src, String format) throws IOException, C2paException {
        RiffChunks.Result r = RiffChunks.walk(src);
        if (!r.problem().isEmpty()) throw new C2paException("asset.invalid", "invalid RIFF structure: " + r.problem());
        for (RiffChunks.Chunk c : r.chunks()) {
            if (c.id().equals("C2PA"))
                return new Located(
                                Optional.of(bounded(src, c.dataOffset(), c.length())),
                                "RIFF C2PA @ " + (c.dataOffset() - 8),
                                format,
                                Optional.empty())
                        .spanning(c.dataOffset() - 8, c.dataOffset() + c.length() + (c.length() & 1));
        }
        return Located.none(format, Optional.empty());
    }

    /** A.5: top-level {@code uuid} box with the C2PA UUID, FullBox header, purpose {@code manifest}, 8-byte Merkle offset, store. */
    private static Located bmff(MediaSource src, String format) throws IOException, C2paException {
        List<BmffBoxes.Box> boxes;
        try {
            boxes = BmffBoxes.children(src, 0, src.size());
        } catch (BmffBoxes.BoxException e) {
            throw new C2paException("asset.invalid", "invalid BMFF structure: " + e.getMessage());
        }
        for (BmffBoxes.Box b : c2paBoxes(src, boxes)) {
            byte[] head = src.readUpTo(b.payloadOffset(), 64);
            int nul = 4;
            while (nul < head.length && head[nul] != 0) nul++;
            String purpose = Bytes.ascii(head, 4, Math.max(0, nul - 4));
            if (!purpose.equals("manifest")) continue;
            long at = b.payloadOffset() + nul + 1 + 8;
            if (at > b.end())
                throw new C2paException("jumbf.malformed", "C2PA uuid box at offset " + b.offset() + " is too short");
            return new Located(
                    Optional.of(bounded(src, at, b.end() - at)),
                    "BMFF uuid (C2PA) @ " + b.offset(),
                    format,
                    Optional.empty());
        }
        return Located.none(format, Optional.empty());
    }

    static List<BmffBoxes.Box> c2paBoxes(MediaSource src, List<BmffBoxes.Box> boxes) throws IOException {
        List<BmffBoxes.Box> out = new ArrayList<>();
        for (BmffBoxes.Box b : boxes) {
            if (b.type().equals("uuid")
                    && java.util.HexFormat.of()
                            .formatHex(src.read(b.payloadOffset() - 16, 16))
                            .equals(C2PA_UUID)) out.add(b);
        }
        return out;
    }

    static byte[] bounded(MediaSource src, long at, long len) throws IOException, C2paException {
        if (len > MAX_STORE)
            throw new C2paException(
                    "limit.exceeded", "manifest store of " + len + " bytes exceeds the limit of " + MAX_STORE);
        return src.read(at, (int) len);
    }
}
