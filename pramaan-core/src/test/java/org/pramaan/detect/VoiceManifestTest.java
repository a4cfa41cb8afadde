package org.pramaan.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, voice likeness: a {@code "modality":"voice-embedding"} manifest has an audio input (rate,
 * mono, window, hop, layout), an embedding output and a cosine threshold; a calibration, an operating
 * point, an image input or a score output is refused by name.
 */
class VoiceManifestTest {
    static final String VOICE = """
            {"id":"speaker-id","version":"3.0","weights":"speaker.onnx","sha256":"%s","licence":"Apache-2.0",
             "modality":"voice-embedding",
             "input":{"name":"waveform","sampleRate":16000,"channels":"mono","windowSamples":24000,"hopSamples":8000,"layout":"BCN"},
             "output":{"name":"embedding","kind":"embedding","meaning":"a speaker's voice"},
             "threshold":0.72,"intendedUse":"tests"%s}
            """;

    static ModelManifest read(String extra) throws DetectorFailure {
        return ManifestReader.read(
                VOICE.formatted(ManifestReaderTest.SHA, extra).getBytes(StandardCharsets.UTF_8), "v.json");
    }

    @Test
    void readsAVoiceEmbeddingManifestWithItsAudioWindowAndThreshold() throws DetectorFailure {
        ModelManifest m = read("");
        assertThat(m.modality()).isEqualTo(Modality.VOICE_EMBEDDING);
        assertThat(m.modality().embedding()).isTrue();
        assertThat(m.modality().audio()).isTrue();
        assertThat(m.operatingPoint()).isEqualTo(0.72);
        ModelManifest.AudioInput a = m.audio().orElseThrow();
        assertThat(a.sampleRate()).isEqualTo(16_000);
        assertThat(a.windowSamples()).isEqualTo(24_000);
        assertThat(a.hopSamples()).isEqualTo(8_000);
        assertThat(a.shape()).containsExactly(1, 1, 24_000);
        assertThat(ManifestView.of(m))
                .containsEntry("modality", "voice-embedding")
                .containsEntry("threshold", 0.72)
                .doesNotContainKeys("calibration", "operatingPoint");
    }

    @Test
    void aCalibrationAnOperatingPointAnImageInputOrAScoreOutputIsRefusedByName() {
        assertThatThrownBy(() -> read(",\"operatingPoint\":0.5"))
                .isInstanceOf(DetectorFailure.class)
                .hasMessageContaining("'operatingPoint'")
                .hasMessageContaining("voice-embedding");
        String imageInput = VOICE.formatted(ManifestReaderTest.SHA, "")
                .replace(
                        "\"sampleRate\":16000,\"channels\":\"mono\",\"windowSamples\":24000,\"hopSamples\":8000,\"layout\":\"BCN\"",
                        "\"width\":8,\"height\":8,\"layout\":\"NCHW\",\"channels\":\"RGB\",\"mean\":[0,0,0],\"std\":[1,1,1]");
        assertThatThrownBy(() -> ManifestReader.read(imageInput.getBytes(StandardCharsets.UTF_8), "v.json"))
                .isInstanceOf(DetectorFailure.class)
                .hasMessageContaining("input");
        String score =
                VOICE.formatted(ManifestReaderTest.SHA, "").replace("\"kind\":\"embedding\"", "\"kind\":\"logit\"");
        assertThatThrownBy(() -> ManifestReader.read(score.getBytes(StandardCharsets.UTF_8), "v.json"))
                .isInstanceOf(DetectorFailure.class)
                .hasMessageContaining("'output.kind'")
                .hasMessageContaining("voice-embedding");
        String noThreshold = VOICE.formatted(ManifestReaderTest.SHA, "").replace("\"threshold\":0.72,", "");
        assertThatThrownBy(() -> ManifestReader.read(noThreshold.getBytes(StandardCharsets.UTF_8), "v.json"))
                .isInstanceOf(DetectorFailure.class)
                .hasMessageContaining("threshold");
    }
}
