package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Untrusted bytes (DEV-GUIDELINES rule 6): seeded mutations of valid lossy WebPs (byte changes,
 * truncation, dropped runs, hits on the RIFF and VP8 headers) either decode or fail with
 * {@link WebpException}, never another exception and never a hang.
 */
class WebpRobustnessTest {
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedFilesDecodeOrFailWithWebpException() throws Exception {
        byte[][] seeds = {
            WebpSamples.cwebp(WebpSamples.picture(70, 50, 21, false), "-q", "60", "-segments", "4"),
            WebpSamples.cwebp(WebpSamples.picture(48, 40, 22, true), "-q", "80", "-nostrong")
        };
        Random r = new Random(20261201);
        int decoded = 0, refused = 0;
        for (byte[] good : seeds) {
            for (int i = 0; i < 400; i++) {
                try {
                    WebpDecoder.decode(
                            org.pramaan.testing.Mutations.decoderInput(good, r, 64),
                            1L << 22); // 64: RIFF, VP8X, frame tag, first partition header
                    decoded++;
                } catch (WebpException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    refused++;
                }
            }
        }
        // Both outcomes must occur, or the mutations are too mild (or too brutal) to test anything.
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void refusesTruncatedAndOversizedFramesNamingTheProblem() throws Exception {
        byte[] good = WebpSamples.cwebp(WebpSamples.picture(64, 64, 23, false), "-q", "70");
        byte[] cut = Arrays.copyOf(good, good.length / 2);
        assertThatThrownBy(() -> WebpDecoder.decode(cut, 1L << 22))
                .isInstanceOf(WebpException.class)
                .hasMessageContaining("bytes");
        assertThatThrownBy(() -> WebpDecoder.decode(good, 1000))
                .isInstanceOf(WebpException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> WebpDecoder.decode(new byte[] {1, 2, 3, 4}, 100))
                .isInstanceOf(WebpException.class)
                .hasMessageContaining("RIFF");
    }
}
