package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorProvider;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.RefusedModel;
import org.pramaan.testkit.OnnxGraphs;

/** Issue 16: load → verify SHA-256 → run → calibrate → score, with models the test writes itself and known answers. */
class OnnxDetectorTest {
    @TempDir
    Path dir;

    static final String PLATT = "{\"method\":\"platt\",\"a\":4.0,\"b\":-2.0,\"fittedOn\":\"unit test\"}";

    /** Writes weights and a manifest; {@code sha} null means the weights' real hash. */
    void install(String id, byte[] weights, String sha, String input, String kind, String calibration, long timeLimit)
            throws IOException {
        Files.write(dir.resolve(id + ".onnx"), weights);
        String manifest = """
                {"id":"%s","version":"1.0.0","weights":"%s.onnx","sha256":"%s","licence":"Apache-2.0","modality":"image",
                 "input":%s,
                 "output":{"name":"score","kind":"%s","meaning":"mean of one channel"},
                 "calibration":%s,"operatingPoint":0.7,"intendedUse":"tests","knownFailureModes":["everything real"],
                 "timeLimitMillis":%d}
                """.formatted(
                id, id, sha == null ? OnnxImageDetector.sha256(weights) : sha, input, kind, calibration, timeLimit);
        Files.writeString(dir.resolve(id + ".manifest.json"), manifest);
    }

    static String input(int w, int h, String layout, String channels, String mean, String std) {
        return "{\"name\":\"pixels\",\"width\":%d,\"height\":%d,\"layout\":\"%s\",\"channels\":\"%s\",\"mean\":%s,\"std\":%s}"
                .formatted(w, h, layout, channels, mean, std);
    }

    static final String PLAIN_8 = input(8, 8, "NCHW", "RGB", "[0,0,0]", "[1,1,1]");

    static BufferedImage flat(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    LoadedDetectors load() throws IOException {
        return new OnnxDetectorProvider().load(dir);
    }

    @Test
    void theRedChannelMeanModelGivesTheKnownRawScoreAndItsPlattProbability() throws Exception {
        install("red-mean", OnnxGraphs.channelMean(0, true, 8, 8), null, PLAIN_8, "probability", PLATT, 5000);
        try (LoadedDetectors loaded = load()) {
            assertThat(loaded.refused()).isEmpty();
            Detector d = loaded.detectors().get(0);
            // 204/255 = 0.8 red; the image is larger than the model's input, so resizing is exercised too.
            DetectorScore s = d.score(flat(40, 30, new Color(204, 51, 0)));
            assertThat(s.raw()).isCloseTo(0.8, offset(1e-6));
            assertThat(s.probability()).isCloseTo(1 / (1 + Math.exp(-(4 * 0.8 - 2))), offset(1e-6)); // 0.7685
            assertThat(s.saysSynthetic()).isTrue();
            assertThat(s.modelId()).isEqualTo("red-mean");
            assertThat(s.sha256()).isEqualTo(OnnxImageDetector.sha256(OnnxGraphs.channelMean(0, true, 8, 8)));
            assertThat(s.evidence()).containsExactly(Evidence.Region.whole());
            DetectorScore dark = d.score(flat(8, 8, new Color(51, 200, 200)));
            assertThat(dark.raw()).isCloseTo(0.2, offset(1e-6));
            assertThat(dark.saysSynthetic()).isFalse();
        }
    }

    @Test
    void layoutChannelOrderNormalisationAndIsotonicCalibrationFollowTheManifest() throws Exception {
        // NHWC graph reading channel 0, which in BGR order is blue: 102/255 = 0.4 → (0.4 - 0.5) / 0.25 = -0.4.
        install(
                "blue-nhwc",
                OnnxGraphs.channelMean(0, false, 4, 6),
                null,
                input(6, 4, "NHWC", "BGR", "[0.5,0.5,0.5]", "[0.25,0.25,0.25]"),
                "logit",
                "{\"method\":\"isotonic\",\"points\":[[-1,0],[1,1]],\"fittedOn\":\"unit test\"}",
                5000);
        try (LoadedDetectors loaded = load()) {
            DetectorScore s = loaded.detectors().get(0).score(flat(12, 8, new Color(204, 51, 102)));
            assertThat(s.raw()).isCloseTo(-0.4, offset(1e-6));
            assertThat(s.probability()).isCloseTo(0.3, offset(1e-6));
        }
    }

    @Test
    void weightsThatDoNotMatchTheManifestAreRefusedAndTheOtherModelsStillLoad() throws Exception {
        byte[] weights = OnnxGraphs.channelMean(0, true, 8, 8);
        String other = "ab".repeat(32);
        install("tampered", weights, other, PLAIN_8, "probability", PLATT, 5000);
        install("good", OnnxGraphs.channelMean(1, true, 8, 8), null, PLAIN_8, "probability", PLATT, 5000);
        try (LoadedDetectors loaded = load()) {
            assertThat(loaded.detectors()).extracting(d -> d.manifest().id()).containsExactly("good");
            RefusedModel r = loaded.refused().get(0);
            assertThat(r.file()).isEqualTo("tampered.manifest.json");
            assertThat(r.code()).isEqualTo("detect.weights_mismatch");
            assertThat(r.message()).contains(OnnxImageDetector.sha256(weights), other, "not loaded");
        }
    }

    @Test
    void aCorruptFileAMissingFileAndABadManifestAreEachRefusedWithTheirReason() throws Exception {
        install(
                "corrupt",
                "not a protobuf at all".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                null,
                PLAIN_8,
                "probability",
                PLATT,
                5000);
        install("gone", OnnxGraphs.channelMean(0, true, 8, 8), null, PLAIN_8, "probability", PLATT, 5000);
        Files.delete(dir.resolve("gone.onnx"));
        Files.writeString(dir.resolve("typo.manifest.json"), "{\"id\":\"typo\",\"wieghts\":\"x.onnx\"}");
        try (LoadedDetectors loaded = load()) {
            assertThat(loaded.detectors()).isEmpty();
            assertThat(loaded.refused())
                    .extracting(RefusedModel::file, RefusedModel::code)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("corrupt.manifest.json", "detect.model_corrupt"),
                            org.assertj.core.groups.Tuple.tuple("gone.manifest.json", "detect.weights_missing"),
                            org.assertj.core.groups.Tuple.tuple("typo.manifest.json", "detect.manifest_invalid"));
            assertThat(loaded.refused().get(2).message()).contains("'wieghts'");
        }
    }

