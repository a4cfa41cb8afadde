package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.testing.SharedTestData;

/**
 * Images never marked must not reach "very likely", the verdict that makes an image suspected. "Likely" hits
 * are counted and printed: one periodic generated pattern reaches 34/48 under detect.py's thresholds.
 */
class CleanImagesTest {
    private final SdWatermarkDetector detector = new SdWatermarkDetector();

    @Test
    void pdqReferenceImagesAreNotDetected() throws IOException {
        Path dir = SharedTestData.folder("pdq");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png)$"))
                    .sorted()
                    .toList();
        }
        assertThat(files).as("PDQ reference images").hasSizeGreaterThan(30);
        List<String> positives = new ArrayList<>();
        int checked = 0, partial = 0, likely = 0;
        for (Path f : files) {
            var img = ImageIO.read(f.toFile());
            if (img == null || !SdWatermarkDetector.applies(img.getWidth(), img.getHeight())) continue;
            checked++;
            for (WatermarkMatch m : detector.detect(RgbPixels.of(img))) {
                if (m.verdict() == KnownWatermark.Verdict.PARTIAL) partial++;
                if (m.verdict() == KnownWatermark.Verdict.LIKELY) likely++;
                if (m.verdict() == KnownWatermark.Verdict.VERY_LIKELY)
                    positives.add(f.getFileName() + " " + m.watermark().id() + " " + m.matchedBits());
            }
        }
        System.out.printf(
                Locale.ROOT,
                "clean PDQ images: %d checked, %d very likely, %d likely, %d partial%n",
                checked,
                positives.size(),
                likely,
                partial);
        assertThat(checked).isGreaterThan(30);
        assertThat(positives).as("false positives").isEmpty();
    }

    @Test
    void generatedPicturesAreNotDetected() {
        int checked = 0, partial = 0, likely = 0;
        List<String> positives = new ArrayList<>();
        int[][] sizes = {{512, 512}, {601, 517}, {256, 256}};
        for (TestImages.Kind kind : TestImages.Kind.values()) {
            for (int[] s : sizes) {
                for (long seed = 1; seed <= 2; seed++) {
                    RgbPixels img = TestImages.png(TestImages.make(kind, s[0], s[1], seed * 7919));
                    checked++;
                    for (WatermarkMatch m : detector.detect(img)) {
                        if (m.verdict() == KnownWatermark.Verdict.PARTIAL) partial++;
                        if (m.verdict() == KnownWatermark.Verdict.LIKELY) likely++;
                        if (m.verdict() == KnownWatermark.Verdict.VERY_LIKELY)
                            positives.add(kind + " " + s[0] + "x" + s[1] + " "
                                    + m.watermark().id() + " " + m.matchedBits());
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "clean generated images: %d checked, %d very likely, %d likely, %d partial%n",
                checked,
                positives.size(),
                likely,
                partial);
        assertThat(positives).as("false positives").isEmpty();
    }
}
