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

/** {@code pramaan bench detect-video} prints its table (figures come from running it, never from this test). */
class BenchDetectVideoTest {
    @TempDir
    Path dir;

    static boolean ffmpeg() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theVideoBenchTimesDecodeFacesAndTheScreeningPath() throws Exception {
        if (!ffmpeg()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("ffmpeg missing under CI");
            Assumptions.abort("ffmpeg not on PATH: the bench generates its clip with it");
        }
        Path testdata = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"));
        if (!Files.isDirectory(testdata.resolve("pdq"))) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("reference data missing under CI");
            Assumptions.abort("reference data not found at " + testdata.toAbsolutePath());
        }
        Path models = Files.createDirectories(dir.resolve("models"));
        byte[] w = OnnxGraphs.channelMean(0, true, 16, 16);
        Files.write(models.resolve("face-red.onnx"), w);
        Files.writeString(models.resolve("face-red.manifest.json"), """
                {"id":"face-red","version":"1","weights":"face-red.onnx","sha256":"%s","licence":"MIT","modality":"face",
                 "input":{"name":"pixels","width":16,"height":16,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"score","kind":"probability","meaning":"red"},
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
                "detect-video",
                "--seconds",
                "3",
                "--rounds",
                "1",
                "--testdata",
                testdata.toString(),
                "--models",
                models.toString(),
                "--persons",
                "50");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("machine:", "1280x720", "face-red (face)", "mean s")
                .contains("decode sampled frames", "decode + blazeface per frame", "screening path")
                .containsPattern("decode sampled frames \\(count: frames\\)\\s+[0-9.]+\\s+[0-9.]+\\s+3\\s");
        // Issue 16, likeness on video: the stand-in embedder (no face-embedding model in --models) on each of the
        // street photo's face tracks, a few crops each, never past the per-video cap.
        assertThat(out.toString())
                .contains("likeness: face-embedding model bench-standin, 50 persons enrolled")
                .containsPattern(
                        "screening \\+ likeness \\(count: embeddings\\)\\s+[0-9.]+\\s+[0-9.]+\\s+([1-9]|[1-3][0-9]|4[0-8])\\s");
    }
}
