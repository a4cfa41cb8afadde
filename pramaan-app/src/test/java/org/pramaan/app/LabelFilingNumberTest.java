package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;
import org.pramaan.testkit.TestImages;

/** {@code labels.filing-number} (CN DSP arts.19-20): checked at start-up and drawn on CN labels only. */
class LabelFilingNumberTest {
    @TempDir
    Path dir;

    @Test
    void theConfiguredFilingNumberWidensTheCnLabelAndBadValuesStopStartUp() throws Exception {
        Path in = Files.write(dir.resolve("in.jpg"), TestImages.jpeg(TestImages.photo(1280, 720, 9), 0.9f));
        int plain = labelWidth(Map.of(), "CN", in);
        int filed = labelWidth(Map.of("PRAMAAN_LABELS_FILING_NUMBER", "网信算备110108000000000000001号"), "CN", in);
        assertThat(filed).isGreaterThan(plain + 100);
        // IN shows no filing number (no such duty): the label is the same with or without it.
        assertThat(labelWidth(Map.of("PRAMAAN_LABELS_FILING_NUMBER", "X-1"), "IN", in))
                .isEqualTo(labelWidth(Map.of(), "IN", in));
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of(
                                "PRAMAAN_DATA_DIR",
                                dir.resolve("d").toString(),
                                "PRAMAAN_LABELS_FILING_NUMBER",
                                "A\u0007B"),
                        new Properties()))
                .hasMessageContaining("labels.filing-number")
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> PramaanConfig.load(
                        Map.of(
                                "PRAMAAN_DATA_DIR",
                                dir.resolve("d").toString(),
                                "PRAMAAN_LABELS_FILING_NUMBER",
                                "9".repeat(65)),
                        new Properties()))
                .hasMessageContaining("at most 64 characters");
    }

    /** The width of the label area, found as the columns of the bottom rows that changed. */
    private int labelWidth(Map<String, String> env, String profile, Path in) throws Exception {
        Path out = dir.resolve("out-" + profile + env.hashCode() + ".png");
        Path png = dir.resolve("in.png");
        javax.imageio.ImageIO.write(javax.imageio.ImageIO.read(in.toFile()), "png", png.toFile());
        PramaanConfig config = ServerTestBase.config(dir.resolve("data"), env);
        StringWriter err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out),
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                "label",
                "apply",
                "--profile",
                profile,
                "--position",
                "bottom",
                png.toString(),
                out.toString());
        assertThat(code).as(err.toString()).isZero();
        BufferedImage a = javax.imageio.ImageIO.read(png.toFile());
        BufferedImage b = javax.imageio.ImageIO.read(out.toFile());
        int min = Integer.MAX_VALUE, max = -1;
        for (int y = a.getHeight() / 2; y < a.getHeight(); y++)
            for (int x = 0; x < a.getWidth(); x++)
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
        assertThat(max).isGreaterThanOrEqualTo(0);
        return max - min + 1;
    }
}
