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

    /**
     * The fast box filters (rows interleaved, columns in memory order, a reciprocal multiply for
     * power-of-two windows) against the plain strided filter with a division per output, as the
     * reference writes it. Sizes give windows 1–5, powers of two and not, and row counts that do
     * and do not fill whole row groups.
     */
    @Test
    void boxFiltersAreBitIdenticalToThePlainStridedReference() {
        Random r = new Random(42);
        for (int[] wh : new int[][] {
            {512, 512}, {37, 301}, {300, 5}, {64, 64}, {256, 250}, {640, 13}, {129, 515}, {1920, 1080}, {1280, 720}
        }) {
            int w = wh[0], h = wh[1];
            float[] in = new float[w * h];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() * 255;
            float[] expected = new float[in.length], actual = new float[in.length];
            for (int j = 0; j < w; j++) plainBox(in, expected, j, h, w, JaroszBoxFilter.windowSize(h));
            JaroszBoxFilter.columns(in, actual, w, h, JaroszBoxFilter.windowSize(h));
            assertThat(java.util.Arrays.mismatch(actual, expected))
                    .as("columns %dx%d: first differing index", w, h)
                    .isEqualTo(-1);
            for (int i = 0; i < h; i++) plainBox(in, expected, i * w, w, 1, JaroszBoxFilter.windowSize(w));
            JaroszBoxFilter.rows(in, actual, w, h, JaroszBoxFilter.windowSize(w));
            assertThat(java.util.Arrays.mismatch(actual, expected))
                    .as("rows %dx%d: first differing index", w, h)
                    .isEqualTo(-1);
            for (int i = 0; i < h; i++) JaroszBoxFilter.box1d(in, actual, i * w, w, 1, JaroszBoxFilter.windowSize(w));
            assertThat(java.util.Arrays.mismatch(actual, expected))
                    .as("box1d %dx%d: first differing index", w, h)
                    .isEqualTo(-1);
        }
    }

    /** The fused last column pass + decimation against the full pass, then the plain decimation (the reference's loop). */
    @Test
    void sampledColumnPassEqualsTheFullPassThenDecimation() {
        Random r = new Random(43);
        for (int[] wh : new int[][] {{512, 512}, {37, 301}, {5, 5}, {64, 64}, {256, 250}, {13, 640}}) {
            int w = wh[0], h = wh[1];
            float[] in = new float[w * h];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() * 255;
            float[] full = new float[in.length];
            JaroszBoxFilter.columns(in, full, w, h, JaroszBoxFilter.windowSize(h));
            float[][] sampled = JaroszBoxFilter.columnsSampled(
                    in, w, h, JaroszBoxFilter.windowSize(h), PdqHasher.samples(h), PdqHasher.samples(w));
            for (int i = 0; i < 64; i++) {
                int row = (int) (((i + 0.5) * h) / 64);
                for (int j = 0; j < 64; j++) {
                    float expected = full[row * w + (int) (((j + 0.5) * w) / 64)];
                    assertThat(sampled[i][j]).as("%dx%d at %d,%d", w, h, i, j).isEqualTo(expected);
                }
            }
        }
    }

    /**
     * The second row pass stored only at the sampled columns against the full pass: same floats at
     * every sampled column, nothing else written. Sizes cover HD (window 15), windows 1-5, repeated
     * samples (under 64 px) and row counts that do and do not fill whole groups of eight.
     */
    @Test
    void sampledRowPassEqualsTheFullPassAtTheSampledColumns() {
        Random r = new Random(44);
        for (int[] wh : new int[][] {{1920, 1080}, {1280, 720}, {37, 301}, {5, 5}, {64, 64}, {256, 250}, {640, 13}}) {
            int w = wh[0], h = wh[1], window = JaroszBoxFilter.windowSize(w);
            float[] in = new float[w * h];
            for (int i = 0; i < in.length; i++) in[i] = r.nextFloat() * 255;
            float[] full = new float[in.length], sampled = new float[in.length];
            java.util.Arrays.fill(sampled, Float.NaN);
            JaroszBoxFilter.rows(in, full, w, h, window);
            int[] cols = PdqHasher.samples(w);
            JaroszRowsSampled.rowsAt(in, sampled, w, h, window, cols);
            boolean[] isSampled = new boolean[w];
            for (int c : cols) isSampled[c] = true;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float got = sampled[y * w + x];
                    if (isSampled[x] || y >= h - h % 8) {
                        // Leftover rows (under a group of eight) take the full box1d pass.
                        assertThat(Float.floatToRawIntBits(got))
                                .as("%dx%d at row %d col %d", w, h, y, x)
                                .isEqualTo(Float.floatToRawIntBits(full[y * w + x]));
                    } else {
                        assertThat(got).as("%dx%d unsampled col %d", w, h, x).isNaN();
                    }
                }
            }
        }
    }

    /** A video hashes frames into reused planes: stale scratch must not leak into the hash. */
    @Test
    void ownedLumaWithReusedScratchHashesLikeTheCopyingPath() {
        Random r = new Random(45);
        for (int[] wh : new int[][] {{1920, 1080}, {320, 240}, {37, 41}}) {
            int w = wh[0], h = wh[1];
            float[] luma = new float[w * h];
            for (int i = 0; i < luma.length; i++) luma[i] = r.nextInt(256);
            PdqResult expected = hasher.hashLumaUnsquashed(luma, w, h);
            float[] scratch = new float[w * h];
            for (int i = 0; i < scratch.length; i++) scratch[i] = r.nextFloat() * 1e6f;
            PdqResult got = hasher.hashOwnedLumaUnsquashed(luma.clone(), scratch, w, h);
            assertThat(got).as("%dx%d", w, h).isEqualTo(expected);
        }
    }

    /** The double-reciprocal multiply against the float division it replaces, over windows 1..600 and normal sums of every magnitude and sign. */
    @Test
    void reciprocalQuotientEqualsTheFloatDivision() {
        Random r = new Random(46);
        for (int n = 1; n <= 600; n++) {
            double invD = 1.0 / n;
            for (int i = 0; i < 20_000; i++) {
                float sum = i < 10_000
                        ? (r.nextFloat() - 0.25f) * 255 * n
                        : Float.intBitsToFloat(0x00800000 + r.nextInt(0x7E800000)) * (r.nextBoolean() ? 1 : -1);
                float expected = sum / n;
                if (Float.floatToRawIntBits(JaroszBoxFilter.quotient(sum, invD)) != Float.floatToRawIntBits(expected))
                    assertThat(JaroszBoxFilter.quotient(sum, invD))
                            .as("%s / %d", sum, n)
                            .isEqualTo(expected);
            }
            float whole = 255f * n;
            assertThat(JaroszBoxFilter.quotient(whole, invD)).isEqualTo(whole / n);
        }
    }

    /** Jarosz's box filter as the reference implementations write it: a running sum, divided by the count at every output. */
    private static void plainBox(float[] in, float[] out, int start, int length, int stride, int window) {
        int half = (window + 2) / 2;
        int li = start, ri = start, oi = start, count = 0;
        float sum = 0;
        for (int i = 0; i < half - 1; i++, ri += stride) {
            sum += in[ri];
            count++;
        }
        for (int i = 0; i < window - half + 1; i++, ri += stride, oi += stride) {
            sum += in[ri];
            count++;
            out[oi] = sum / count;
        }
        for (int i = 0; i < length - window; i++, li += stride, ri += stride, oi += stride) {
            sum += in[ri];
            sum -= in[li];
            out[oi] = sum / count;
        }
        for (int i = 0; i < half - 1; i++, li += stride, oi += stride) {
            sum -= in[li];
            count--;
            out[oi] = sum / count;
        }
    }

    @Test
    void rasterFastPathsGiveTheSameHashAsGetRgb() {
        BufferedImage rgb = noise(300, 200, 3);
        PdqResult expected = hasher.hash(rgb);
        // TYPE_INT_BGR has no fast path: getRGB, the reference route.
        for (int type : new int[] {
            BufferedImage.TYPE_INT_BGR,
            BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_ARGB
        }) {
            BufferedImage other = new BufferedImage(300, 200, type);
            other.getGraphics().drawImage(rgb, 0, 0, null);
            assertThat(hasher.hash(other)).as("type %d", type).isEqualTo(expected);
        }
    }

    /**
     * Grey content in a colour raster is luma = grey, bit for bit, through every raster path (the
     * reference sees ImageMagick's PGM of it); one coloured pixel makes the whole image colour.
     */
    @Test
    void greyContentInAnyColourRasterIsReadAsGrey() {
        int w = 16, h = 16;
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < w * h; i++) grey.getRaster().setSample(i % w, i / w, 0, i); // every level 0..255
        float[] expected = PdqHasher.Luma.of(grey);
        for (int i = 0; i < w * h; i++) assertThat(expected[i]).isEqualTo((float) i);
        for (int type : new int[] {
            BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_BGR
        }) {
            BufferedImage img = new BufferedImage(w, h, type);
            for (int i = 0; i < w * h; i++) img.setRGB(i % w, i / w, 0xFF000000 | i * 0x010101);
            assertThat(PdqHasher.Luma.of(img)).as("type %d, grey content", type).containsExactly(expected);
            img.setRGB(w - 1, h - 1, 0xFFFFFFFE); // one pixel not quite grey
            float[] colour = PdqHasher.Luma.of(img);
            assertThat(colour[15])
                    .as("type %d, level 15 in a colour image", type)
                    .isEqualTo(0.299f * 15 + 0.587f * 15 + 0.114f * 15);
            assertThat(colour[15]).isNotEqualTo(15f);
        }
    }

    static BufferedImage noise(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(1 << 24));
        return img;
    }
}
