package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.Calibration;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.LabelledCsv;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.ManifestReader;
import org.pramaan.testkit.OnnxGraphs;
import picocli.CommandLine;

/**
 * {@code pramaan detect calibrate} and {@code evaluate} end to end (issue 16): a real ONNX model the test builds (the
 * red channel's mean), a labelled set whose true synthetic rate is known at each score, the fitted calibration written
 * into the manifest, the model loaded again with it (the calibrated probability follows the operator's data, not the
 * shipped table), and the evaluation's table and plots.
 */
class CalibrationCommandsTest {
    @TempDir
    Path dir;

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

    /**
     * Scores uniform in 0..1; an item is synthetic with probability 0.2 below 0.5 and 0.9 above: the operator's data
     * say the vendor's Platt table (p = σ(4x - 2)) is wrong, and isotonic regression should recover the two levels.
     */
    Path labelled(int n) throws Exception {
        Random r = new Random(5);
        List<String> lines = new ArrayList<>();
        lines.add(LabelledCsv.HEADER);
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble();
            boolean syn = r.nextDouble() < (x < 0.5 ? 0.2 : 0.9);
            String family = syn ? (i % 2 == 0 ? "diffusion" : "gan") : "";
            lines.add(LabelledCsv.line(
                    "item-" + i,
                    x,
                    syn,
                    family.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(family)));
        }
        Path p = dir.resolve("labelled.csv");
        Files.write(p, lines);
        return p;
    }

    String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new DetectCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as("exit code; stderr: %s", err).isZero();
        return out.toString();
    }

    static BufferedImage red(int value) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(value, 0, 0));
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        return img;
    }

    @Test
    void calibrateStoresTheOperatorsFitAndTheModelUsesIt() throws Exception {
        install();
        Path csv = labelled(4000);
        String out = run(
                "calibrate", "--models", dir.toString(), "--model", "red-mean", "--method", "isotonic", csv.toString());
        assertThat(out)
                .contains("isotonic calibration fitted on labelled.csv (4000 items)")
                .contains("ECE");
        Calibration c = ManifestReader.read(Files.readAllBytes(dir.resolve("red-mean.manifest.json")), "m")
                .calibration();
        assertThat(c).isInstanceOf(Calibration.Isotonic.class);
        assertThat(c.apply(0.25)).isCloseTo(0.2, offset(0.05));
        assertThat(c.apply(0.75)).isCloseTo(0.9, offset(0.05));
        try (LoadedDetectors loaded = new OnnxDetectorProvider().load(dir)) {
            assertThat(loaded.refused()).isEmpty();
            // Red 64/255 = 0.25: the vendor's table said σ(4·0.25 - 2) = 0.27; the operator's data say about 0.2.
            DetectorScore s = loaded.detectors().get(0).score(red(64));
            assertThat(s.raw()).isCloseTo(64 / 255.0, offset(1e-6));
            assertThat(s.probability()).isCloseTo(0.2, offset(0.05));
            DetectorScore high = loaded.detectors().get(0).score(red(204));
            assertThat(high.probability()).isCloseTo(0.9, offset(0.05));
        }
        // Platt on the same data is a smooth fit between the two levels.
        run("calibrate", "--models", dir.toString(), "--model", "red-mean", "--method", "platt", csv.toString());
        Calibration p = ManifestReader.read(Files.readAllBytes(dir.resolve("red-mean.manifest.json")), "m")
                .calibration();
        assertThat(p).isInstanceOf(Calibration.Platt.class);
        assertThat(p.apply(0.1)).isLessThan(p.apply(0.9));
    }

    @Test
    void evaluatePrintsTheTablePerFamilyAndWritesThePlots() throws Exception {
        install();
        Path csv = labelled(2000);
        run("calibrate", "--models", dir.toString(), "--model", "red-mean", csv.toString());
        Path plots = dir.resolve("plots");
        String out = run(
                "evaluate",
                "--models",
                dir.toString(),
                "--model",
                "red-mean",
                "--out",
                plots.toString(),
                csv.toString());
        assertThat(out).contains("red-mean 1.0.0, isotonic calibration, operating point 0.70");
        String all = out.lines().filter(l -> l.startsWith("all ")).findFirst().orElseThrow();
        String[] cols = all.trim().split("\\s+");
        assertThat(Integer.parseInt(cols[1])).isEqualTo(2000);
        // Two levels 0.2 / 0.9 split at 0.5: AUC of that step is about 0.8; the isotonic fit is well calibrated.
        assertThat(Double.parseDouble(cols[3])).isBetween(0.75, 0.85);
        assertThat(Double.parseDouble(cols[6])).isLessThan(0.05);
        assertThat(out).contains("family diffusion").contains("family gan");
        String svg = Files.readString(plots.resolve("red-mean-reliability.svg"));
        assertThat(svg).startsWith("<svg").contains("class=\"bin\"").contains("Reliability (ECE");
        assertThat(Files.readString(plots.resolve("red-mean-roc.svg")))
                .contains("class=\"roc\"")
                .contains("AUC");
        BufferedImage png = ImageIO.read(plots.resolve("red-mean-roc.png").toFile());
        assertThat(png.getWidth()).isEqualTo(CalibrationPlots.SIZE);
        assertThat(ImageIO.read(plots.resolve("red-mean-reliability.png").toFile()))
                .isNotNull();
    }

    @Test
    void aBadLabelledSetOrAnUnknownModelFailsNamingWhatIsWrong() throws Exception {
        install();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "score,label\n0.5,synthetic\n0.7,maybe\n");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new DetectCommand());
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("calibrate", "--models", dir.toString(), "--model", "red-mean", bad.toString()))
                .isNotZero();
        assertThat(err.toString()).contains("line 3, column label");
        String before = Files.readString(dir.resolve("red-mean.manifest.json"));
        StringWriter err2 = new StringWriter();
        cl.setErr(new PrintWriter(err2));
        assertThat(cl.execute("calibrate", "--models", dir.toString(), "--model", "nope", bad.toString()))
                .isNotZero();
        assertThat(err2.toString()).contains("no manifest").contains("'nope'");
        assertThat(Files.readString(dir.resolve("red-mean.manifest.json")))
                .as("untouched")
                .isEqualTo(before);
    }
}
