package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.GifBlocks;
import org.pramaan.media.container.Id3Frames;
import org.pramaan.media.container.TiffIfds;
import org.pramaan.provenance.c2pa.StoreLocator.Located;

/** The less common carriers of C2PA 2.2 Appendix A: MP3 ID3 GEOB, TIFF tag 52545, GIF application extension, SVG, remote references. */
final class StoreCarriers {
    private static final int SCAN_WINDOW = 1024 * 1024;
    private static final Pattern PROVENANCE = Pattern.compile("dcterms:provenance(?:=\"([^\"]+)\"|>([^<]+)<)");
    private static final Pattern SVG_MANIFEST = Pattern.compile("<c2pa:manifest>\\s*([A-Za-z0-9+/=\\s]+?)\\s*</c2pa:manifest>");

    private StoreCarriers() {}

    /** A.3.4: ID3v2 {@code GEOB} frame with MIME type {@code application/c2pa} (older {@code application/x-c2pa-manifest-store}). */
    static Located mp3(MediaSource src) throws IOException, C2paException {
        Id3Frames.Result r = Id3Frames.walk(src);
        if (!r.problem().isEmpty()) throw new C2paException("asset.invalid", "invalid ID3v2 tag: " + r.problem());
        for (Id3Frames.Frame f : r.frames()) {
            if (!f.id().equals("GEOB") || f.length() > StoreLocator.MAX_STORE) continue;
            Optional<Id3Frames.Geob> g = Id3Frames.geob(src.read(f.dataOffset(), (int) f.length()));
            if (g.isPresent() && (g.get().mime().equals("application/c2pa") || g.get().mime().equals("application/x-c2pa-manifest-store"))) {
                return new Located(Optional.of(g.get().data()), "MP3 ID3 GEOB @ " + f.offset(), "audio/mpeg", Optional.empty());
            }
        }
        return Located.none("audio/mpeg", Optional.empty());
    }

    /** A.3.5: tag 52545 (0xCD41), type UNDEFINED, in an IFD of the chain. */
    static Located tiff(MediaSource src) throws IOException, C2paException {
        Optional<TiffIfds.Value> v = TiffIfds.find(src, 0xCD41);
        if (v.isEmpty()) return Located.none("image/tiff", Optional.empty());
        return new Located(Optional.of(StoreLocator.bounded(src, v.get().offset(), v.get().length())), "TIFF tag 0xCD41", "image/tiff", Optional.empty())
                .spanning(v.get().offset(), v.get().offset() + v.get().length());
    }

    /** A.3.7: application extension {@code C2PA_GIF}, store in the data sub-blocks. */
    static Located gif(MediaSource src) throws IOException, C2paException {
        GifBlocks.Result r = GifBlocks.walk(src, StoreLocator.MAX_STORE);
        for (GifBlocks.Extension e : r.applications()) {
            if (e.identifier().equals("C2PA_GIF")) return new Located(Optional.of(e.data()), "GIF application extension C2PA_GIF @ " + e.offset(), "image/gif", Optional.empty());
        }
        if (!r.problem().isEmpty()) throw new C2paException("asset.invalid", "invalid GIF structure: " + r.problem());
        return Located.none("image/gif", Optional.empty());
    }

    /** A.3.3: base64 store in {@code <c2pa:manifest>} inside the SVG's metadata. */
    static Located svg(MediaSource src) throws IOException, C2paException {
        if (src.size() > StoreLocator.MAX_STORE * 2L) throw new C2paException("limit.exceeded", "SVG larger than " + StoreLocator.MAX_STORE * 2L + " bytes");
        String text = new String(src.readAll(), StandardCharsets.UTF_8);
        Matcher m = SVG_MANIFEST.matcher(text);
        if (!m.find()) return Located.none("image/svg+xml", Optional.empty());
        try {
            byte[] store = Base64.getMimeDecoder().decode(m.group(1));
            return new Located(Optional.of(store), "SVG c2pa:manifest", "image/svg+xml", Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new C2paException("jumbf.malformed", "SVG c2pa:manifest is not valid base64: " + e.getMessage());
        }
    }

    /** §11.4: XMP {@code dcterms:provenance} names a remote manifest; searched in the first and last MiB. */
    static Optional<String> remoteReference(MediaSource src) throws IOException {
        long[] starts = src.size() <= SCAN_WINDOW ? new long[] {0} : new long[] {0, src.size() - SCAN_WINDOW};
        for (long s : starts) {
            Matcher m = PROVENANCE.matcher(new String(src.readUpTo(s, SCAN_WINDOW), StandardCharsets.ISO_8859_1));
            // Leftover self#jumbf references from a stripped manifest are not remote manifests.
            while (m.find()) {
                String url = (m.group(1) != null ? m.group(1) : m.group(2)).trim();
                if (url.startsWith("http://") || url.startsWith("https://")) return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    static boolean isJumbf(byte[] b) { return b.length >= 8 && Bytes.startsWith(b, 4, "jumb"); }
}
