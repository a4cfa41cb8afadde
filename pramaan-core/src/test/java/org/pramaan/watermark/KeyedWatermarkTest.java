package org.pramaan.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.testing.SharedTestData;

/** Real photos, marked, attacked and read back; clean photos and other keys must not be read. */
class KeyedWatermarkTest {
    static final WatermarkKey KEY =
            new WatermarkKey("acme", "acme generator key 0001".getBytes(StandardCharsets.US_ASCII));
    static final WatermarkKey OTHER =
            new WatermarkKey("other", "someone else's key 0002".getBytes(StandardCharsets.US_ASCII));
    static final int PAYLOAD = 0xA5C3_1F07; // operator 0xA5C (12 bits), record 0x31F07 (20 bits)
    static final List<RgbPixels> PHOTOS = new ArrayList<>();

    @BeforeAll
    static void photos() throws IOException {
        Path labelme = SharedTestData.folder("pdq").resolve("reg-test-input/labelme-subset");
        PHOTOS.add(RgbPixels.of(ImageIO.read(labelme.resolve("q0003.jpg").toFile())));
        PHOTOS.add(RgbPixels.of(ImageIO.read(labelme.resolve("q0122.jpg").toFile())));
        RgbPixels cat = RgbPixels.of(ImageIO.read(SharedTestData.folder("c2pa")
                .resolve("real-ai/Firefly_tabby_cat.jpg")
                .toFile()));
        PHOTOS.add(ImageAttacks.resize(cat, 512.0 / cat.width()));
    }

    @Test
    void payloadSurvivesEveryAttackExactly() {
        KeyedWatermark wm = new KeyedWatermark(KEY);
        for (RgbPixels photo : PHOTOS) {
            RgbPixels marked = wm.embed(photo, PAYLOAD);
            for (ImageAttacks attack : ImageAttacks.values()) {
                KeyedDetection d = wm.detect(attack.apply(marked));
                String what = attack.label() + " on " + photo.width() + "x" + photo.height() + ": " + d;
                assertTrue(d.detected(), what);
                assertEquals(Integer.toUnsignedLong(PAYLOAD), d.payload().orElseThrow(), what);
                if (attack == ImageAttacks.RESIZE_HALF) assertEquals(0.5, d.scale(), 0.01, what);
            }
        }
    }

    @Test
    void psnrIsAtLeast38dBOnPhotos() {
        KeyedWatermark wm = new KeyedWatermark(KEY);
        for (RgbPixels photo : PHOTOS) {
            double psnr = ImageAttacks.psnr(photo, wm.embed(photo, PAYLOAD));
            assertTrue(psnr >= 38 && psnr < 45, "PSNR " + psnr + " dB on " + photo.width() + "x" + photo.height());
        }
    }

    @Test
    void cleanImagesAreNotDetected() {
        KeyedWatermark wm = new KeyedWatermark(KEY);
        List<RgbPixels> clean = new ArrayList<>(PHOTOS);
        for (TestImages.Kind k : TestImages.Kind.values()) clean.add(TestImages.make(k, 300, 260, 5));
        for (RgbPixels c : clean) {
            KeyedDetection d = wm.detect(c);
            assertFalse(d.detected(), d.toString());
            assertTrue(d.payload().isEmpty());
            assertTrue(d.score() < d.threshold());
        }
    }

    @Test
    void anotherKeyReadsNothing() {
        RgbPixels marked = new KeyedWatermark(KEY).embed(PHOTOS.get(2), PAYLOAD);
        KeyedDetection d = new KeyedWatermark(OTHER).detect(marked);
        assertFalse(d.detected(), d.toString());
        assertEquals("other", d.keyId());
    }

    @Test
    void lumaPlaneOfAVideoFrameRoundTrips() {
        RgbPixels photo = PHOTOS.get(2);
        int[] y = KeyedWatermark.luma(photo);
        byte[] plane = new byte[y.length];
        for (int i = 0; i < y.length; i++) plane[i] = (byte) y[i];
        KeyedWatermark wm = new KeyedWatermark(KEY);
        assertFalse(wm.detectLuma(photo.width(), photo.height(), plane).detected());
        wm.embedLuma(photo.width(), photo.height(), plane, 12345);
        KeyedDetection d = wm.detectLuma(photo.width(), photo.height(), plane);
        assertTrue(d.detected(), d.toString());
        assertEquals(12345L, d.payload().orElseThrow());
    }

    @Test
    void aLumaPlaneShorterThanItsSizeIsRefused() {
        KeyedWatermark wm = new KeyedWatermark(KEY);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> wm.detectLuma(100, 100, new byte[9999]))
                .getMessage()
                .contains("100x100 needs 10000"));
        assertThrows(IllegalArgumentException.class, () -> wm.embedLuma(100, 100, new byte[9999], 1));
    }

    @Test
    void thresholdIsTheHoeffdingUnionBound() {
        // 4 scales × 16 sub-chip phases × 1024 chip offsets; exp(−x²/2)·H = 1e−6
        double x = KeyedWatermark.threshold();
        assertEquals(65536, MarkSearch.HYPOTHESES);
        assertEquals(1e-6, 65536 * Math.exp(-x * x / 2), 1e-12);
        assertEquals(7.0577, x, 1e-3);
    }

    @Test
    void tooSmallImagesAreRefusedForMarkingAndNotRead() {
        RgbPixels tiny = TestImages.make(TestImages.Kind.NOISE, 63, 200, 1);
        KeyedWatermark wm = new KeyedWatermark(KEY);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> wm.embed(tiny, 1))
                .getMessage()
                .contains("at least 64x64"));
        assertFalse(wm.detect(tiny).detected());
    }
}
