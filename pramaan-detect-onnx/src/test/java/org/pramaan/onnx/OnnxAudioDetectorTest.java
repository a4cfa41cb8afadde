package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.ManifestView;
import org.pramaan.detect.Modality;
import org.pramaan.detect.RefusedModel;
import org.pramaan.testkit.OnnxGraphs;

/**
 * Issue 16's audio models on ONNX Runtime, with graphs the test writes: {@code 10·mean|x| − 3} on a
 * waveform window, so a tone and silence have known raw scores; the audio spec is checked against
 * the graph's input like an image spec.
 */
class OnnxAudioDetectorTest {
    @TempDir
    Path dir;

    static String input(int rate, int window, int hop, String layout) {
        return "{\"name\":\"waveform\",\"sampleRate\":%d,\"channels\":\"mono\",\"windowSamples\":%d,\"hopSamples\":%d,\"layout\":\"%s\"}"
                .formatted(rate, window, hop, layout);
    }

    void install(String id, byte[] weights, String input, long timeLimit) throws IOException {
        Files.write(dir.resolve(id + ".onnx"), weights);
        Files.writeString(dir.resolve(id + ".manifest.json"), """
                {"id":"%s","version":"0.9","weights":"%s.onnx","sha256":"%s","licence":"MIT","modality":"audio",
                 "input":%s,
                 "output":{"name":"score","kind":"logit","meaning":"loud tone (a test model)"},
                 "calibration":{"method":"platt","a":1.0,"b":0.0,"fittedOn":"unit test"},
                 "operatingPoint":0.8,"intendedUse":"tests","timeLimitMillis":%d}
                """.formatted(
                        id, id, OnnxImageDetector.sha256(weights), input, timeLimit));
    }

