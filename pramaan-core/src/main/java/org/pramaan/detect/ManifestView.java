package org.pramaan.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A manifest as the API and the CLI show it: every field, keys as in the manifest file. */
public final class ManifestView {
    private ManifestView() {}

    public static Map<String, Object> of(ModelManifest m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("version", m.version());
        v.put("weights", m.weights());
        v.put("sha256", m.sha256());
        v.put("licence", m.licence());
        v.put("modality", m.modality().wireName());
        ModelManifest.InputSpec in = m.input();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", in.name());
        input.put("width", in.width());
        input.put("height", in.height());
        input.put("layout", in.layout().name());
        input.put("channels", in.channels().name());
        input.put("mean", in.mean());
        input.put("std", in.std());
        if (m.audio().isPresent()) {
            ModelManifest.AudioInput a = m.audio().get();
            input.clear();
            input.put("name", in.name());
            input.put("sampleRate", a.sampleRate());
            input.put("channels", "mono");
            input.put("windowSamples", a.windowSamples());
            input.put("hopSamples", a.hopSamples());
            input.put("layout", a.layout().name());
        }
        v.put("input", input);
        v.put(
                "output",
                Map.of(
                        "name", m.output().name(),
                        "index", m.output().index(),
                        "kind", m.output().kind().name().toLowerCase(java.util.Locale.ROOT),
                        "meaning", m.output().meaning()));
        if (m.modality().embedding()) {
            // An embedder has a cosine threshold where a detector has calibration and an operating point.
            v.put("threshold", m.operatingPoint());
            v.put("intendedUse", m.intendedUse());
            v.put("knownFailureModes", m.knownFailureModes());
            v.put("timeLimitMillis", m.timeLimitMillis());
            return v;
        }
        Map<String, Object> cal = new LinkedHashMap<>();
        cal.put("method", m.calibration().method());
        switch (m.calibration()) {
            case Calibration.Platt p -> {
                cal.put("a", p.a());
                cal.put("b", p.b());
            }
            case Calibration.Isotonic i ->
                cal.put(
                        "points",
                        i.points().stream().map(pt -> List.of(pt.x(), pt.p())).toList());
        }
        cal.put("fittedOn", m.calibration().fittedOn());
        v.put("calibration", cal);
        v.put("operatingPoint", m.operatingPoint());
        v.put("intendedUse", m.intendedUse());
        v.put("knownFailureModes", m.knownFailureModes());
        v.put("timeLimitMillis", m.timeLimitMillis());
        return v;
    }
}
