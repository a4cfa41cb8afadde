package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.OnnxGraphs;
import org.pramaan.testkit.TestImages;
import picocli.CommandLine;

/**
 * {@code pramaan detect calibrate --files} (issue 16): a labelled set that names image files instead of scores; the
 * model (the red channel's mean, built by the test) scores each decoded file as screening would, so the raw scores are
 * known (red/255) and the fitted isotonic table is a known answer. Bad rows are refused naming their line and path.
 */
class CalibrateFilesTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new DetectCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    void install() throws Exception {
        byte[] weights = OnnxGraphs.channelMean(0, true, 8, 8);
        Files.write(dir.resolve("red-mean.onnx"), weights);
        Files.writeString(dir.resolve("red-mean.manifest.json"), """
                {"id":"red-mean","version":"1.0.0","weights":"red-mean.onnx","sha256":"%s","licence":"Apache-2.0",
                 "modality":"image",
                 "input":{"name":"pixels","width":8,"height":8,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"score","kind":"probability","meaning":"mean of the red channel"},
                 "calibration":{"method":"platt","a":4.0,"b":-2.0,"fittedOn":"vendor benchmark"},"operatingPoint":0.7,
                 "intendedUse":"tests","knownFailureModes":["everything real"]}
                """.formatted(OnnxImageDetector.sha256(weights)));
    }

    /** A PNG (or JPEG) whose red channel is {@code red} everywhere, with noise in green and blue. */
    static byte[] image(int red, long seed, boolean jpeg) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 48; x++) img.setRGB(x, y, (red << 16) | (rnd.nextInt(256) << 8) | rnd.nextInt(256));
        return jpeg ? TestImages.jpeg(img, 1.0f) : TestImages.png(img);
    }

    @Test
    void theModelScoresEachFileAndTheFitIsTheKnownIsotonicTable() throws Exception {
        install();
        Path files = Files.createDirectories(dir.resolve("files/sub"));
        Files.write(files.resolve("a.png"), image(51, 1, false)); // raw 0.2, authentic
        Files.write(files.resolve("b.png"), image(102, 2, false)); // 0.4 synthetic
        Files.write(files.resolve("c.png"), image(153, 3, false)); // 0.6 authentic
        Files.write(files.resolve("d.png"), image(204, 4, false)); // 0.8 synthetic
        Files.write(files.resolve("e.png"), image(230, 5, false)); // 0.9 synthetic
        Path csv = Files.writeString(dir.resolve("set.csv"), """
                id,path,label,family
                a,sub/a.png,authentic,
                b,sub/b.png,synthetic,sd-xl
                c,sub/c.png,authentic,
                d,sub/d.png,synthetic,flux
                e,sub/e.png,synthetic,
                """);
        Run r = run(
                "calibrate",
                "--models",
                dir.toString(),
                "--model",
                "red-mean",
                "--method",
                "isotonic",
                "--files",
                dir.resolve("files").toString(),
                csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("isotonic calibration fitted on set.csv (5 items)");
        JsonNode cal = new ObjectMapper()
                .readTree(dir.resolve("red-mean.manifest.json").toFile())
                .path("calibration");
        // Pool-adjacent-violators on 0.2:0, 0.4:1, 0.6:0, 0.8:1, 0.9:1 pools 0.4..0.6 at 1/2.
        double[][] expected = {{0.2, 0}, {0.4, 0.5}, {0.6, 0.5}, {0.8, 1}, {0.9, 1}};
        assertThat(cal.path("points")).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(cal.path("points").get(i).get(0).asDouble()).isCloseTo(expected[i][0], within(0.003));
            assertThat(cal.path("points").get(i).get(1).asDouble()).isEqualTo(expected[i][1]);
        }

        Run eval = run(
                "evaluate",
                "--models",
                dir.toString(),
                "--model",
                "red-mean",
                "--files",
                dir.resolve("files").toString(),
                csv.toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).containsPattern("all\\s+5\\s+3");
    }

    @Test
    void aMissingFileAPathOutsideTheFolderAndANonImageAreRefusedByLineAndPath() throws Exception {
        install();
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.write(files.resolve("ok.png"), image(51, 1, false));
        Files.writeString(files.resolve("notes.txt"), "not an image at all");
        Files.writeString(dir.resolve("secret.png"), "outside");
        String[][] cases = {
            {"ok.png", "missing.png", "line 3, path 'missing.png' is not a file"},
            {"ok.png", "../secret.png", "line 3, path '../secret.png' lies outside --files"},
            {"ok.png", "notes.txt", "line 3, path 'notes.txt'"},
            {"ok.png", "/etc/passwd", "line 3, path '/etc/passwd' is absolute"},
        };
        for (String[] c : cases) {
            Path csv = Files.writeString(
                    dir.resolve("bad.csv"), "id,path,label\na," + c[0] + ",authentic\nb," + c[1] + ",synthetic\n");
            Run r = run(
                    "calibrate",
                    "--models",
                    dir.toString(),
                    "--model",
                    "red-mean",
                    "--files",
                    files.toString(),
                    csv.toString());
            assertThat(r.code()).as(c[1]).isNotZero();
            assertThat(r.err()).as(c[1]).contains(c[2]);
        }
        Run noFiles = run(
                "calibrate",
                "--models",
                dir.toString(),
                "--model",
                "red-mean",
                dir.resolve("bad.csv").toString());
        assertThat(noFiles.code()).isNotZero();
        assertThat(noFiles.err()).contains("calibrate --files");
        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("red-mean.manifest.json").toFile())
                        .path("calibration")
                        .path("method")
                        .asText())
                .as("nothing was written")
                .isEqualTo("platt");
    }
}
