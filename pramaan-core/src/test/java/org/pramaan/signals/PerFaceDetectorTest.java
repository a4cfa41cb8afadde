package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.StandardStillImageDecoder;

/** Issue 16: per-face models run on each aligned face; each face's score names its box; whole-image scores stay. */
class PerFaceDetectorTest {
    static ModelManifest face(String id) {
        ModelManifest m = DetectorSignalExtractorTest.manifest(id);
        return new ModelManifest(
                m.id(),
                m.version(),
                m.weights(),
                m.sha256(),
                m.licence(),
                Modality.FACE,
                m.input(),
                m.output(),
                m.calibration(),
                m.operatingPoint(),
                m.intendedUse(),
                m.knownFailureModes(),
                m.timeLimitMillis());
    }

    /** A per-face stand-in whose probability is the crop's mean red: a red face scores high, a blue one low. */
    static final class RedFace implements Detector {
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public ModelManifest manifest() {
            return face("red-face");
        }

        @Override
        public DetectorScore score(BufferedImage crop) {
            sizes.add(crop.getWidth());
            double red = 0;
            for (int y = 0; y < crop.getHeight(); y++)
                for (int x = 0; x < crop.getWidth(); x++) red += (crop.getRGB(x, y) >> 16) & 0xff;
            double p = red / (255.0 * crop.getWidth() * crop.getHeight());
            return new DetectorScore("red-face", "1.0", "cd".repeat(32), p, p, 0.6, List.of(Evidence.Region.whole()));
        }

        @Override
        public void close() {}
    }

    /** Two "faces": a red square at the left, a blue one at the right (boxes known, no eye points). */
    static final FaceDetector TWO = image -> List.of(
            new FaceDetector.Face(new Evidence.Region(0.125, 0.25, 0.25, 0.5), 0.9, List.of()),
            new FaceDetector.Face(new Evidence.Region(0.625, 0.25, 0.25, 0.5), 0.8, List.of()));

    static List<Signal> run(List<Detector> detectors, Optional<FaceDetector> faces) throws Exception {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(8, 8, 16, 16);
        g.setColor(Color.BLUE);
        g.fillRect(40, 8, 16, 16);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        MediaSource src = MediaSource.of(png.toByteArray());
        return new DetectorSignalExtractor(detectors, faces, new StandardStillImageDecoder())
                .extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    @Test
    void eachFaceGetsItsOwnScoreNamingItsBoxBesideTheWholeImageScore() throws Exception {
        RedFace perFace = new RedFace();
        Detector whole = new DetectorSignalExtractorTest.Fixed("whole", 0.3, null);
        List<Signal> out = run(List.of(whole, perFace), Optional.of(TWO));
        assertThat(out).hasSize(3);
        assertThat(out.get(0).attributes()).containsEntry("model", "whole").doesNotContainKey("face");
        Signal red = out.get(1);
        Signal blue = out.get(2);
        assertThat(red.location()).isEqualTo("model red-face 1.0, face 1");
        assertThat(red.attributes())
                .containsEntry("face", "1")
                .containsEntry("faceScore", "0.900")
                .containsEntry("evidence", "face 1 region x=0.13 y=0.25 w=0.25 h=0.50")
                .containsEntry("synthetic", "true");
        assertThat(red.strength()).isEqualTo(SignalStrength.MODERATE);
        assertThat(Double.parseDouble(red.value())).isGreaterThan(0.9);
        assertThat(blue.attributes())
                .containsEntry("face", "2")
                .containsEntry("evidence", "face 2 region x=0.63 y=0.25 w=0.25 h=0.50")
                .containsEntry("synthetic", "false");
        // Crops are cut at the model's input size (8×8 in the manifest).
        assertThat(perFace.sizes).containsExactly(8, 8);
    }

    @Test
    void withoutAFaceDetectorPerFaceModelsAreNotRunAndAFailingOneLeavesTheWholeImageScore() throws Exception {
        RedFace perFace = new RedFace();
        assertThat(run(List.of(perFace), Optional.empty())).isEmpty();
        assertThat(perFace.sizes).isEmpty();
        FaceDetector broken = image -> {
            throw new DetectorFailure("detect.run_failed", "face detector broke");
        };
        Detector whole = new DetectorSignalExtractorTest.Fixed("whole", 0.3, null);
        List<Signal> out = run(List.of(whole, perFace), Optional.of(broken));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).value()).isEqualTo("0.300");
        assertThat(out.get(1).value()).isEqualTo("failed");
        assertThat(out.get(1).attributes())
                .containsEntry("model", "red-face")
                .containsEntry("error", "detect.run_failed");
    }
}
