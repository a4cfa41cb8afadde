package org.pramaan.signals;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.likeness.LikenessIndex;

/**
 * The {@link SignalType#LIKENESS_MATCH} signals of still images ({@link LikenessExtractor}) and video
 * face tracks ({@link VideoLikeness}), built in one place so the case link ({@code LikenessLinks}),
 * the review queue and the reasons read both alike (issue 16).
 */
final class LikenessSignals {
    private LikenessSignals() {}

    /**
     * A match: INFO with {@code synthetic=false}, since a likeness is no evidence of synthesis; the
     * tier and decision stay as they are.
     *
     * @param where    the face or track, e.g. "face 1" or "track 2"
     * @param evidence what a reviewer looks at, e.g. "face 1 region x=…"
     * @param extra    attributes of this kind of media (face number, track, time range), put before the
     *                 evidence
     */
    static Signal match(
            FaceEmbedder embedder, LikenessIndex.Match m, String where, String evidence, Map<String, String> extra) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("matched", "true");
        a.put("person", m.personId());
        a.put("similarity", format(m.similarity()));
        a.put("threshold", format(embedder.threshold()));
        a.put("model", embedder.manifest().id());
        a.put("version", embedder.manifest().version());
        a.put("sha256", embedder.manifest().sha256());
        a.putAll(extra);
        a.put("evidence", evidence);
        m.caseId().ifPresent(c -> a.put("caseId", c));
        a.put("synthetic", "false");
        return new Signal(SignalType.LIKENESS_MATCH, m.personId(), SignalStrength.INFO, where, a);
    }

    /** The one signal of an upload whose faces could not be compared: the model or face detector failed. */
    static Signal failed(FaceEmbedder embedder, Exception e) {
        // A plug-in's defect must not take screening down (issue 16: "no crash"); say so and go on.
        String model = embedder.manifest().id();
        String version = embedder.manifest().version();
        String code = e instanceof DetectorFailure d ? d.code() : "detect.run_failed";
        return new Signal(
                SignalType.LIKENESS_MATCH,
                "failed",
                SignalStrength.INFO,
                "model " + model + " " + version,
                Map.of(
                        "matched",
                        "false",
                        "model",
                        model,
                        "version",
                        version,
                        "synthetic",
                        "false",
                        "error",
                        code,
                        "message",
                        String.valueOf(e.getMessage())));
    }

    static String format(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
