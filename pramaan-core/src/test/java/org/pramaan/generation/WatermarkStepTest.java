package org.pramaan.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.watermark.KeyedWatermark;
import org.pramaan.watermark.WatermarkKey;

class WatermarkStepTest {
    private static final WatermarkKey KEY =
            new WatermarkKey("acme", "acme generator key 0001".getBytes(StandardCharsets.US_ASCII));

    /** A textured test picture: smooth colour gradients plus grain, like a photo's. */
    private static byte[] image(int w, int h, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int g = (int) (60 + 80 * Math.sin(x / 23.0) * Math.cos(y / 31.0) + 90 * x / w + r.nextGaussian() * 12);
                int v = Math.max(0, Math.min(255, g));
                img.setRGB(x, y, v << 16 | Math.min(255, v + 20) << 8 | Math.max(0, v - 30));
            }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static MarkStep.Request number(long n) {
        return new MarkStep.Request("gen_x", "CN", Optional.empty(), OptionalLong.of(n));
    }

    @Test
    void payloadIsOperatorInTheTop12BitsAndTheRecordNumberInTheLow20() {
        assertThat(WatermarkPayload.of(0xA5C, 0x31F07)).hasValue(0xA5C3_1F07);
        assertThat(WatermarkPayload.operator(0xA5C3_1F07L)).isEqualTo(0xA5C);
        assertThat(WatermarkPayload.number(0xA5C3_1F07L)).isEqualTo(0x31F07);
        assertThat(WatermarkPayload.of(1, WatermarkPayload.MAX_NUMBER)).isPresent();
        assertThat(WatermarkPayload.of(1, WatermarkPayload.MAX_NUMBER + 1))
                .as("numbers that do not fit are not wrapped onto another record")
                .isEmpty();
        assertThat(WatermarkPayload.of(1, 0)).isEmpty();
        assertThatThrownBy(() -> WatermarkPayload.of(4096, 1)).hasMessageContaining("0-4095, was 4096");
    }

    @Test
    void marksAJpegAndPngAndReadsTheRecordNumberBack() throws IOException {
        WatermarkStep step = new WatermarkStep(new KeyedWatermark(KEY), 77);
        for (String format : new String[] {"jpeg", "png"}) {
            byte[] in = image(512, 384, format);
            assertThat(step.decode(in)).as(format + " unmarked").isEmpty();
            byte[] out = step.apply(in, number(4242)).orElseThrow();
            assertThat(ImageIO.read(new java.io.ByteArrayInputStream(out)).getWidth())
                    .isEqualTo(512);
            assertThat(step.decode(out)).as(format).hasValue(4242);
            assertThat(new WatermarkStep(new KeyedWatermark(KEY), 78).decode(out))
                    .as("another operator sharing the key does not claim it")
                    .isEmpty();
        }
    }

    @Test
    void claimsNothingItCouldNotReadBack() throws IOException {
        WatermarkStep step = new WatermarkStep(new KeyedWatermark(KEY), 1);
        assertThat(step.apply(image(400, WatermarkStep.MIN_SIDE - 1, "png"), number(5)))
                .as("shorter side under " + WatermarkStep.MIN_SIDE)
                .isEmpty();
        assertThat(step.apply(image(300, 300, "png"), number(WatermarkPayload.MAX_NUMBER + 1)))
                .as("number out of the payload's range")
                .isEmpty();
        assertThat(step.apply(image(300, 300, "png"), new MarkStep.Request("gen_x", "CN", Optional.empty())))
                .as("no number assigned")
                .isEmpty();
        assertThat(step.decode("not an image".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }
}
