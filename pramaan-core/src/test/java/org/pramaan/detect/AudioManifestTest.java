package org.pramaan.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 16: an audio model's manifest gives its rate, window, hop and layout, each checked by name. */
class AudioManifestTest {
    static final String INPUT =
            "{\"name\":\"waveform\",\"sampleRate\":16000,\"channels\":\"mono\",\"windowSamples\":16000,\"hopSamples\":8000,\"layout\":\"BN\"}";

    static String manifest(String input) {
        return """
                {"id":"voice-clone","version":"1.0.0","weights":"voice.onnx","sha256":"%s","licence":"MIT",
                 "modality":"audio","input":%s,
                 "output":{"name":"score","kind":"logit","meaning":"cloned voice"},
                 "calibration":{"method":"platt","a":1.0,"b":0.0,"fittedOn":"test set"},
                 "operatingPoint":0.8,"intendedUse":"tests","timeLimitMillis":500}
                """.formatted(ManifestReaderTest.SHA, input);
    }

    static ModelManifest read(String json) throws DetectorFailure {
        return ManifestReader.read(json.getBytes(StandardCharsets.UTF_8), "voice.manifest.json");
    }

    @Test
    void readsTheAudioInputAndShowsItAsWritten() throws DetectorFailure {
        ModelManifest m = read(manifest(INPUT));
        assertThat(m.modality()).isEqualTo(Modality.AUDIO);
        ModelManifest.AudioInput a = m.audio().orElseThrow();
        assertThat(a.sampleRate()).isEqualTo(16000);
        assertThat(a.windowSamples()).isEqualTo(16000);
        assertThat(a.hopSamples()).isEqualTo(8000);
        assertThat(a.layout()).isEqualTo(ModelManifest.AudioLayout.BN);
        assertThat(a.shape()).containsExactly(1, 16000);
        assertThat(a.windowMillis()).isEqualTo(1000);
        assertThat(m.input().name()).isEqualTo("waveform");
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) ManifestView.of(m).get("input");
        assertThat(input)
                .containsEntry("sampleRate", 16000)
                .containsEntry("channels", "mono")
                .containsEntry("windowSamples", 16000)
                .containsEntry("hopSamples", 8000)
                .containsEntry("layout", "BN")
                .doesNotContainKeys("width", "mean");
        assertThat(read(manifest(INPUT.replace("\"BN\"", "\"bcn\"")))
                        .audio()
                        .orElseThrow()
                        .shape())
                .containsExactly(1, 1, 16000);
    }

    @Test
    void anImageManifestHasNoAudioInput() throws DetectorFailure {
        assertThat(ManifestReaderTest.read(ManifestReaderTest.manifest("", "")).audio())
                .isEmpty();
    }

    private static void refused(String input, String... fragments) {
        assertThatThrownBy(() -> read(manifest(input)))
                .isInstanceOfSatisfying(
                        DetectorFailure.class, e -> assertThat(e.code()).isEqualTo("detect.manifest_invalid"))
                .message()
                .contains(fragments);
    }

    @Test
    void badAudioSpecsAreRefusedNamingTheField() {
        refused(INPUT.replace("16000,\"channels\"", "0,\"channels\""), "'input.sampleRate'", "1000..192000");
        refused(
                INPUT.replace("16000,\"channels\"", "\"16000\",\"channels\""),
                "'input.sampleRate'",
                "whole JSON number");
        refused(INPUT.replace("16000,\"channels\"", "16000.5,\"channels\""), "'input.sampleRate'");
        refused(INPUT.replace("16000,\"channels\"", "1000000,\"channels\""), "'input.sampleRate'");
        refused(INPUT.replace("mono", "stereo"), "'input.channels'", "mono");
        refused(INPUT.replace("\"windowSamples\":16000", "\"windowSamples\":8"), "'input.windowSamples'");
        refused(
                INPUT.replace("\"windowSamples\":16000", "\"windowSamples\":99999999"),
                "'input.windowSamples'",
                Integer.toString(ManifestReader.MAX_WINDOW_SAMPLES));
        refused(INPUT.replace("\"hopSamples\":8000", "\"hopSamples\":16001"), "'input.hopSamples'", "1..16000");
        refused(INPUT.replace("\"hopSamples\":8000", "\"hopSamples\":0"), "'input.hopSamples'");
        refused(INPUT.replace("\"BN\"", "\"NCHW\""), "'input.layout'", "bn, bcn");
        refused(INPUT.replace(",\"layout\":\"BN\"", ""), "'input.layout'");
        // An image field in an audio input is a mistake, not a default to ignore.
        refused(INPUT.replace("\"layout\"", "\"width\":8,\"layout\""), "'input.width'", "not a manifest key");
    }

    @Test
    void anAudioModalityWithAnImageInputIsRefused() {
        refused(
                "{\"name\":\"pixels\",\"width\":8,\"height\":8,\"layout\":\"NCHW\",\"channels\":\"RGB\",\"mean\":[0,0,0],\"std\":[1,1,1]}",
                "'input.width'");
    }
}
