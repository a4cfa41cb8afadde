package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** The windows BlazeFace sees: resampled from the mip pyramid with known answers, black outside the image. */
class PixelsTest {
    static FloatBuffer buffer(int size) {
        return FloatBuffer.allocate(3 * size * size);
    }

    /** Red = x, green = y (0..255), blue = 77, as 3-byte BGR (a decoded JPEG's layout). */
    static BufferedImage gradient(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) img.setRGB(x, y, (x & 0xff) << 16 | (y & 0xff) << 8 | 77);
        return img;
    }

    @Test
    void aHalvingWindowAveragesEach2x2BlockOfTheImage() {
        Pixels p = Pixels.of(gradient(256, 256), 64);
        FloatBuffer out = buffer(128);
        p.window(0, 0, 256, 128, 1, 0, out); // scale 1, offset 0: raw 0..255 values
        for (int y : new int[] {0, 17, 64, 127})
            for (int x : new int[] {0, 33, 100, 127}) {
                int o = 3 * (y * 128 + x);
                // The mean of source pixels 2x and 2x+1 is 2x + 0.5 (levels round it to an integer).
                assertThat(out.get(o)).as("red at %d,%d", x, y).isCloseTo(2 * x + 0.5f, offset(0.51f));
                assertThat(out.get(o + 1)).as("green at %d,%d", x, y).isCloseTo(2 * y + 0.5f, offset(0.51f));
                assertThat(out.get(o + 2)).isCloseTo(77f, offset(0.01f));
            }
    }

    @Test
    void aSquareWindowOfAWideImageIsBlackBelowItAndTheScaleAndOffsetApply() {
        Pixels p = Pixels.of(gradient(256, 128), 64);
        FloatBuffer out = buffer(128);
        Pixels.Stats st = p.window(0, 0, 256, 128, 1 / 127.5f, -1f, out);
        // Rows 0..63 hold the image (128 source rows), rows 64.. are the letterbox: black, i.e. -1.
        assertThat(out.get(3 * (80 * 128 + 10))).isEqualTo(-1f);
        assertThat(out.get(3 * (127 * 128 + 127) + 2)).isEqualTo(-1f);
        assertThat(out.get(3 * (10 * 128 + 10) + 2)).isCloseTo(77 / 127.5f - 1, offset(1e-4f));
        assertThat(st.spread()).isGreaterThan(10);
    }

    @Test
    void statisticsTellFlatGreyAndSkinWindowsApart() {
        BufferedImage flat = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        BufferedImage skin = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++)
            for (int x = 0; x < 200; x++) {
                flat.setRGB(x, y, 0x808080);
                skin.setRGB(x, y, (x + y) % 2 == 0 ? 0xe0ac90 : 0xc68642); // light and dark skin tones
            }
        Pixels.Stats f = Pixels.of(flat, 64).window(0, 0, 200, 128, 1, 0, buffer(128));
        assertThat(f.spread()).isLessThan(BlazeFace.FLAT);
        assertThat(f.colour()).isZero();
        assertThat(f.skin()).isZero();
        Pixels.Stats s = Pixels.of(skin, 64).window(0, 0, 200, 128, 1, 0, buffer(128));
        assertThat(s.skin()).isGreaterThan(0.9);
        assertThat(BlazeFace.needed(f, false)).isFalse();
        assertThat(BlazeFace.needed(new Pixels.Stats(20, 0, 0.5), false)).isFalse(); // colourful, no skin
        assertThat(BlazeFace.needed(new Pixels.Stats(20, 0, 0.01), true)).isTrue(); // greyscale photo: skin unknown
        assertThat(BlazeFace.needed(new Pixels.Stats(20, 0.01, 0.5), false)).isTrue();
    }
}
