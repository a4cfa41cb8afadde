package org.pramaan.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Reason;
import org.pramaan.banks.BankMatch;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.PdqResult;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.signals.Signal;

/**
 * The public JSON shape of a screening, shared by {@code pramaan scan --json} and the HTTP API so
 * that both speak the same language. Field names here are API: change them only with a version.
 */
public final class ScreeningView {
    private ScreeningView() {}

    public static Map<String, Object> report(ScreeningReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256", r.sha256());
        info(m, r.info());
        m.put("hashes", hashes(r.sha256(), r.md5(), r.pdq(), r.av()));
        m.put("signals", signals(r.signals()));
        m.put("matches", r.matches().stream().map(ScreeningView::match).toList());
        m.put("assessment", assessment(r.assessment()));
        m.put("decision", decision(r.decision().name(), r.outcome().reasons()));
        return m;
    }

    public static Map<String, Object> media(MediaRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("sha256", r.id());
        info(m, r.info());
        m.put("hashes", hashes(r.id(), r.md5(), r.pdq(), r.av()));
        m.put("signals", signals(r.signals()));
        m.put("assessment", assessment(r.assessment()));
        m.put("decision", decision(r.decision().name(), r.decisionReasons()));
        m.put("status", r.status().name());
        m.put("stored", r.blobStored());
        m.put("firstSeenAt", r.firstSeenAt().toString());
        m.put("lastScreenedAt", r.lastScreenedAt().toString());
        return m;
    }

    public static Map<String, Object> error(String code, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        return Map.of("error", e);
    }

    public static Map<String, Object> rejection(MediaRejectedException e) {
        return error(e.code().code(), e.getMessage());
    }

    private static void info(Map<String, Object> m, MediaInfo info) {
        m.put("mediaType", info.type().mimeType());
        m.put("format", info.type().name());
        m.put("kind", info.kind().name());
        m.put("sizeBytes", info.sizeBytes());
        info.dimensions().ifPresent(d -> m.put("dimensions", Map.of("width", d.width(), "height", d.height())));
        info.duration().ifPresent(d -> m.put("durationSeconds", d.toMillis() / 1000.0));
    }

    private static Map<String, Object> hashes(String sha256, String md5, Optional<PdqResult> pdq, AvHashes av) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("sha256", sha256);
        h.put("md5", md5);
        pdq.ifPresent(p -> h.put("pdq", Map.of("hash", p.hash().toHex(), "quality", p.quality())));
        av(h, av);
        return h;
    }

    /** Adds {@code vpdq} (frames), {@code audio} (fingerprint) and {@code errors} (why one is missing) when there are any. */
    public static void av(Map<String, Object> h, AvHashes av) {
        if (!av.vpdq().isEmpty())
            h.put("vpdq", av.vpdq().stream().map(ScreeningView::frame).toList());
        av.audio()
                .ifPresent(a -> h.put(
                        "audio",
                        Map.of(
                                "durationSeconds",
                                a.durationSeconds(),
                                "subFingerprints",
                                a.count(),
                                "strongSubFingerprints",
                                a.strongCount(),
                                "fingerprint",
                                a.toBase64())));
        if (!av.errors().isEmpty()) h.put("errors", av.errors());
    }

    private static Map<String, Object> frame(VpdqFrame f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frame", f.frameNumber());
        m.put("timestampSeconds", f.timestampSeconds());
        m.put("hash", f.hash().toHex());
        m.put("quality", f.quality());
        return m;
    }

    private static List<Map<String, Object>> signals(List<Signal> signals) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", i);
            m.put("type", s.type().name());
            m.put("value", s.value());
            m.put("strength", s.strength().name());
            m.put("location", s.location());
            if (!s.attributes().isEmpty()) m.put("attributes", new java.util.TreeMap<>(s.attributes()));
            out.add(m);
        }
        return out;
    }

    /** A bank match as the API shows it: numeric distance, bank kind, whether it acts. */
    public static Map<String, Object> match(BankMatch b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bank", b.bank());
        m.put("kind", b.kind().wireName());
        m.put("itemId", b.itemId());
        m.put("method", b.method());
        m.put("distance", b.distance());
        b.mediaId().ifPresent(v -> m.put("mediaId", v));
        b.caseId().ifPresent(c -> m.put("caseId", c));
        m.put("acts", b.acts());
        b.inert().ifPresent(v -> m.put("inert", v));
        if (!b.details().isEmpty()) m.put("details", b.details());
        if (!b.segments().isEmpty())
            m.put(
                    "segments",
                    b.segments().stream()
                            .map(g -> Map.of(
                                    "queryStartSeconds",
                                    g.queryStart(),
                                    "queryEndSeconds",
                                    g.queryEnd(),
                                    "storedStartSeconds",
                                    g.storedStart(),
                                    "storedEndSeconds",
                                    g.storedEnd(),
                                    "matchedFrames",
                                    g.matchedFrames()))
                            .toList());
        return m;
    }

    private static Map<String, Object> assessment(Assessment a) {
        return Map.of("tier", a.tier().name(), "reasons", reasons(a.reasons()));
    }

    private static Map<String, Object> decision(String decision, List<Reason> reasons) {
        return Map.of("decision", decision, "reasons", reasons(reasons));
    }

    private static List<Map<String, Object>> reasons(List<Reason> reasons) {
        return reasons.stream()
                .map(r -> Map.<String, Object>of("code", r.code(), "message", r.message(), "signals", r.signals()))
                .toList();
    }
}
