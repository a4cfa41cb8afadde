package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.JpegSamples.Spec;

/**
 * The fast path's PDQ hash (reduced-scale decode, squash at sampled positions) against the plain
 * path: ImageIO at full size, then PdqHasher's own 512×512 squash. The real arbiter is the C++
 * conformance set (PdqConformanceTest); this covers samplings and progressions that set lacks.
 */
class ReducedJpegHashTest {
    static Stream<Spec> specs() {
        return Stream.of(
                new Spec(1100, 1030, false, 2, 2, 0.9f, false, 0, 31), // 1/2
                new Spec(2050, 2020, false, 1, 1, 0.85f, true, 7, 32), // 1/4
                new Spec(4100, 4030, false, 2, 1, 0.8f, true, 0, 33), // 1/8, DC only
                new Spec(1300, 1100, true, 1, 1, 0.9f, true, 11, 34),
                new Spec(2600, 1040, false, 1, 2, 0.95f, false, 16, 35));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void reducedDecodeHashesCloseToFullDecode(Spec s) throws Exception {
        byte[] jpeg = JpegSamples.encode(s);
        PdqHasher hasher = new PdqHasher();
        MediaSource src = MediaSource.of(jpeg);
        BufferedImage fast =
                ImageDecoder.decodeForHashing(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
        assertThat(fast.getWidth()).isEqualTo(512);
        PdqResult ours = hasher.hash(fast);
        PdqResult plain = hasher.hash(JpegSamples.reference(jpeg));
        assertThat(ours.quality()).isGreaterThanOrEqualTo(50);
        assertThat(ours.hash().distance(plain.hash()))
                .as("%s: bits from the full-size decode", s)
                .isLessThanOrEqualTo(10);
    }

    @org.junit.jupiter.api.Test
    void cutScanFallsBackToImageIoInsteadOfFailingOnOurDecoder() throws Exception {
        byte[] good = JpegSamples.encode(new Spec(1100, 1030, false, 2, 2, 0.9f, false, 0, 36));
        // The scan stops at 60 % but the file still ends in EOI, so the prober lets it through.
        byte[] cut = java.util.Arrays.copyOf(good, good.length * 3 / 5 + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JpegDecoder.decode(cut, 4, 1L << 24))
                .isInstanceOf(JpegException.class);
        MediaSource src = MediaSource.of(cut);
        // libjpeg (behind ImageIO) pads a truncated scan with grey and carries on: intake gets pixels, as before.
        BufferedImage img =
                ImageDecoder.decodeForHashing(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
        assertThat(img.getWidth()).isEqualTo(512);
    }
}
