package org.pramaan.signals;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.Aigc;
import org.pramaan.provenance.DigitalSourceTypes;
import org.pramaan.provenance.MetadataBlocks;
import org.pramaan.provenance.TiffTags;
import org.pramaan.provenance.XmpReader;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.TrustSettings;

/**
 * Provenance and generator signals from a file's metadata. Malformed metadata is skipped (or
 * reported as a weak signal with an {@code error} attribute), never thrown.
 */
public final class MetadataSignalExtractor implements SignalExtractor {
    private final C2paReader c2pa;

    /** Validates C2PA manifests with no trust anchors, certificate validity judged by the system clock. */
    public MetadataSignalExtractor() {
        this(new C2paReader(TrustSettings.none(Clock.systemUTC())));
    }

    public MetadataSignalExtractor(C2paReader c2pa) {
        this.c2pa = c2pa;
    }

    @Override
    public List<Signal> extract(SignalInput input) throws IOException {
        MediaSource source = input.source();
        MetadataBlocks blocks = MetadataBlocks.find(source, input.info());
        List<Signal> out = labels(blocks);
        if (!blocks.c2pa.isEmpty()) out.addAll(C2paSignals.of(c2pa.read(source), blocks.c2pa));
        return out;
    }

    /** Every metadata signal except C2PA (which needs the reader and its trust settings). */
    public static List<Signal> labels(MetadataBlocks blocks) {
        List<Signal> out = new ArrayList<>();
        for (MetadataBlocks.Block b : blocks.xmp) xmp(b, out);
        for (MetadataBlocks.TextEntry t : blocks.text) {
            if (t.keyword().equals("AIGC")) out.add(aigc(t.text(), t.location()));
        }
        out.addAll(GeneratorTraces.fromText(blocks.text));
        for (MetadataBlocks.Block b : blocks.exif) exif(b, out);
        return out;
    }

    private static void xmp(MetadataBlocks.Block b, List<Signal> out) {
        XmpReader.Found f = XmpReader.read(b.data());
        for (String v : f.digitalSourceTypes()) out.add(digitalSourceType(v, b.location(), f.wellFormed()));
        for (String v : f.aigc()) out.add(aigc(v, b.location()));
        for (String v : f.provenance()) {
            if (v.startsWith("self#jumbf="))
                continue; // C2PA 2.2 §11.4: points at the embedded store, validated separately
            out.add(new Signal(
                    SignalType.C2PA_MANIFEST,
                    "remote",
                    SignalStrength.INFO,
                    b.location() + " dcterms:provenance",
                    Map.of("remote", v, "validated", "false", "fetched", "false")));
        }
        for (String d : f.descriptions()) {
            if (d.contains("Job ID:")) out.add(GeneratorTraces.midjourney(d, b.location() + " dc:description"));
        }
    }

    /** Generated source types confirm; capture, human edits and {@code algorithmicallyEnhanced} are recorded but never label (see {@link DigitalSourceTypes}). */
    static Signal digitalSourceType(String value, String location, boolean wellFormed) {
        String code = DigitalSourceTypes.code(value);
        boolean ai = DigitalSourceTypes.GENERATED.contains(code);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("code", code);
        attrs.put("synthetic", Boolean.toString(ai));
        if (DigitalSourceTypes.ENHANCED.contains(code))
            attrs.put("edit", "algorithmic enhancement of a capture; not an AI-generation label");
        if (!wellFormed) attrs.put("note", "XMP packet is not well-formed; value found by pattern");
        String uri = value.startsWith(DigitalSourceTypes.C2PA) ? value : DigitalSourceTypes.NEWSCODES + code;
        return new Signal(
                SignalType.IPTC_DIGITAL_SOURCE_TYPE,
                uri,
                ai ? SignalStrength.STRONG : SignalStrength.INFO,
                location,
                attrs);
    }

    /** GB 45438 Label "1" = generated (confirms); "2"/"3" = a platform's possibly/suspected (suspicion); invalid = weak. */
    static Signal aigc(String json, String location) {
        Aigc.Parsed p = Aigc.parse(json);
        Map<String, String> attrs = new LinkedHashMap<>(p.fields());
        if (p.problem().isPresent()) {
            attrs.put("error", p.problem().get());
            return new Signal(SignalType.GB45438_AIGC, p.label(), SignalStrength.WEAK, location, attrs);
        }
        return new Signal(
                SignalType.GB45438_AIGC,
                p.label(),
                p.label().equals("1") ? SignalStrength.STRONG : SignalStrength.MODERATE,
                location,
                attrs);
    }

    private static void exif(MetadataBlocks.Block b, List<Signal> out) {
        Map<Integer, String> tags = TiffTags.text(b.data());
        String software = tags.getOrDefault(TiffTags.SOFTWARE, "");
        Map<String, String> camera = new LinkedHashMap<>();
        if (tags.containsKey(TiffTags.MAKE)) camera.put("make", tags.get(TiffTags.MAKE));
        if (tags.containsKey(TiffTags.MODEL)) camera.put("model", tags.get(TiffTags.MODEL));
        if (!software.isEmpty()) {
            boolean ai = GeneratorTraces.namesAiTool(software);
            Map<String, String> attrs = new LinkedHashMap<>(camera);
            attrs.put("ai", Boolean.toString(ai));
            out.add(new Signal(
                    SignalType.EXIF_SOFTWARE,
                    software,
                    ai ? SignalStrength.WEAK : SignalStrength.INFO,
                    b.location() + " Software",
                    attrs));
        }
        String comment = tags.getOrDefault(TiffTags.USER_COMMENT, "");
        if (GeneratorTraces.looksLikeA1111(comment))
            out.add(GeneratorTraces.a1111(comment, b.location() + " UserComment"));
        String description = tags.getOrDefault(TiffTags.IMAGE_DESCRIPTION, "");
        if (description.contains("Job ID:"))
            out.add(GeneratorTraces.midjourney(description, b.location() + " ImageDescription"));
        if (software.isEmpty() && !camera.isEmpty()) {
            // Camera make/model alone is weak evidence of capture; recorded for reviewers, never a tier input.
            out.add(new Signal(
                    SignalType.EXIF_SOFTWARE,
                    (camera.getOrDefault("make", "") + " " + camera.getOrDefault("model", "")).trim(),
                    SignalStrength.INFO,
                    b.location() + " Make/Model",
                    Map.of("ai", "false", "kind", "camera".toLowerCase(Locale.ROOT))));
        }
    }
}