    static float[] tone(int n, double amplitude) {
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (float) (amplitude * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        return s;
    }

    @Test
    void aToneAndSilenceGiveTheKnownScoresWithTheWindowsTimeRange() throws Exception {
        install("tone", OnnxGraphs.audioAbsMean(10, -3, 1, 16_000), input(16_000, 16_000, 8_000, "BN"), 5000);
        install("tone3d", OnnxGraphs.audioAbsMean(10, -3, 1, 1, -1), input(16_000, 16_000, 8_000, "BCN"), 5000);
        try (LoadedDetectors loaded = new OnnxDetectorProvider().load(dir)) {
            assertThat(loaded.refused().stream().filter(r -> !r.file().equals("blazeface")))
                    .isEmpty();
            assertThat(loaded.detectors()).hasSize(2);
            for (Detector d : loaded.detectors()) {
                assertThat(d.manifest().modality()).isEqualTo(Modality.AUDIO);
                Evidence.TimeRange range = new Evidence.TimeRange(2000, 3000);
                DetectorScore loud = d.score(tone(16_000, 0.8), range);
                // 440 Hz over 1 s is 440 whole cycles: mean|x| = 0.8·2/π.
                assertThat(loud.raw()).isCloseTo(10 * 0.8 * 2 / Math.PI - 3, offset(1e-3));
                assertThat(loud.probability()).isCloseTo(0.890, offset(1e-3));
                assertThat(loud.saysSynthetic()).isTrue();
                assertThat(loud.evidence()).containsExactly(range);
                DetectorScore quiet = d.score(new float[16_000], new Evidence.TimeRange(0, 1000));
                assertThat(quiet.raw()).isCloseTo(-3, offset(1e-6));
                assertThat(quiet.saysSynthetic()).isFalse();
            }
            assertThat(ManifestView.of(loaded.detectors().get(0).manifest()).get("input"))
                    .isEqualTo(Map.of(
                            "name",
                            "waveform",
                            "sampleRate",
                            16_000,
                            "channels",
                            "mono",
                            "windowSamples",
                            16_000,
                            "hopSamples",
                            8_000,
                            "layout",
                            "BN"));
        }
    }

    @Test
    void aWindowOfTheWrongLengthOrAnImageIsRefusedNotRun() throws Exception {
        install("tone", OnnxGraphs.audioAbsMean(10, -3, 1, 16_000), input(16_000, 16_000, 8_000, "BN"), 5000);
        try (LoadedDetectors loaded = new OnnxDetectorProvider().load(dir)) {
            Detector d = loaded.detectors().get(0);
            assertThatThrownBy(() -> d.score(new float[100], new Evidence.TimeRange(0, 1)))
                    .isInstanceOfSatisfying(
                            DetectorFailure.class, e -> assertThat(e.code()).isEqualTo("detect.input_spec"))
                    .hasMessageContaining("16000 samples, was given 100");
            assertThatThrownBy(() -> d.score(new java.awt.image.BufferedImage(8, 8, 1)))
                    .isInstanceOfSatisfying(
                            DetectorFailure.class, e -> assertThat(e.code()).isEqualTo("detect.input_spec"))
                    .hasMessageContaining("audio model");
        }
    }

    @Test
    void aRateOrWindowSpecThatDoesNotMatchTheGraphIsRefusedNamingBothShapes() throws Exception {
        // The graph takes 1 s at 8 kHz; the manifest says 1 s at 16 kHz.
        install("wrong-rate", OnnxGraphs.audioAbsMean(10, -3, 1, 8_000), input(16_000, 16_000, 16_000, "BN"), 5000);
        install("wrong-layout", OnnxGraphs.audioAbsMean(10, -3, 1, 16_000), input(16_000, 16_000, 16_000, "BCN"), 5000);
        install("ok", OnnxGraphs.audioAbsMean(10, -3, 1, 16_000), input(16_000, 16_000, 16_000, "BN"), 5000);
        Files.writeString(
                dir.resolve("stereo.manifest.json"),
                Files.readString(dir.resolve("ok.manifest.json")).replace("mono", "stereo"));
        try (LoadedDetectors loaded = new OnnxDetectorProvider().load(dir)) {
            assertThat(loaded.detectors()).extracting(d -> d.manifest().id()).containsExactly("ok");
            Map<String, RefusedModel> refused = new java.util.HashMap<>();
            loaded.refused().forEach(r -> refused.put(r.file(), r));
            assertThat(refused.get("wrong-rate.manifest.json").code()).isEqualTo("detect.input_spec");
            assertThat(refused.get("wrong-rate.manifest.json").message())
                    .contains("[1, 8000]", "BN window of 16000 samples at 16000 Hz", "[1, 16000]");
            assertThat(refused.get("wrong-layout.manifest.json").message()).contains("[1, 1, 16000]");
            assertThat(refused.get("stereo.manifest.json").code()).isEqualTo("detect.manifest_invalid");
            assertThat(refused.get("stereo.manifest.json").message()).contains("'input.channels'");
        }
    }

    @Test
    void aModelThatThrowsOnItsWindowGivesAFailureNotACrash() throws Exception {
        // The graph accepts any length but reshapes to exactly 100 samples: a 160-sample window fails inside the
        // runtime.
        install("throws", OnnxGraphs.audioOnlyLength(100), input(16_000, 160, 160, "BN"), 5000);
        try (LoadedDetectors loaded = new OnnxDetectorProvider().load(dir)) {
            Detector d = loaded.detectors().get(0);
            assertThatThrownBy(() -> d.score(new float[160], new Evidence.TimeRange(0, 10)))
                    .isInstanceOfSatisfying(
                            DetectorFailure.class, e -> assertThat(e.code()).isEqualTo("detect.run_failed"))
                    .hasMessageContaining("model throws 0.9");
        }
    }

    @Test
    void aModelThatRunsPastItsTimeLimitIsStoppedAndTheOtherAudioModelStillScoresTheItem() throws Exception {
        // About 2·512³·4 ≈ 1 GFLOP per window: far longer than the 1 ms limit, so the watchdog always fires first.
        install("hangs", OnnxGraphs.audioSlow(512, 4), input(16_000, 512 * 512, 512 * 512, "BN"), 1);
        install("tone", OnnxGraphs.audioAbsMean(10, -3, 1, 16_000), input(16_000, 16_000, 16_000, "BN"), 5000);
        float[] sound = tone(20 * 16_000, 0.8);
        org.pramaan.media.decode.AudioDecoder decoder =
                (file, rate, limits) -> new org.pramaan.media.decode.AudioClip(rate, sound);
        try (LoadedDetectors loaded = new OnnxDetectorProvider().load(dir)) {
            assertThat(loaded.detectors()).hasSize(2);
            java.util.List<org.pramaan.signals.Signal> out = new org.pramaan.signals.AudioDetectorExtractor(
                            loaded.detectors(),
                            java.util.Optional.of(decoder),
                            org.pramaan.media.decode.DecodeLimits.DEFAULT)
                    .extract(
                            org.pramaan.media.MediaSource.of(new byte[] {0}),
                            new org.pramaan.media.MediaInfo(
                                    org.pramaan.media.MediaType.WAV,
                                    1,
                                    java.util.Optional.empty(),
                                    java.util.Optional.empty()));
            assertThat(out).hasSize(2);
            Map<String, String> hangs = out.get(0).attributes();
            assertThat(hangs).containsEntry("model", "hangs").containsEntry("error", "detect.timeout");
            assertThat(hangs.get("message")).contains("1 ms");
            Map<String, String> tone = out.get(1).attributes();
            assertThat(tone).containsEntry("model", "tone").containsEntry("windows", "20");
            assertThat(tone).containsEntry("synthetic", "true").containsEntry("maxProbability", "0.890");
        }
    }
}