    @Test
    void anInputSpecThatDoesNotMatchTheGraphIsRefusedNamingBothShapes() throws Exception {
        install(
                "wrong-size",
                OnnxGraphs.channelMean(0, true, 8, 8),
                null,
                input(16, 16, "NCHW", "RGB", "[0,0,0]", "[1,1,1]"),
                "probability",
                PLATT,
                5000);
        install(
                "wrong-layout",
                OnnxGraphs.channelMean(0, true, 8, 8),
                null,
                input(8, 8, "NHWC", "RGB", "[0,0,0]", "[1,1,1]"),
                "probability",
                PLATT,
                5000);
        install(
                "wrong-name",
                OnnxGraphs.channelMean(0, true, 8, 8),
                null,
                PLAIN_8.replace("\"pixels\"", "\"image\""),
                "probability",
                PLATT,
                5000);
        try (LoadedDetectors loaded = load()) {
            assertThat(loaded.detectors()).isEmpty();
            assertThat(loaded.refused()).allSatisfy(r -> assertThat(r.code()).isEqualTo("detect.input_spec"));
            // Refusals come in file-name order: wrong-layout, wrong-name, wrong-size.
            assertThat(loaded.refused().get(0).message()).contains("[1, 3, 8, 8]", "[1, 8, 8, 3]");
            assertThat(loaded.refused().get(1).message()).contains("[pixels]", "'image'");
            assertThat(loaded.refused().get(2).message()).contains("[1, 3, 8, 8]", "[1, 3, 16, 16]");
        }
    }

    @Test
    void aModelThatFailsWhileRunningGivesAFailureNotACrash() throws Exception {
        install(
                "fixed",
                OnnxGraphs.onlyEightByEight(),
                null,
                input(16, 16, "NCHW", "RGB", "[0,0,0]", "[1,1,1]"),
                "probability",
                PLATT,
                5000);
        try (LoadedDetectors loaded = load()) {
            Detector d = loaded.detectors().get(0);
            assertThatThrownBy(() -> d.score(flat(16, 16, Color.RED)))
                    .isInstanceOfSatisfying(
                            DetectorFailure.class, e -> assertThat(e.code()).isEqualTo("detect.run_failed"))
                    .hasMessageContaining("model fixed 1.0.0");
        }
    }

    @Test
    void anOutputOutsideZeroToOneIsNotAcceptedAsAProbability() throws Exception {
        install(
                "loud",
                OnnxGraphs.channelMean(0, true, 8, 8),
                null,
                input(8, 8, "NCHW", "RGB", "[0,0,0]", "[0.1,0.1,0.1]"),
                "probability",
                PLATT,
                5000);
        try (LoadedDetectors loaded = load()) {
            assertThatThrownBy(() -> loaded.detectors().get(0).score(flat(8, 8, Color.RED)))
                    .isInstanceOfSatisfying(
                            DetectorFailure.class, e -> assertThat(e.code()).isEqualTo("detect.run_failed"))
                    .hasMessageContaining("not a probability");
        }
    }

    @Test
    void aRunPastTheManifestsTimeLimitIsStopped() throws Exception {
        // About 6·512³·4 ≈ 3 GFLOP on one thread: far longer than the 1 ms limit, so the watchdog always fires first.
        install(
                "slow",
                OnnxGraphs.slow(512, 4),
                null,
                input(512, 512, "NCHW", "RGB", "[0,0,0]", "[1,1,1]"),
                "logit",
                PLATT,
                1);
        try (LoadedDetectors loaded = load()) {
            Detector d = loaded.detectors().get(0);
            assertThatThrownBy(() -> d.score(flat(64, 64, Color.GRAY)))
                    .isInstanceOfSatisfying(
                            DetectorFailure.class, e -> assertThat(e.code()).isEqualTo("detect.timeout"))
                    .hasMessageContaining("1 ms");
        }
    }

    @Test
    void twoManifestsWithOneIdLoadOnce() throws Exception {
        install("a", OnnxGraphs.channelMean(0, true, 8, 8), null, PLAIN_8, "probability", PLATT, 5000);
        Files.writeString(dir.resolve("b.manifest.json"), Files.readString(dir.resolve("a.manifest.json")));
        try (LoadedDetectors loaded = load()) {
            assertThat(loaded.detectors()).hasSize(1);
            assertThat(loaded.refused()).singleElement().satisfies(r -> {
                assertThat(r.file()).isEqualTo("b.manifest.json");
                assertThat(r.code()).isEqualTo("detect.duplicate_id");
            });
        }
    }

    @Test
    void theRuntimeIsFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(DetectorProvider.class).stream()
                        .map(p -> p.get().name()))
                .containsExactly("onnx");
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThatThrownBy(() -> new OnnxDetectorProvider().load(dir.resolve("nope")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nope");
    }
}
