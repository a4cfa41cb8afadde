package org.pramaan.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WebP labels without an encoder are refused naming what is missing; the lossless test reads the chunk. */
class WebpLabelsTest {
    private static byte[] riff(String... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        for (String c : chunks) {
            body.writeBytes(c.getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(new byte[] {10, 0, 0, 0});
            body.writeBytes(new byte[10]);
        }
        byte[] b = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) b.length, (byte) (b.length >> 8), 0, 0});
        out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void theLosslessFlagComesFromTheImageChunkEvenAfterAVp8xHeader() {
        assertThat(WebpEncoder.lossless(riff("VP8L"))).isTrue();
        assertThat(WebpEncoder.lossless(riff("VP8X", "VP8L"))).isTrue();
        assertThat(WebpEncoder.lossless(riff("VP8 "))).isFalse();
        assertThat(WebpEncoder.lossless(riff("VP8X", "ALPH", "VP8 "))).isFalse();
        byte[] lying = riff("VP8X", "VP8L");
        lying[16] = (byte) 0xFF; // the VP8X chunk claims more bytes than there are
        lying[19] = (byte) 0x7F;
        assertThat(WebpEncoder.lossless(lying)).isFalse();
    }

    @Test
    void withoutAnEncoderAWebpIsRefusedNamingFfmpegAndLibwebp() {
        VisibleLabels.Request r = VisibleLabels.Request.of(LabelProfiles.bundled("CN"));
        assertThatThrownBy(() -> VisibleLabels.apply(riff("VP8 "), r, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not supported yet")
                .hasMessageContaining("libwebp");
    }
}
