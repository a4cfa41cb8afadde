package org.pramaan.signals;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceCrops;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.Vector;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.decode.StillImageDecoder;

/**
 * Compares each face in an uploaded still image (the strongest {@value #MAX_FACES}) with the
 * protected-persons registry (issue 16): a face whose embedding's cosine similarity with an
 * enrolled person's reaches the model's threshold gives a {@link SignalType#LIKENESS_MATCH} INFO
 * signal. INFO with {@code synthetic=false}: a likeness is no evidence of synthesis, so the tier and
 * the decision are unchanged; the review queue puts such uploads first and the person's standing
 * complaint records the match. Videos are compared track by track by {@link VideoLikeness}, inside
 * {@link VideoDetectorExtractor}'s pass over the frames ({@link #video()}). An embedder that
 * fails gives one {@code failed} signal naming the failure and screening goes on.
 */
public final class LikenessExtractor implements SignalExtractor {
    public static final int MAX_FACES = 16;

    private final FaceDetector faces;
    private final FaceEmbedder embedder;
    private final LikenessIndex index;
    private final StillImageDecoder decoder;

    public LikenessExtractor(
            FaceDetector faces, FaceEmbedder embedder, LikenessIndex index, StillImageDecoder decoder) {
        this.faces = Objects.requireNonNull(faces, "faces");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.index = Objects.requireNonNull(index, "index");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    public List<Signal> extract(SignalInput input) throws MediaRejectedException {
        if (index.size() == 0 || input.info().kind() != MediaKind.IMAGE) return List.of();
        BufferedImage image = decoder.decode(input.source(), input.info());
        String model = embedder.manifest().id();
        String version = embedder.manifest().version();
        List<Signal> out = new ArrayList<>();
        try {
            List<FaceDetector.Face> found = faces.faces(image);
            for (int i = 0; i < Math.min(MAX_FACES, found.size()); i++) {
                FaceDetector.Face f = found.get(i);
                Vector v = Vector.of(embedder.embed(FaceCrops.align(image, f, embedder.cropSide())));
                Optional<LikenessIndex.Match> m =
                        index.best(LikenessModality.FACE, model, version, v, embedder.threshold());
                if (m.isEmpty()) continue;
                out.add(LikenessSignals.match(
                        embedder,
                        m.get(),
                        "face " + (i + 1),
                        "face " + (i + 1) + " " + Evidence.describe(f.box()),
                        Map.of("face", Integer.toString(i + 1))));
            }
        } catch (DetectorFailure | RuntimeException e) {
            return List.of(LikenessSignals.failed(embedder, e));
        }
        return out;
    }

    /** Whether a signal is a likeness match (not a failure). */
    public static boolean isMatch(Signal s) {
        return s.type() == SignalType.LIKENESS_MATCH
                && "true".equals(s.attributes().get("matched"));
    }

    /** The same comparison for a video's face tracks, inside the video detectors' single decoding pass. */
    public VideoLikeness video() {
        return new VideoLikeness(embedder, index);
    }
}
