package org.pramaan.signals;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.decode.StillImageDecoder;

/**
 * Runs the operator's whole-image detector models on a still image (issue 16). A score at or above
 * the model's operating point is a MODERATE signal with {@code synthetic=true}, below it INFO with
 * {@code synthetic=false}; a model that fails (throws, runs past its time limit) gives an INFO
 * signal naming the failure, and the item falls back to the other signals. The assessment caps a
 * model's say at "suspected" whatever the strength here (see {@code org.pramaan.assessment.Assessor}).
 */
public final class DetectorSignalExtractor implements SignalExtractor {
    private final List<Detector> detectors;
    private final StillImageDecoder decoder;

    public DetectorSignalExtractor(List<Detector> detectors, StillImageDecoder decoder) {
        this.detectors = detectors.stream()
                .filter(d -> d.manifest().modality() == Modality.IMAGE)
                .toList();
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    public List<Signal> extract(SignalInput input) throws MediaRejectedException {
        if (detectors.isEmpty() || input.info().kind() != MediaKind.IMAGE) return List.of();
        BufferedImage image = decoder.decode(input.source(), input.info());
        List<Signal> out = new ArrayList<>();
        for (Detector d : detectors) {
            ModelManifest m = d.manifest();
            String where = "model " + m.id() + " " + m.version();
            try {
                out.add(signal(d.score(image), m, where));
            } catch (DetectorFailure e) {
                out.add(new Signal(
                        SignalType.DETECTOR_SCORE,
                        "failed",
                        SignalStrength.INFO,
                        where,
                        Map.of(
                                "model", m.id(),
                                "version", m.version(),
                                "synthetic", "false",
                                "error", e.code(),
                                "message", e.getMessage() == null ? e.code() : e.getMessage())));
            } catch (RuntimeException e) {
                // A plug-in's defect must not take screening down with it (issue 16: "no crash").
                out.add(new Signal(
                        SignalType.DETECTOR_SCORE,
                        "failed",
                        SignalStrength.INFO,
                        where,
                        Map.of(
                                "model", m.id(),
                                "version", m.version(),
                                "synthetic", "false",
                                "error", "detect.run_failed",
                                "message", String.valueOf(e))));
            }
        }
        return out;
    }

    static Signal signal(DetectorScore s, ModelManifest m, String where) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("model", s.modelId());
        a.put("version", s.modelVersion());
        a.put("sha256", s.sha256());
        a.put("raw", Double.toString(s.raw()));
        a.put("probability", format(s.probability()));
        a.put("operatingPoint", format(s.operatingPoint()));
        a.put("calibration", m.calibration().method() + " (" + m.calibration().fittedOn() + ")");
        a.put("synthetic", Boolean.toString(s.saysSynthetic()));
        a.put("ai", Boolean.toString(s.saysSynthetic()));
        a.put(
                "evidence",
                String.join("; ", s.evidence().stream().map(Evidence::describe).toList()));
        return new Signal(
                SignalType.DETECTOR_SCORE,
                format(s.probability()),
                s.saysSynthetic() ? SignalStrength.MODERATE : SignalStrength.INFO,
                where,
                a);
    }

    static String format(double p) {
        return String.format(Locale.ROOT, "%.3f", p);
    }
}
