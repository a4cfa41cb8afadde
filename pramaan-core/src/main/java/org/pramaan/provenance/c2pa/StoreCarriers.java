package org.pramaan.provenance.c2pa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.pramaan.media.MediaSource;
import org.pramaan.media.container.Bytes;
import org.pramaan.media.container.GifBlocks;
import org.pramaan.media.container.Id3Frames;
import org.pramaan.media.container.TiffIfds;
import org.pramaan.provenance.c2pa.StoreLocator.Located;

/** The less common carriers of C2PA 2.2 Appendix A: MP3 ID3 GEOB, TIFF tag 52545, GIF application extension, SVG, remote references. */
final class StoreCarriers {
    private static final int SCAN_WINDOW = 1024 * 1024;
    /*
     * Both scanners below are plain code, not java.util.regex: the SVG one was cubic on a
     * <c2pa:manifest> followed by spaces and no closing tag (issue 11 defect 2, N = 4,000 took 53 s),
     * and the provenance one quadratic on repeated unterminated attributes. Each is one pass over
     * its window; StoreCarriersOracleTest keeps the old expressions as the oracle.
     */
    private static final String PROVENANCE = "dcterms:provenance";
    private static final String SVG_OPEN = "<c2pa:manifest>";
    private static final String SVG_CLOSE = "</c2pa:manifest>";

    private StoreCarriers() {}

    /** A.3.4: ID3v2 {@code GEOB} frame with MIME type {@code application/c2pa} (older {@code application/x-c2pa-manifest-store}). */
    static Located mp3(MediaSource src) throws IOException, C2paException {
        Id3Frames.Result r = Id3Frames.walk(src);
        if (!r.problem().isEmpty()) throw new C2paException("asset.invalid", "invalid ID3v2 tag: " + r.problem());
        for (Id3Frames.Frame f : r.frames()) {
            if (!f.id().equals("GEOB") || f.length() > StoreLocator.MAX_STORE) continue;
            Optional<Id3Frames.Geob> g = Id3Frames.geob(src.read(f.dataOffset(), (int) f.length()));
            if (g.isPresent()
                    && (g.get().mime().equals("application/c2pa")
                            || g.get().mime().equals("application/x-c2pa-manifest-store"))) {
                return new Located(
                        Optional.of(g.get().data()), "MP3 ID3 GEOB @ " + f.offset(), "audio/mpeg", Optional.empty());
            }
        }
        return Located.none("audio/mpeg", Optional.empty());
    }

    /** A.3.5: tag 52545 (0xCD41), type UNDEFINED, in an IFD of the chain. */
    static Located tiff(MediaSource src) throws IOException, C2paException {
        Optional<TiffIfds.Value> v = TiffIfds.find(src, 0xCD41);
        if (v.isEmpty()) return Located.none("image/tiff", Optional.empty());
        return new Located(
                        Optional.of(StoreLocator.bounded(
                                src, v.get().offset(), v.get().length())),
                        "TIFF tag 0xCD41",
                        "image/tiff",
                        Optional.empty())
                .spanning(v.get().offset(), v.get().offset() + v.get().length());
    }

    /** A.3.7: application extension {@code C2PA_GIF}, store in the data sub-blocks. */
    static Located gif(MediaSource src) throws IOException, C2paException {
        GifBlocks.Result r = GifBlocks.walk(src, StoreLocator.MAX_STORE);
        for (GifBlocks.Extension e : r.applications()) {
            if (e.identifier().equals("C2PA_GIF"))
                return new Located(
                        Optional.of(e.data()),
                        "GIF application extension C2PA_GIF @ " + e.offset(),
                        "image/gif",
                        Optional.empty());
        }
        if (!r.problem().isEmpty()) throw new C2paException("asset.invalid", "invalid GIF structure: " + r.problem());
        return Located.none("image/gif", Optional.empty());
    }

