package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.media.Dimensions;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.MediaType;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.StillImageDecoder;
import org.pramaan.media.image.StandardStillImageDecoder;
import org.pramaan.testing.TinyMedia;

/** PDQ goes through the still-image decoder port; a fake decoder stands in for core's. */
class PdqExtractorTest {
    private final PdqHasher hasher = new PdqHasher();
    private final List<MediaInfo> decoded = new ArrayList<>();

    /** A diagonal gradient, nothing like the tiny JPEG's pixels, so its hash shows which pixels were hashed. */
    private static BufferedImage pattern() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, ((x * 4) ^ (y * 4)) * 0x010101);
        return img;
    }

    private final BufferedImage pattern = pattern();
    private final StillImageDecoder fake = (source, info) -> {
        decoded.add(info);
        return pattern;
    };

    private static SignalInput probed(byte[] file) throws Exception {
        MediaSource src = MediaSource.of(file);
        return SignalInput.of(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    @Test
    void screeningAndTheDihedralHashesHashWhatTheInjectedDecoderGives() throws Exception {
        SignalInput input = probed(TinyMedia.jpeg());
        PdqExtractor pdq = new PdqExtractor(hasher, fake);
        PdqResult expected = hasher.hash(pattern);
        PdqResult standard = hasher.hash(new StandardStillImageDecoder().decode(input.source(), input.info()));
        assertThat(expected.hash())
                .as("the fake's pixels hash differently from the file's")
                .isNotEqualTo(standard.hash());

        assertThat(pdq.extract(input)).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.PDQ);
            assertThat(s.value()).isEqualTo(expected.hash().toHex());
            assertThat(s.attributes()).containsEntry("quality", Integer.toString(expected.quality()));
            assertThat(s.location()).isEqualTo("decoded pixels");
        });
        assertThat(input.get(SignalInput.PDQ))
                .as("left for bank matching and the report")
                .contains(expected);
        assertThat(pdq.dihedral(input.source(), input.info())).isEqualTo(hasher.dihedral(pattern));
        assertThat(decoded).containsExactly(input.info(), input.info());
    }

    @Test
    void otherKindsNeverReachTheDecoder() throws Exception {
        SignalInput wav = probed(TinyMedia.wav());
        assertThat(new PdqExtractor(hasher, fake).extract(wav)).isEmpty();
        assertThat(wav.get(SignalInput.PDQ)).isEmpty();
        assertThat(decoded).isEmpty();
    }

    @Test
    void aDecoderRefusalRefusesTheFileAndLeavesNoHash() throws Exception {
        SignalInput input = probed(TinyMedia.jpeg());
        StillImageDecoder refusing = (source, info) -> {
            throw new MediaRejectedException(RejectionCode.CORRUPT, "JPEG image could not be decoded: bad");
        };
        assertThatThrownBy(() -> new PdqExtractor(hasher, refusing).extract(input))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessage("JPEG image could not be decoded: bad");
        assertThat(input.get(SignalInput.PDQ)).isEmpty();
    }

    /** The standard decoder keeps today's refusal: headers the prober accepted, pixels nobody can decode. */
    @Test
    void theStandardDecoderRefusesUndecodablePixelsAsCorruptNamingTheType() throws Exception {
        // A PNG's signature and header, then no image data: the prober's checks end at the header.
        byte[] png = TinyMedia.png();
        byte[] headerOnly = java.util.Arrays.copyOf(png, 33);
        MediaInfo info =
                new MediaInfo(MediaType.PNG, headerOnly.length, Optional.of(new Dimensions(24, 16)), Optional.empty());
        assertThatThrownBy(() -> new StandardStillImageDecoder().decode(MediaSource.of(headerOnly), info))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.CORRUPT))
                .hasMessageStartingWith("PNG image could not be decoded: ");
    }
}
