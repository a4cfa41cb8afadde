package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;
import org.pramaan.testkit.OnnxGraphs;

/** {@code pramaan bench detect-audio} prints its table (figures come from running it, never from this test). */
class BenchDetectAudioTest {
    @TempDir
    Path dir;

    @Test
    void theAudioBenchTimesDecodeAndTheScreeningPathWithItsWindowCount() throws Exception {
        if (!BenchDetectVideoTest.ffmpeg()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("ffmpeg missing under CI");
            Assumptions.abort("ffmpeg not on PATH: the bench encodes its clip to MP3 with it");
        }
        Path models = Files.createDirectories(dir.resolve("models"));
        byte[] w = OnnxGraphs.audioAbsMean(10, -3, 1, 16_000);
        Files.write(models.resolve("loud.onnx"), w);
        Files.writeString(models.resolve("loud.manifest.json"), """
                {"id":"loud","version":"1","weights":"loud.onnx","sha256":"%s","licence":"MIT","modality":"audio",
                 "input":{"name":"waveform","sampleRate":16000,"channels":"mono","windowSamples":16000,"hopSamples":8000,"layout":"BN"},
                 "output":{"name":"score","kind":"logit","meaning":"loud"},
                 "calibration":{"method":"platt","a":1,"b":0,"fittedOn":"none"},"operatingPoint":0.5,"intendedUse":"bench test"}
                """.formatted(DetectorsEndToEndTest.sha256(w)));
        StringWriter out = new StringWriter(), err = new StringWriter();
        PramaanConfig c = PramaanConfig.load(
                Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString()), new Properties());
        int exit = PramaanCli.run(
                () -> new EmbeddedRuntime(c, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "bench",
                "detect-audio",
                "--seconds",
                "5",
                "--rounds",
                "1",
                "--models",
                models.toString());
        assertThat(exit).as(err.toString()).isZero();
        // 5 s at 1 s windows every 0.5 s: 9 on the hop grid, plus none at the end when the MP3 decodes to exactly 5 s
        // (an encoder's padding may add one).
        assertThat(out.toString())
                .contains("machine:", "load ", "generated.mp3", "MP3", "loud (16000 samples at 16000 Hz, hop 8000)")
                .contains("decode mono 11025 Hz, fingerprint's (reference)", "decode mono 16000 Hz (count: seconds)")
                .containsPattern("decode mono 16000 Hz \\(count: seconds\\)\\s+[0-9.]+\\s+[0-9.]+\\s+5\\s")
                .containsPattern("screening path \\(count: windows\\)\\s+[0-9.]+\\s+[0-9.]+\\s+(9|10)\\s");
    }

    @Test
    void theAudioBenchTimesTheVoiceRegistryWhenASpeakerModelIsInstalled() throws Exception {
        if (!BenchDetectVideoTest.ffmpeg()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("ffmpeg missing under CI");
            Assumptions.abort("ffmpeg not on PATH: the bench encodes its clip to MP3 with it");
        }
        Path models = Files.createDirectories(dir.resolve("models"));
        byte[] w = OnnxGraphs.speakerBands(16_000, 16_000, 32);
        Files.write(models.resolve("voice.onnx"), w);
        Files.writeString(models.resolve("voice.manifest.json"), """
                {"id":"voice","version":"1","weights":"voice.onnx","sha256":"%s","licence":"MIT","modality":"voice-embedding",
                 "input":{"name":"waveform","sampleRate":16000,"channels":"mono","windowSamples":16000,"hopSamples":8000,"layout":"BCN"},
                 "output":{"name":"embedding","kind":"embedding","meaning":"stand-in speaker"},
                 "threshold":0.85,"intendedUse":"bench test"}
                """.formatted(DetectorsEndToEndTest.sha256(w)));
        StringWriter out = new StringWriter(), err = new StringWriter();
        PramaanConfig c = PramaanConfig.load(
                Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString()), new Properties());
        int exit = PramaanCli.run(
                () -> new EmbeddedRuntime(c, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "bench",
                "detect-audio",
                "--seconds",
                "5",
                "--rounds",
                "1",
                "--enrolled",
                "50",
                "--models",
                models.toString());
        assertThat(exit).as(err.toString()).isZero();
        // 9 or 10 windows as above; random enrolled voices match nothing, so the path gives no signal.
        assertThat(out.toString())
                .contains("voice model voice (16000 samples at 16000 Hz, hop 8000, 32 dims); 50 persons")
                .containsPattern("voice: embed every window \\(count: windows\\)\\s+[0-9.]+\\s+[0-9.]+\\s+(9|10)\\s")
                .containsPattern(
                        "voice: screening path with the registry \\(count: signals\\)\\s+[0-9.]+\\s+[0-9.]+\\s+0\\s");
    }
}
