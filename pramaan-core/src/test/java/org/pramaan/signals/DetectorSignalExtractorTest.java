package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Assessor;
import org.pramaan.assessment.Tier;
import org.pramaan.detect.Calibration;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.StandardStillImageDecoder;

/** Issue 16: model scores become signals with their evidence; a failing model is reported and screening goes on. */
class DetectorSignalExtractorTest {
    static ModelManifest manifest(String id) {
        return new ModelManifest(
                id,
                "1.0",
                id + ".onnx",
                "cd".repeat(32),
                "MIT",
                Modality.IMAGE,
                new ModelManifest.InputSpec(
                        "x",
                        8,
                        8,
                        ModelManifest.Layout.NCHW,
                        ModelManifest.ChannelOrder.RGB,
                        List.of(0.0, 0.0, 0.0),
                        List.of(1.0, 1.0, 1.0)),
                new ModelManifest.OutputSpec("y", 0, ModelManifest.OutputKind.PROBABILITY, "synthetic"),
                new Calibration.Platt(1, 0, "fixture"),
                0.6,
                "tests",
                List.of(),
                1000);
    }

    /** A stand-in detector: answers with {@code probability} over the left half, or fails as told. */
    record Fixed(String id, double probability, Exception failure) implements Detector {
        @Override
        public ModelManifest manifest() {
            return DetectorSignalExtractorTest.manifest(id);
        }

        @Override
        public DetectorScore score(BufferedImage image) throws DetectorFailure {
            if (failure instanceof DetectorFailure f) throw f;
            if (failure instanceof RuntimeException r) throw r;
            return new DetectorScore(
                    id, "1.0", "cd".repeat(32), 0.0, probability, 0.6, List.of(new Evidence.Region(0, 0, 0.5, 1)));
        }

        @Override
        public void close() {}
    }

    static List<Signal> run(List<Detector> detectors) throws Exception {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        MediaSource src = MediaSource.of(png.toByteArray());
        return new DetectorSignalExtractor(detectors, new StandardStillImageDecoder())
                .extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    @Test
    void aScoreAboveTheOperatingPointIsAModerateSignalWithItsEvidence() throws Exception {
        List<Signal> s = run(List.of(new Fixed("m", 0.9, null), new Fixed("n", 0.2, null)));
        assertThat(s).hasSize(2);
        assertThat(s.get(0).type()).isEqualTo(SignalType.DETECTOR_SCORE);
        assertThat(s.get(0).value()).isEqualTo("0.900");
        assertThat(s.get(0).strength()).isEqualTo(SignalStrength.MODERATE);
        assertThat(s.get(0).attributes())
                .containsEntry("synthetic", "true")
                .containsEntry("model", "m")
                .containsEntry("evidence", "region x=0.00 y=0.00 w=0.50 h=1.00")
                .containsEntry("calibration", "platt (fixture)");
        assertThat(s.get(1).strength()).isEqualTo(SignalStrength.INFO);
        assertThat(s.get(1).attributes()).containsEntry("synthetic", "false");
    }

    @Test
    void aModelThatFailsOrHasADefectIsReportedAndTheOthersStillScore() throws Exception {
        List<Signal> s = run(List.of(
                new Fixed("slow", 0, new DetectorFailure("detect.timeout", "model slow 1.0: ran past 1000 ms")),
                new Fixed("buggy", 0, new IllegalStateException("bug in a plug-in")),
                new Fixed("ok", 0.95, null)));
        assertThat(s).extracting(Signal::value).containsExactly("failed", "failed", "0.950");
        assertThat(s.get(0).attributes()).containsEntry("error", "detect.timeout");
        assertThat(s.get(1).attributes()).containsEntry("error", "detect.run_failed");
        Assessment a = new Assessor().assess(s);
        assertThat(a.tier()).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        assertThat(a.reasons())
                .filteredOn(r -> r.code().equals("detector.failed"))
                .hasSize(2);
    }

    @Test
    void withoutImageModelsNothingIsDecodedOrReported() throws Exception {
        assertThat(run(List.of())).isEmpty();
    }
}