    /** A.3.3: base64 store in {@code <c2pa:manifest>} inside the SVG's metadata. */
    static Located svg(MediaSource src) throws IOException, C2paException {
        if (src.size() > StoreLocator.MAX_STORE * 2L)
            throw new C2paException("limit.exceeded", "SVG larger than " + StoreLocator.MAX_STORE * 2L + " bytes");
        String text = new String(src.readAll(), StandardCharsets.UTF_8);
        Optional<String> base64 = svgManifest(text);
        if (base64.isEmpty()) return Located.none("image/svg+xml", Optional.empty());
        try {
            byte[] store = Base64.getMimeDecoder().decode(base64.get());
            return new Located(Optional.of(store), "SVG c2pa:manifest", "image/svg+xml", Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new C2paException("jumbf.malformed", "SVG c2pa:manifest is not valid base64: " + e.getMessage());
        }
    }

    /** §11.4: XMP {@code dcterms:provenance} names a remote manifest; searched in the first and last MiB. */
    static Optional<String> remoteReference(MediaSource src) throws IOException {
        long[] starts = src.size() <= SCAN_WINDOW ? new long[] {0} : new long[] {0, src.size() - SCAN_WINDOW};
        for (long s : starts) {
            org.pramaan.limits.WorkBudget.check();
            Optional<String> url =
                    remoteReference(new String(src.readUpTo(s, SCAN_WINDOW), StandardCharsets.ISO_8859_1));
            if (url.isPresent()) return url;
        }
        return Optional.empty();
    }

    /**
     * The first {@code dcterms:provenance="…"} or {@code dcterms:provenance>…<} value that is an http(s) URL;
     * what {@code dcterms:provenance(?:="([^"]+)"|>([^<]+)<)} with {@code find()} gave, in linear time (the
     * next quote and next {@code <} are remembered, so overlapping candidates do not rescan).
     */
    static Optional<String> remoteReference(String text) {
        int from = 0;
        int nextQuote = -2;
        int nextLt = -2;
        while (true) {
            int p = text.indexOf(PROVENANCE, from);
            if (p < 0) return Optional.empty();
            int a = p + PROVENANCE.length();
            int valueStart = -1;
            int valueEnd = -1;
            if (a + 1 < text.length() && text.charAt(a) == '=' && text.charAt(a + 1) == '"') {
                if (nextQuote != -1 && nextQuote < a + 2) nextQuote = text.indexOf('"', a + 2);
                if (nextQuote > a + 2) {
                    valueStart = a + 2;
                    valueEnd = nextQuote;
                }
            } else if (a < text.length() && text.charAt(a) == '>') {
                if (nextLt != -1 && nextLt < a + 1) nextLt = text.indexOf('<', a + 1);
                if (nextLt > a + 1) {
                    valueStart = a + 1;
                    valueEnd = nextLt;
                }
            }
            if (valueStart < 0) {
                from = p + 1;
                continue;
            }
            // Leftover self#jumbf references from a stripped manifest are not remote manifests.
            String url = text.substring(valueStart, valueEnd).trim();
            if (url.startsWith("http://") || url.startsWith("https://")) return Optional.of(url);
            from = valueEnd + 1;
        }
    }

    /**
     * The base64 text of the first {@code <c2pa:manifest>} whose content is only base64 letters and
     * whitespace and is closed by {@code </c2pa:manifest>}, without its surrounding whitespace; what
     * {@code <c2pa:manifest>\s*([A-Za-z0-9+/=\s]+?)\s*</c2pa:manifest>} captured, in linear time.
     */
    static Optional<String> svgManifest(String text) {
        return org.pramaan.limits.PlainText.taggedContent(text, SVG_OPEN, SVG_CLOSE, StoreCarriers::isBase64OrSpace)
                .map(r -> {
                    int a = r[0];
                    int b = r[1];
                    while (a < b && org.pramaan.limits.PlainText.isRegexSpace(text.charAt(a))) a++;
                    if (a == b)
                        return text.substring(b - 1, b); // only whitespace: the regex's group keeps the last character
                    while (org.pramaan.limits.PlainText.isRegexSpace(text.charAt(b - 1))) b--;
                    return text.substring(a, b);
                });
    }

    private static boolean isBase64OrSpace(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '='
                || org.pramaan.limits.PlainText.isRegexSpace((char) c);
    }

    static boolean isJumbf(byte[] b) {
        return b.length >= 8 && Bytes.startsWith(b, 4, "jumb");
    }
}
