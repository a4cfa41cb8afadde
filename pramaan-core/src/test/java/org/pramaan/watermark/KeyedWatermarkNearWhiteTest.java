package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Near-white (paper, documents, screenshots of light UIs) and near-black (night scenes, dark UIs)
 * images: almost every 8×8 block is flat, so the perceptual gain must not pour the mark into the few
 * textured blocks, where the detector's clip discards it (issue 14 item 2, docs/watermark.md).
 */
class KeyedWatermarkNearWhiteTest {
    private static final KeyedWatermark WM =
            new KeyedWatermark(new WatermarkKey("k", "near white test key 0001".getBytes(StandardCharsets.US_ASCII)));
    private static final int PAYLOAD = 0x5A3C_1234;

    /** A light (or dark) page: base level with sensor-like grain and scattered, non-periodic strokes. */
    static RgbPixels page(int w, int h, int base, long seed) {
        Random r = new Random(seed);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            int v = Math.max(0, Math.min(255, (int) Math.round(base + 2 * r.nextGaussian())));
            px[i] = v << 16 | v << 8 | v;
        }
        int ink = base > 128 ? 0x282828 : 0xd7d7d7;
        for (int s = 0; s < w * h / 2000; s++) {
            int x0 = r.nextInt(w - 40), y0 = r.nextInt(h - 12), len = 8 + r.nextInt(32), thick = 1 + r.nextInt(3);
            for (int y = y0; y < y0 + thick; y++) for (int x = x0; x < x0 + len; x++) px[y * w + x] = ink;
        }
        return new RgbPixels(w, h, px);
    }

    private static void assertReadBack(RgbPixels attacked, String what) {
        KeyedDetection d = WM.detect(attacked);
        assertThat(d.detected()).as(what + " detected, score " + d.score()).isTrue();
        assertThat(d.payload()).as(what + " payload").hasValue(Integer.toUnsignedLong(PAYLOAD));
    }

    private static void survivesJpegQ50HalfSizeAndCrop(int base) {
        RgbPixels page = page(512, 384, base, base);
        RgbPixels marked = WM.embed(page, PAYLOAD);
        assertThat(ImageAttacks.psnr(page, marked)).as("PSNR").isGreaterThanOrEqualTo(38);
        assertThat(WM.detect(page).detected()).as("unmarked").isFalse();
        assertReadBack(ImageAttacks.jpeg(marked, 0.5f), "JPEG q50");
        assertReadBack(ImageAttacks.resize(marked, 0.5), "0.5x");
        assertReadBack(ImageAttacks.crop(marked, 27, 19, 461, 345), "10 % crop");
    }

    /**
     * The test data's almost white photo (mean luma 248, 97 % of pixels above 212). With the old gain
     * range (0.3–2.5) its full-size JPEG q50 copy scored 7.00, under the 7.06 threshold (6.27 at the bench's 1024 px).
     */
    @Test
    void theTestDatasNearWhitePhotoSurvivesJpegQ50() throws java.io.IOException {
        java.nio.file.Path file =
                org.pramaan.testing.SharedTestData.folder("c2pa").resolve("fixtures/no_manifest.jpg");
        RgbPixels photo = RgbPixels.of(javax.imageio.ImageIO.read(file.toFile()));
        RgbPixels marked = WM.embed(photo, PAYLOAD);
        assertThat(ImageAttacks.psnr(photo, marked)).as("PSNR").isGreaterThanOrEqualTo(38);
        assertReadBack(ImageAttacks.jpeg(marked, 0.5f), "no_manifest.jpg JPEG q50");
    }

    @Test
    void aNearWhitePageSurvivesJpegQ50HalfSizeAndA10PercentCrop() {
        survivesJpegQ50HalfSizeAndCrop(250);
    }

    @Test
    void aNearBlackPageSurvivesJpegQ50HalfSizeAndA10PercentCrop() {
        survivesJpegQ50HalfSizeAndCrop(6);
    }

    @Test
    void pureWhiteAndPureBlackKeepHalfTheMarkAfterClippingAndAreStillRead() {
        for (int v : new int[] {0, 255}) {
            int[] px = new int[256 * 256];
            java.util.Arrays.fill(px, v << 16 | v << 8 | v);
            RgbPixels marked = WM.embed(new RgbPixels(256, 256, px), PAYLOAD);
            assertReadBack(ImageAttacks.jpeg(marked, 0.5f), "level " + v + " JPEG q50");
        }
    }
}
