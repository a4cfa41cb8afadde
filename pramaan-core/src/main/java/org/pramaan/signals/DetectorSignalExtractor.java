package org.pramaan.signals;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceCrops;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.decode.StillImageDecoder;

/**
 * Runs the operator's detector models on a still image (issue 16): whole-image models on the image,
 * per-face models ({@link Modality#FACE}) on each face the face detector finds (the strongest
 * {@value #MAX_FACES}), cut and aligned by {@link FaceCrops} to the model's input size; each face's
 * score is its own signal naming the face's box, beside the whole-image scores. A score at or above
 * the model's operating point is a MODERATE signal with {@code synthetic=true}, below it INFO with
 * {@code synthetic=false}; a model that fails (throws, runs past its time limit) gives an INFO
 * signal naming the failure, and the item falls back to the other signals. The assessment caps a
 * model's say at "suspected" whatever the strength here (see {@code org.pramaan.assessment.Assessor}).
 */
public final class DetectorSignalExtractor implements SignalExtractor {
    /** Faces scored per image: a crowd photo is screened by its most prominent faces, at bounded cost. */
    public static final int MAX_FACES = 16;

    private final List<Detector> detectors;
    private final List<Detector> perFace;
    private final Optional<FaceDetector> faces;
    private final StillImageDecoder decoder;

    public DetectorSignalExtractor(List<Detector> detectors, StillImageDecoder decoder) {
        this(detectors, Optional.empty(), decoder);
    }

    /** With the runtime's face detector, which per-face models need (without one they are not run). */
    public DetectorSignalExtractor(List<Detector> detectors, Optional<FaceDetector> faces, StillImageDecoder decoder) {
        this.detectors = detectors.stream()
                .filter(d -> d.manifest().modality() == Modality.IMAGE)
                .toList();
        this.faces = Objects.requireNonNull(faces, "faces");
        this.perFace = faces.isEmpty()
                ? List.of()
                : detectors.stream()
                        .filter(d -> d.manifest().modality() == Modality.FACE)
                        .toList();
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    public List<Signal> extract(SignalInput input) throws MediaRejectedException {
        if ((detectors.isEmpty() && perFace.isEmpty()) || input.info().kind() != MediaKind.IMAGE) return List.of();
        BufferedImage image = decoder.decode(input.source(), input.info());
        List<Signal> out = new ArrayList<>();
        for (Detector d : detectors)
            out.add(run(
                    d, image, "model " + d.manifest().id() + " " + d.manifest().version()));
        if (perFace.isEmpty()) return out;
        List<FaceDetector.Face> found;
        try {
            found = faces.orElseThrow().faces(image);
        } catch (DetectorFailure | RuntimeException e) {
            // No faces, no per-face scores; the whole-image models and the other signals still stand.
            for (Detector d : perFace)
                out.add(failed(
                        d.manifest(),
                        "model " + d.manifest().id() + " " + d.manifest().version(),
                        e));
            return out;
        }
        for (int i = 0; i < Math.min(MAX_FACES, found.size()); i++) {
            FaceDetector.Face f = found.get(i);
            for (Detector d : perFace) {
                ModelManifest m = d.manifest();
                int side = Math.min(
                        FaceCrops.MAX_SIDE,
                        Math.max(8, Math.max(m.input().width(), m.input().height())));
                String where = "model " + m.id() + " " + m.version() + ", face " + (i + 1);
                Signal s = run(d, FaceCrops.align(image, f, side), where);
                out.add(onFace(s, f, i + 1));
            }
        }
        return out;
    }

    /** A per-face score's signal: its evidence is the face's box in the image, not the whole crop. */
    private static Signal onFace(Signal s, FaceDetector.Face f, int number) {
        Map<String, String> a = new LinkedHashMap<>(s.attributes());
        a.put("face", Integer.toString(number));
        a.put("faceScore", format(f.score()));
        a.put("evidence", "face " + number + " " + Evidence.describe(f.box()));
        return new Signal(s.type(), s.value(), s.strength(), s.location(), a);
    }

    private static Signal run(Detector d, BufferedImage image, String where) {
        ModelManifest m = d.manifest();
        try {
            return signal(d.score(image), m, where);
        } catch (DetectorFailure | RuntimeException e) {
            // A plug-in's defect must not take screening down with it (issue 16: "no crash").
            return failed(m, where, e);
        }
    }

    private static Signal failed(ModelManifest m, String where, Exception e) {
        boolean known = e instanceof DetectorFailure;
        String code = known ? ((DetectorFailure) e).code() : "detect.run_failed";
        String message = known ? (e.getMessage() == null ? code : e.getMessage()) : String.valueOf(e);
        return new Signal(
                SignalType.DETECTOR_SCORE,
                "failed",
                SignalStrength.INFO,
                where,
                Map.of(
                        "model",
                        m.id(),
                        "version",
                        m.version(),
                        "synthetic",
                        "false",
                        "error",
                        code,
                        "message",
                        message));
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
