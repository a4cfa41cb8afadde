package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.media.image.JpegSamples.Spec;

/**
 * Differential test of the fast decoder against ImageIO on generated JPEGs: at full size, through
 * the reduced path's colour conversion (JpegColour: replicated chroma, its own rounding), the pixels
 * agree within those differences (bit-exact full size is JpegFullScaleTest's); at
 * 1/2, 1/4 and 1/8 each pixel is close to the mean of the full-size block it stands for.
 */
class JpegDecoderTest {
    static Stream<Spec> specs() {
        return Stream.of(
                new Spec(64, 48, false, 2, 2, 0.9f, false, 0, 1),
                new Spec(77, 53, false, 1, 1, 0.75f, false, 0, 2),
                new Spec(130, 71, false, 2, 1, 0.95f, false, 3, 3),
                new Spec(99, 120, false, 1, 2, 0.6f, false, 0, 4),
                new Spec(123, 45, true, 1, 1, 0.85f, false, 2, 5),
                new Spec(200, 150, false, 2, 2, 0.9f, true, 0, 6),
                new Spec(91, 67, false, 1, 1, 0.8f, true, 5, 7),
                new Spec(150, 101, true, 1, 1, 0.7f, true, 0, 8),
                new Spec(161, 83, false, 2, 1, 0.98f, true, 1, 9),
                new Spec(48, 160, false, 4, 1, 0.9f, false, 2, 10),
                new Spec(17, 9, false, 2, 2, 0.5f, true, 0, 11),
                new Spec(1, 1, false, 1, 1, 0.9f, false, 0, 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void fullSizeMatchesImageIo(Spec s) throws Exception {
        byte[] jpeg = JpegSamples.encode(s);
        // The encoder really wrote what the spec asks for (else this test would prove less than it says).
        assertThat(hasMarker(jpeg, 0xC2)).as("progressive SOF2").isEqualTo(s.progressive());
        assertThat(hasMarker(jpeg, 0xDD)).as("DRI").isEqualTo(s.restartInterval() > 0);
        assertThat(JpegDecoder.decode(jpeg, 8, 1L << 26).components[0].h).isEqualTo(s.grey() ? 1 : s.h());
        BufferedImage ref = JpegSamples.reference(jpeg);
        BufferedImage ours = full(jpeg, 8);
        assertThat(ours.getWidth()).isEqualTo(s.width());
        assertThat(ours.getHeight()).isEqualTo(s.height());
        double sum = 0;
        float max = 0;
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                float d = Math.abs(JpegSamples.luma(ours.getRGB(x, y)) - JpegSamples.luma(ref.getRGB(x, y)));
                sum += d;
                max = Math.max(max, d);
            }
        }
        double mean = sum / (s.width() * s.height());
        assertThat(mean).as("%s mean luma difference", s).isLessThan(0.75);
        // Grey and 4:4:4: only the IDCT differs. Subsampled colour: replicated chroma against libjpeg's
        // triangle upsampling moves R, G, B at sharp colour edges, and clamping carries that into luma.
        float bound = s.grey() ? 2.5f : s.h() * s.v() == 1 ? 6f : 12f;
        assertThat(max).as("%s max luma difference", s).isLessThanOrEqualTo(bound);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void reducedScaleIsTheBlockMean(Spec s) throws Exception {
        byte[] jpeg = JpegSamples.encode(s);
        BufferedImage ref = JpegSamples.reference(jpeg);
        for (int n : List.of(4, 2, 1)) {
            BufferedImage ours = full(jpeg, n);
            int k = 8 / n;
            assertThat(ours.getWidth()).isEqualTo((s.width() * n + 7) / 8);
            double sum = 0;
            int count = 0;
            // Whole blocks only: a partial edge block's mean includes the encoder's padding. The n-point
            // transform is a low-pass projection, not an exact mean: a few low-quality blocks can differ more.
            for (int y = 0; y + 1 <= s.height() / k; y++) {
                for (int x = 0; x + 1 <= s.width() / k; x++) {
                    float m = 0;
                    for (int j = 0; j < k; j++)
                        for (int i = 0; i < k; i++) m += JpegSamples.luma(ref.getRGB(x * k + i, y * k + j));
                    sum += Math.abs(JpegSamples.luma(ours.getRGB(x, y)) - m / (k * k));
                    count++;
                }
            }
            if (count > 0)
                assertThat(sum / count)
                        .as("%s at 1/%d: mean difference from the block mean", s, k)
                        .isLessThan(count >= 64 ? 3.5 : 5.0);
        }
    }

    static boolean hasMarker(byte[] d, int code) {
        for (int i = 0; i + 1 < d.length; i++) if ((d[i] & 0xFF) == 0xFF && (d[i + 1] & 0xFF) == code) return true;
        return false;
    }

    static BufferedImage full(byte[] jpeg, int n) throws JpegException {
        JpegFrame f = JpegDecoder.decode(jpeg, n, 1L << 26);
        return JpegColour.toImage(
                f,
                HashingImages.sampleMap(f.width, f.outWidth(), false),
                HashingImages.sampleMap(f.height, f.outHeight(), false));
    }
}
