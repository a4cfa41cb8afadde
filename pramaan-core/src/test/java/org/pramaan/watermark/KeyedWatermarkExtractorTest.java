package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessor;
import org.pramaan.assessment.Tier;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.signals.KeyedWatermarkExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

/** The intake signal: a marked JPEG (as shared, q75) is confirmed with its payload; clean files and other keys give nothing. */
class KeyedWatermarkExtractorTest {
    private static List<Signal> extract(KeyedWatermarkExtractor e, byte[] file) throws Exception {
        MediaSource src = MediaSource.of(file);
        return e.extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    private static byte[] markedJpeg(WatermarkKey key, int payload) throws Exception {
        RgbPixels photo = TestImages.make(TestImages.Kind.POSTER_TEXT, 400, 300, 9);
        return TestImages.encode(new KeyedWatermark(key).embed(photo, payload), "jpeg", 75);
    }

    @Test
    void aMarkedJpegIsConfirmedWithItsPayload() throws Exception {
        int payload = 0x7B2 << 20 | 0x0BEEF; // operator 1970, record 48879
        List<Signal> signals = extract(
                new KeyedWatermarkExtractor(List.of(KeyedWatermarkTest.OTHER, KeyedWatermarkTest.KEY)),
                markedJpeg(KeyedWatermarkTest.KEY, payload));
        assertThat(signals).hasSize(1);
        Signal s = signals.get(0);
        assertThat(s.type()).isEqualTo(SignalType.INVISIBLE_WATERMARK);
        assertThat(s.value()).isEqualTo("pramaan:acme");
        assertThat(s.strength()).isEqualTo(SignalStrength.STRONG);
        assertThat(s.attributes())
                .containsEntry("operatorId", "1970")
                .containsEntry("recordId", "48879")
                .containsEntry("payloadHex", "7b20beef")
                .containsEntry("confirmed", "true");
        var a = new Assessor().assess(signals);
        assertThat(a.tier()).isEqualTo(Tier.CONFIRMED_SYNTHETIC);
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r.code()).isEqualTo("watermark.pramaan"));
    }

    @Test
    void cleanFilesWrongKeysAndNoKeysGiveNothing() throws Exception {
        byte[] clean = TestImages.encode(TestImages.make(TestImages.Kind.POSTER_TEXT, 400, 300, 9), "jpeg", 75);
        byte[] marked = markedJpeg(KeyedWatermarkTest.KEY, 1);
        assertThat(extract(new KeyedWatermarkExtractor(List.of(KeyedWatermarkTest.KEY)), clean))
                .isEmpty();
        assertThat(extract(new KeyedWatermarkExtractor(List.of(KeyedWatermarkTest.OTHER)), marked))
                .isEmpty();
        assertThat(extract(new KeyedWatermarkExtractor(List.of()), marked)).isEmpty();
    }
}
