package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.ManifestView;
import org.pramaan.detect.Modality;
import org.pramaan.detect.VoiceEmbedder;
import org.pramaan.likeness.Vector;
import org.pramaan.likeness.VoicePrints;
import org.pramaan.testkit.OnnxGraphs;
import org.pramaan.testkit.TestVoices;

/**
 * Issue 16, voice likeness: a {@code "modality":"voice-embedding"} manifest loads a speaker model
 * (verified like a detector: hash, input window against the graph), listed apart from the detectors
 * with its threshold; its output is L2-normalised; with the test-built band-energy model two
 * recordings of one generated speaker are within the threshold 0.85 and another speaker is far
 * below it; a model that fails on a run gives a {@link DetectorFailure}, not a crash.
 */
class OnnxVoiceEmbedderTest {
    static final int RATE = 16_000;
    static final double THRESHOLD = 0.85;

    @TempDir
    Path dir;

    void install(String id, byte[] weights, int window) throws IOException {
        Files.write(dir.resolve(id + ".onnx"), weights);
        Files.writeString(dir.resolve(id + ".manifest.json"), """
                {"id":"%s","version":"1.0","weights":"%s.onnx","sha256":"%s","licence":"Apache-2.0",
                 "modality":"voice-embedding",
                 "input":{"name":"waveform","sampleRate":16000,"channels":"mono","windowSamples":%d,"hopSamples":%d,"layout":"BCN"},
                 "output":{"name":"embedding","kind":"embedding","meaning":"a speaker's voice (a test band-energy model)"},
                 "threshold":%s,"intendedUse":"tests"}
                """.formatted(
                        id, id, OnnxImageDetector.sha256(weights), window, window / 2, THRESHOLD));
    }

    static Vector sample(VoiceEmbedder e, float[] sound) throws DetectorFailure {
        List<Vector> v = new ArrayList<>();
        for (VoicePrints.Window w : VoicePrints.embed(e, sound, 100)) w.vector().ifPresent(v::add);
        return VoicePrints.mean(v).orElseThrow();
    }

    @Test
    void aVoiceEmbeddingManifestLoadsASpeakerModelThatTellsTwoGeneratedSpeakersApart() throws Exception {
        install("voice-id", OnnxGraphs.speakerBands(RATE, RATE, 32), RATE);
        try (LoadedDetectors loaded = ModelFolder.load(dir)) {
            assertThat(loaded.refused()).extracting(r -> r.file()).doesNotContain("voice-id.manifest.json");
            assertThat(loaded.detectors()).isEmpty();
            assertThat(loaded.embedders()).isEmpty();
            VoiceEmbedder e = loaded.voiceEmbedder().orElseThrow();
            assertThat(e.manifest().modality()).isEqualTo(Modality.VOICE_EMBEDDING);
            assertThat(e.threshold()).isEqualTo(THRESHOLD);
            assertThat(ManifestView.of(e.manifest()))
                    .containsEntry("modality", "voice-embedding")
                    .containsEntry("threshold", THRESHOLD)
                    .doesNotContainKeys("calibration", "operatingPoint");
            float[] window = TestVoices.voice(TestVoices.ASHA, 1, RATE, 1, 0.02);
            float[] v = e.embed(window);
            assertThat(v).hasSize(32);
            double norm = 0;
            for (float x : v) norm += x * x;
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));

            Vector asha = sample(e, TestVoices.voice(TestVoices.ASHA, 4, RATE, 1, 0.02));
            Vector again = sample(e, TestVoices.voice(TestVoices.ASHA_AGAIN, 3, RATE, 7, 0.03));
            // Louder and noisier, same speaker: the envelope ignores loudness.
            float[] loud = TestVoices.voice(TestVoices.ASHA, 3, RATE, 9, 0.05);
            for (int i = 0; i < loud.length; i++) loud[i] *= 1.6f;
            Vector louder = sample(e, loud);
            Vector ravi = sample(e, TestVoices.voice(TestVoices.RAVI, 3, RATE, 3, 0.02));
            assertThat(asha.cosine(again)).isGreaterThan(THRESHOLD + 0.05);
            assertThat(asha.cosine(louder)).isGreaterThan(THRESHOLD + 0.05);
            assertThat(asha.cosine(ravi)).isLessThan(THRESHOLD - 0.25);
        }
    }

    @Test
    void aSpeakerModelWhoseGraphTakesAnotherWindowIsRefusedAndOneThatFailsGivesADetectorFailure() throws Exception {
        install("wrong-window", OnnxGraphs.speakerBands(RATE, 8_000, 32), RATE);
        install("fails", OnnxGraphs.voiceThatFails(RATE), RATE);
        try (LoadedDetectors loaded = ModelFolder.load(dir)) {
            assertThat(loaded.refused())
                    .filteredOn(r -> r.file().equals("wrong-window.manifest.json"))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.code()).isEqualTo("detect.input_spec");
                        assertThat(r.message()).contains("[1, 1, 8000]", "[1, 1, 16000]");
                    });
            VoiceEmbedder e = loaded.voiceEmbedder().orElseThrow();
            assertThat(e.manifest().id()).isEqualTo("fails");
            assertThatThrownBy(() -> e.embed(new float[RATE]))
                    .isInstanceOf(DetectorFailure.class)
                    .hasMessageContaining("fails 1.0");
            assertThatThrownBy(() -> e.embed(new float[10]))
                    .isInstanceOf(DetectorFailure.class)
                    .hasMessageContaining("windows of 16000 samples");
        }
    }
}
