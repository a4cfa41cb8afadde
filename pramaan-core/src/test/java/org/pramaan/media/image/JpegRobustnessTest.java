package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pramaan.media.image.JpegSamples.Spec;

/**
 * Untrusted bytes (DEV-GUIDELINES rule 6): seeded mutations of valid baseline and progressive
 * files (byte changes, truncation, dropped and repeated runs) either decode or fail with
 * {@link JpegException}, never another exception and never a hang.
 */
class JpegRobustnessTest {
    private static final List<Spec> SEEDS = List.of(
            new Spec(120, 90, false, 2, 2, 0.8f, false, 4, 21),
            new Spec(100, 70, false, 1, 1, 0.9f, true, 0, 22),
            new Spec(90, 60, false, 2, 1, 0.7f, true, 3, 23),
            new Spec(64, 64, true, 1, 1, 0.9f, false, 0, 24));

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedFilesDecodeOrFailWithJpegException() throws Exception {
        Random r = new Random(20261201);
        int[] outcomes = new int[2];
        for (Spec s : SEEDS) damage(JpegSamples.encode(s), r, 250, outcomes);
        // Both outcomes must occur, or the mutations are too mild (or too brutal) to test anything.
        assertThat(outcomes[0]).as("decoded").isPositive();
        assertThat(outcomes[1]).as("refused").isPositive();
    }

    /**
     * {@code count} damaged copies of {@code good} through to hashing's pixels at full size and at
     * 1/4: each gives an image or a JpegException with a message. Counts into {@code outcomes}
     * (decoded, refused).
     */
    static void damage(byte[] good, Random r, int count, int[] outcomes) {
        for (int i = 0; i < count; i++) {
            byte[] bad = org.pramaan.testing.Mutations.decoderInput(good, r, 700); // 700: tables, SOF, SOS
            for (int n : new int[] {8, 2}) {
                try {
                    java.awt.image.BufferedImage img =
                            n == 8 ? ImageDecoder.fullJpeg(bad, 1L << 22) : ImageDecoder.reducedJpeg(bad, n, 1L << 22);
                    assertThat(img.getWidth()).isPositive();
                    outcomes[0]++;
                } catch (JpegException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    outcomes[1]++;
                }
            }
        }
    }

    @Test
    void truncatedScanIsRefusedNamingTheOffset() throws Exception {
        byte[] good = JpegSamples.encode(SEEDS.get(0));
        byte[] cut = Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> JpegDecoder.decode(cut, 8, 1L << 22))
                .isInstanceOf(JpegException.class)
                .hasMessageContaining("offset");
    }

    @Test
    void refusesWhatItLeavesToImageIo() throws Exception {
        byte[] good = JpegSamples.encode(SEEDS.get(0));
        byte[] arithmetic = good.clone();
        for (int i = 0; i + 1 < arithmetic.length; i++)
            if ((arithmetic[i] & 0xFF) == 0xFF && (arithmetic[i + 1] & 0xFF) == 0xC0) arithmetic[i + 1] = (byte) 0xC9;
        assertThatThrownBy(() -> JpegDecoder.decode(arithmetic, 8, 1L << 22))
                .isInstanceOfSatisfying(
                        JpegException.class, e -> assertThat(e.unsupported()).isTrue());
        assertThatThrownBy(() -> JpegDecoder.decode(good, 8, 100))
                .isInstanceOf(JpegException.class)
                .hasMessageContaining("over the limit");
        assertThatThrownBy(() -> JpegDecoder.decode(new byte[] {1, 2, 3, 4}, 8, 100))
                .isInstanceOf(JpegException.class)
                .hasMessageContaining("SOI");
    }
}
