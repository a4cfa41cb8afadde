package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PdqHasherTest {
    private final PdqHasher hasher = new PdqHasher();

    @Test
    void imagesUnderFivePixelsOnASideGetQualityZeroAndNoMatch() {
        for (int[] wh : new int[][] {{4, 4}, {4, 600}, {600, 4}, {1, 1}}) {
            PdqResult r = hasher.hash(noise(wh[0], wh[1], 7));
            assertThat(r.quality()).as("%dx%d", wh[0], wh[1]).isZero();
            assertThat(r.hash()).isEqualTo(Hash256.of(0, 0, 0, 0));
            assertThat(r.matchable()).isFalse();
        }
        // At exactly 5 px the C++ reference hashes the image (testdata/pdq/README.md, "Tiny images").
        PdqResult five = hasher.hash(noise(5, 5, 7));
        assertThat(five.hash()).isNotEqualTo(Hash256.of(0, 0, 0, 0));
    }

    @Test
    void columnBoxFilterIsBitIdenticalToTheStridedReference() {
        Random r = new Random(42);
        for (int[] wh : new int[][] {{512, 512}, {37, 301}, {300, 5}, {64, 64}}) {
            int w = wh[0], h = wh[1];
            float[] in = new float[w * h];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() * 255;
            int window = PdqHasher.windowSize(h);
            float[] expected = new float[in.length], actual = new float[in.length];
            for (int j = 0; j < w; j++) PdqHasher.box1d(in, expected, j, h, w, window);
            PdqHasher.boxColumns(in, actual, w, h, window);
            assertThat(java.util.Arrays.mismatch(actual, expected)).as("%dx%d: first differing index", w, h).isEqualTo(-1);
        }
    }

    @Test
    void rasterFastPathsGiveTheSameHashAsGetRgb() {
        BufferedImage rgb = noise(300, 200, 3);
        PdqResult expected = hasher.hash(rgb);
        // TYPE_INT_BGR has no fast path: getRGB, the reference route.
        for (int type : new int[] {BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage other = new BufferedImage(300, 200, type);
            other.getGraphics().drawImage(rgb, 0, 0, null);
            assertThat(hasher.hash(other)).as("type %d", type).isEqualTo(expected);
        }
    }

    static BufferedImage noise(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(1 << 24));
        return img;
    }
}
