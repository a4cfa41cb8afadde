package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass decode against the plain reference, on random, extreme and marked images of odd sizes. */
class FastBlockBitsTest {

    private static void same(RgbPixels img, String what) {
        int n = DwtDctWatermark.blockCount(img.width(), img.height());
        byte[] bgr = new byte[n], swapped = new byte[n];
        FastBlockBits.both(img, bgr, swapped);
        assertThat(bgr).as("%s BGR", what).containsExactly(DwtDctWatermark.blockBits(img, ChannelOrder.BGR));
        assertThat(swapped)
                .as("%s RGB_AS_BGR", what)
                .containsExactly(DwtDctWatermark.blockBits(img, ChannelOrder.RGB_AS_BGR));
    }

    @Test
    void agreesWithTheReference() {
        Random rnd = new Random(17);
        for (int t = 0; t < 12; t++) {
            int w = 256 + rnd.nextInt(300), h = 256 + rnd.nextInt(300);
            int[] p = new int[w * h];
            int mode = t % 4;
            for (int i = 0; i < p.length; i++) {
                p[i] = switch (mode) {
                    case 0 -> rnd.nextInt(1 << 24); // noise
                    case 1 -> rnd.nextBoolean() ? 0xFFFFFF : 0x000000; // extremes
                    case 2 -> (rnd.nextInt(3) == 0 ? 0xFF : 0) << (8 * rnd.nextInt(3)); // saturated primaries
                    default -> 0x808080 + rnd.nextInt(3) - 1; // near-flat: ties in the argmax
                };
            }
            same(new RgbPixels(w, h, p), w + "x" + h + " mode " + mode);
        }
        same(TestImages.make(TestImages.Kind.FLAT, 333, 257, 1), "flat");
        RgbPixels img = TestImages.make(TestImages.Kind.GRADIENT_NOISE, 517, 389, 2);
        same(
                DwtDctWatermark.encode(
                        img, KnownWatermark.SDXL.bits(), ChannelOrder.BGR, DwtDctWatermark.Arithmetic.FLOAT),
                "SDXL-marked");
        same(
                DwtDctWatermark.encode(
                        img, KnownWatermark.SD1.bits(), ChannelOrder.RGB_AS_BGR, DwtDctWatermark.Arithmetic.UINT8),
                "SD1-marked");
    }
}
