package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What survives: lossless saves always; JPEG at the qualities measured here; resizing not (the
 * 4×4-block grid of the half-size band moves). Ratios are printed for docs/watermark.md.
 */
class WatermarkRobustnessTest {
    private final SdWatermarkDetector detector = new SdWatermarkDetector();

    private WatermarkMatch sdxl(RgbPixels img) {
        return detector.detect(img).stream()
                .filter(m -> m.watermark() == KnownWatermark.SDXL)
                .findFirst()
                .orElseThrow();
    }

    private static RgbPixels marked(TestImages.Kind kind, int w, int h) {
        return DwtDctWatermark.encode(
                TestImages.make(kind, w, h, 21),
                KnownWatermark.SDXL.bits(),
                ChannelOrder.BGR,
                DwtDctWatermark.Arithmetic.FLOAT);
    }

    @Test
    void jpegAndResize() {
        StringBuilder report = new StringBuilder();
        for (TestImages.Kind kind : new TestImages.Kind[] {
            TestImages.Kind.GRADIENT_NOISE, TestImages.Kind.POSTER_TEXT, TestImages.Kind.SMOOTH_WAVES
        }) {
            for (int side : new int[] {512, 1024}) {
                RgbPixels m = marked(kind, side, side);
                WatermarkMatch png = sdxl(TestImages.png(m));
                report.append(String.format(Locale.ROOT, "%s %d: png %d", kind, side, png.matchedBits()));
                int[] jpeg = new int[3], qs = {95, 90, 80};
                for (int i = 0; i < 3; i++) {
                    jpeg[i] = sdxl(TestImages.jpeg(m, qs[i])).matchedBits();
                    report.append(String.format(Locale.ROOT, " q%d %d", qs[i], jpeg[i]));
                }
                WatermarkMatch r97 = sdxl(TestImages.resize(m, side * 97 / 100, side * 97 / 100)),
                        half = sdxl(TestImages.resize(m, side / 2, side / 2));
                report.append(String.format(
                        Locale.ROOT, " resize97%% %d resize-half %d%n", r97.matchedBits(), half.matchedBits()));
                if (kind == TestImages.Kind.GRADIENT_NOISE) {
                    assertThat(png.matchedBits()).as("%s png", kind).isEqualTo(48);
                    assertThat(jpeg[0]).as("%s q95", kind).isGreaterThanOrEqualTo(44);
                }
                // Documented fragility: a resize moves the block grid; q80 rounds chroma past the 36-step quantiser.
                assertThat(r97.verdict())
                        .as("%s resized 97%%", kind)
                        .isIn(KnownWatermark.Verdict.NONE, KnownWatermark.Verdict.PARTIAL);
                assertThat(half.verdict())
                        .as("%s resized 50%%", kind)
                        .isIn(KnownWatermark.Verdict.NONE, KnownWatermark.Verdict.PARTIAL);
                assertThat(jpeg[2]).as("%s q80", kind).isLessThan(36);
            }
        }
        System.out.print(report);
    }
}
