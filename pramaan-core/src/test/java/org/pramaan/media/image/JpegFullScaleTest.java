package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.media.image.JpegExactSamples.Spec;

/**
 * Differential test of the full-size decode (ISLOW IDCT, fancy upsampling, jdcolor.c tables)
 * against ImageIO on JDK-written JPEGs: every RGB value of every pixel must be equal, in each
 * sampling, baseline and progressive, at odd sizes (edge replication, partial blocks and MCUs)
 * and with restart intervals.
 */
class JpegFullScaleTest {
    private static final int[] S444 = {1, 1, 1, 1, 1, 1},
            S422 = {2, 1, 1, 1, 1, 1},
            S420 = {2, 2, 1, 1, 1, 1},
            S440 = {1, 2, 1, 1, 1, 1},
            S411 = {4, 1, 1, 1, 1, 1},
            S410 = {4, 2, 1, 1, 1, 1},
            MIXED = {2, 2, 1, 1, 2, 1},
            LUMA_UP = {1, 1, 2, 2, 2, 2},
            CROSS = {2, 2, 2, 1, 1, 2};

    static Stream<Spec> specs() {
        List<Spec> out = new ArrayList<>();
        int[][] sizes = {{1, 1}, {3, 5}, {4, 4}, {7, 9}, {17, 33}, {33, 17}, {250, 131}};
        int[][] samplings = {S444, S422, S420, S440, S411};
        long seed = 100;
        for (int[] f : samplings) {
            for (int[] wh : sizes) {
                boolean progressive = (seed & 1) == 0;
                out.add(JpegExactSamples.spec(
                        wh[0], wh[1], f, 0.5f + (seed % 5) * 0.12f, progressive, seed % 3 == 0 ? 2 : 0, seed));
                seed++;
            }
        }
        for (int[] f : new int[][] {S420, S422, S444, S440}) {
            out.add(JpegExactSamples.spec(250, 131, f, 0.92f, true, 3, seed++));
            out.add(JpegExactSamples.spec(131, 250, f, 0.75f, false, 5, seed++));
        }
        for (int[] f : new int[][] {S410, MIXED, LUMA_UP, CROSS}) {
            out.add(JpegExactSamples.spec(250, 131, f, 0.9f, false, 0, seed++));
            out.add(JpegExactSamples.spec(9, 7, f, 0.8f, true, 1, seed++));
        }
        out.add(new Spec(250, 131, true, S444, 0.85f, false, 4, seed++));
        out.add(new Spec(17, 9, true, S444, 0.6f, true, 0, seed++));
        out.add(JpegExactSamples.spec(256, 256, S420, 1.0f, false, 0, seed++)); // quantiser 1: the largest coefficients
        out.add(JpegExactSamples.spec(200, 100, S420, 0.05f, true, 0, seed)); // coarse: clamping and ringing
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void everyPixelEqualsImageIo(Spec s) throws Exception {
        byte[] jpeg = JpegExactSamples.encode(s);
        JpegFrame f = JpegDecoder.decode(jpeg, 8, 1L << 26);
        // The encoder wrote the sampling asked for, or this would test less than it says.
        if (!s.grey())
            for (int i = 0; i < 3; i++)
                assertThat(new int[] {f.components[i].h, f.components[i].v})
                        .isEqualTo(new int[] {s.factors()[2 * i], s.factors()[2 * i + 1]});
        assertThat(f.progressive).isEqualTo(s.progressive());
        BufferedImage ours = JpegFullColour.toImage(
                f,
                HashingImages.sampleMap(f.width, f.width, false),
                HashingImages.sampleMap(f.height, f.height, false));
        assertSamePixels(ours, JpegSamples.reference(jpeg), s.toString());
    }

    static void assertSamePixels(BufferedImage ours, BufferedImage ref, String what) {
        assertThat(ours.getWidth()).isEqualTo(ref.getWidth());
        assertThat(ours.getHeight()).isEqualTo(ref.getHeight());
        int differing = 0;
        String first = null;
        for (int y = 0; y < ref.getHeight(); y++) {
            for (int x = 0; x < ref.getWidth(); x++) {
                int a = ours.getRGB(x, y), b = ref.getRGB(x, y);
                if (a != b && differing++ == 0)
                    first = String.format("(%d,%d) ours %06X ImageIO %06X", x, y, a & 0xFFFFFF, b & 0xFFFFFF);
            }
        }
        assertThat(differing)
                .as("%s: pixels differing from ImageIO, first %s", what, first)
                .isZero();
    }
}
