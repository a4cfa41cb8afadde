package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.CliCommands;
import org.pramaan.testkit.OnnxGraphs;
import picocli.CommandLine;

/** {@code pramaan detect bench} prints its table (figures come from running it, never from this test). */
class DetectBenchTest {
    @TempDir
    Path models;

    @Test
    void theBenchTimesFaceDetectionAndEachInstalledModel() throws Exception {
        byte[] w = OnnxGraphs.channelMean(0, true, 8, 8);
        Files.write(models.resolve("red-mean.onnx"), w);
        Files.writeString(models.resolve("red-mean.manifest.json"), """
                {"id":"red-mean","version":"1","weights":"red-mean.onnx","sha256":"%s","licence":"MIT","modality":"image",
                 "input":{"name":"pixels","width":8,"height":8,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"score","kind":"probability","meaning":"red"},
                 "calibration":{"method":"platt","a":1,"b":0,"fittedOn":"none"},"operatingPoint":0.5,"intendedUse":"bench test"}
                """.formatted(OnnxImageDetector.sha256(w)));
        StringWriter text = new StringWriter();
        CommandLine cl = new CommandLine(new DetectCommand());
        cl.setOut(new PrintWriter(text, true));
        int rc = cl.execute(
                "bench",
                "--size",
                "128",
                "--min-window",
                "64",
                "--warmup",
                "0",
                "--rounds",
                "2",
                "--models",
                models.toString());
        assertThat(rc).as(text.toString()).isZero();
        assertThat(text.toString())
                .contains("machine:", "mean ms", "blazeface, whole image (1 run)", "blazeface, windows down to 64 px")
                .contains("blazeface, tile plan (faces)", "onnx runtime execution provider: ")
                .contains("model red-mean (8x8)", "= whole-image face + model");
    }

    @Test
    void theDetectCommandIsContributedToTheCli() {
        assertThat(ServiceLoader.load(CliCommands.class).stream().flatMap(p -> p.get().commands().stream()))
                .contains(DetectCommand.class);
    }
}
