package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessor;
import org.pramaan.assessment.Tier;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;
import org.pramaan.signals.WatermarkSignalExtractor;

class WatermarkSignalExtractorTest {
    private final WatermarkSignalExtractor extractor = new WatermarkSignalExtractor();

    private List<Signal> extract(byte[] file) throws Exception {
        MediaSource src = MediaSource.of(file);
        return extractor.extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    private static byte[] sdxlPng(int w, int h) throws Exception {
        RgbPixels marked = DwtDctWatermark.encode(
                TestImages.make(TestImages.Kind.GRADIENT_NOISE, w, h, 3),
                KnownWatermark.SDXL.bits(),
                ChannelOrder.BGR,
                DwtDctWatermark.Arithmetic.FLOAT);
        return TestImages.encode(marked, "png", -1);
    }

    @Test
    void anSdxlPngIsSuspectedNotConfirmed() throws Exception {
        List<Signal> signals = extract(sdxlPng(1024, 1024));
        assertThat(signals).hasSize(1);
        Signal s = signals.get(0);
        assertThat(s.type()).isEqualTo(SignalType.INVISIBLE_WATERMARK);
        assertThat(s.value()).isEqualTo("sdxl");
        assertThat(s.strength()).isEqualTo(SignalStrength.MODERATE);
        assertThat(s.attributes())
                .containsEntry("verdict", "very_likely")
                .containsEntry("totalBits", "48")
                .containsEntry("confirmed", "false")
                .containsEntry("channelOrder", "bgr")
                .containsEntry("decodedBits", "b3ec907bb19e")
                .containsKeys("ratio", "matchedBits", "thresholds");
        var a = new Assessor().assess(signals);
        assertThat(a.tier()).isEqualTo(Tier.SUSPECTED_SYNTHETIC);
        assertThat(a.reasons()).anySatisfy(r -> assertThat(r.code()).isEqualTo("watermark.sdxl"));
    }

    @Test
    void anSd1PngCarriesItsText() throws Exception {
        RgbPixels marked = DwtDctWatermark.encode(
                TestImages.make(TestImages.Kind.GRADIENT_NOISE, 512, 512, 4),
                KnownWatermark.SD1.bits(),
                ChannelOrder.BGR,
                DwtDctWatermark.Arithmetic.UINT8);
        List<Signal> signals = extract(TestImages.encode(marked, "png", -1));
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("sd1");
            assertThat(s.attributes()).containsEntry("totalBits", "136").containsKey("decodedText");
        });
    }

    @Test
    void cleanSmallAndOversizedImagesGiveNothing() throws Exception {
        assertThat(extract(
                        TestImages.encode(TestImages.make(TestImages.Kind.GRADIENT_NOISE, 1024, 1024, 8), "png", -1)))
                .isEmpty();
        assertThat(extract(TestImages.encode(TestImages.make(TestImages.Kind.GRADIENT_NOISE, 200, 200, 8), "png", -1)))
                .isEmpty();
        WatermarkSignalExtractor capped = new WatermarkSignalExtractor(new SdWatermarkDetector(), 512 * 512);
        MediaSource src = MediaSource.of(sdxlPng(1024, 1024));
        assertThat(capped.extract(src, MediaProber.standard().probe(src, MediaLimits.defaults())))
                .as("over the pixel cap")
                .isEmpty();
    }

    @Test
    void verdictsMapToStrengths() {
        boolean[] bits = KnownWatermark.SDXL.bits();
        boolean[] flipped = bits.clone();
        for (int i = 0; i < 13; i++) flipped[i] = !flipped[i]; // 35 of 48: likely
        List<Signal> likely = WatermarkSignalExtractor.signals(
                List.of(new WatermarkMatch(KnownWatermark.SDXL, ChannelOrder.BGR, flipped, false, 35)));
        assertThat(likely)
                .singleElement()
                .satisfies(s -> assertThat(s.strength()).isEqualTo(SignalStrength.WEAK));
        assertThat(new Assessor().assess(likely).tier()).isEqualTo(Tier.INCONCLUSIVE);
        List<Signal> partial = WatermarkSignalExtractor.signals(
                List.of(new WatermarkMatch(KnownWatermark.SDXL, ChannelOrder.BGR, flipped, false, 30)));
        assertThat(partial).as("partial matches are common on clean images").isEmpty();
    }
}
