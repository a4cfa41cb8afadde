package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdWatermarkDetectorTest {
    private final SdWatermarkDetector detector = new SdWatermarkDetector();

    private WatermarkMatch find(RgbPixels img, KnownWatermark k) {
        return detector.detect(img).stream()
                .filter(m -> m.watermark() == k)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theMessagesAreThePublishedOnes() {
        assertThat(new WatermarkMatch(KnownWatermark.SDXL, ChannelOrder.BGR, KnownWatermark.SDXL.bits(), false, 48)
                        .decodedHex())
                .isEqualTo("b3ec907bb19e");
        assertThat(KnownWatermark.SDXL.bits()).hasSize(48);
        WatermarkMatch sd1 =
                new WatermarkMatch(KnownWatermark.SD1, ChannelOrder.BGR, KnownWatermark.SD1.bits(), false, 136);
        assertThat(sd1.decodedText()).isEqualTo("StableDiffusionV1");
        assertThat(sd1.totalBits()).isEqualTo(136);
        assertThat(KnownWatermark.SDXL.verdict(27)).isEqualTo(KnownWatermark.Verdict.NONE);
        assertThat(KnownWatermark.SDXL.verdict(33)).isEqualTo(KnownWatermark.Verdict.PARTIAL);
        assertThat(KnownWatermark.SDXL.verdict(35)).isEqualTo(KnownWatermark.Verdict.LIKELY);
        assertThat(KnownWatermark.SDXL.verdict(36)).isEqualTo(KnownWatermark.Verdict.VERY_LIKELY);
        assertThat(new int[] {KnownWatermark.SD1.partial(), KnownWatermark.SD1.likely(), KnownWatermark.SD1.veryLikely()
                })
                .containsExactly(80, 97, 102);
    }

    @ParameterizedTest(name = "{0} {1}x{2} {3} {4}")
    @CsvSource({
        "SDXL,1024,1024,FLOAT,BGR",
        "SDXL,1024,1024,FLOAT,RGB_AS_BGR",
        "SDXL,832,1216,FLOAT,BGR",
        "SD1,512,512,UINT8,BGR",
        "SD1,768,512,UINT8,BGR",
        "SDXL,515,389,FLOAT,BGR"
    })
    void findsEachGeneratorsMarkAfterPng(
            String which, int w, int h, DwtDctWatermark.Arithmetic arithmetic, ChannelOrder order) {
        KnownWatermark k = which.equals("SDXL") ? KnownWatermark.SDXL : KnownWatermark.SD1;
        // Textured content; smooth and flat content carry the mark less well (WatermarkRobustnessTest prints it).
        for (TestImages.Kind kind : new TestImages.Kind[] {TestImages.Kind.GRADIENT_NOISE}) {
            RgbPixels marked = TestImages.png(
                    DwtDctWatermark.encode(TestImages.make(kind, w, h, 11), k.bits(), order, arithmetic));
            WatermarkMatch m = find(marked, k);
            System.out.printf(
                    "%s %dx%d %s %s %s: %d/%d %s%n",
                    which,
                    w,
                    h,
                    arithmetic,
                    order,
                    kind,
                    m.matchedBits(),
                    m.totalBits(),
                    m.inverted() ? "inverted" : "");
            assertThat(m.order()).isEqualTo(order);
            assertThat(m.verdict())
                    .as("%s: %d bits", kind, m.matchedBits())
                    .isEqualTo(KnownWatermark.Verdict.VERY_LIKELY);
            if (k == KnownWatermark.SD1 && m.matchedBits() == 136)
                assertThat(m.decodedText()).isEqualTo("StableDiffusionV1");
            KnownWatermark other = k == KnownWatermark.SDXL ? KnownWatermark.SD1 : KnownWatermark.SDXL;
            assertThat(find(marked, other).verdict())
                    .as("the other message in a %s image", which)
                    .isIn(KnownWatermark.Verdict.NONE, KnownWatermark.Verdict.PARTIAL);
        }
    }

    /** A different 48-bit message is decoded as itself, and one far from SDXL's is not taken for it. */
    @Test
    void aWrongMessageIsNotTakenForSdxl() {
        Random rnd = new Random(5);
        RgbPixels img = TestImages.make(TestImages.Kind.GRADIENT_NOISE, 1024, 1024, 9);
        boolean[] sdxl = KnownWatermark.SDXL.bits();
        int far = 0;
        for (int t = 0; t < 12; t++) {
            boolean[] msg = new boolean[48];
            int same = 0;
            for (int i = 0; i < 48; i++) {
                msg[i] = rnd.nextBoolean();
                if (msg[i] == sdxl[i]) same++;
            }
            RgbPixels marked = TestImages.png(
                    DwtDctWatermark.encode(img, msg, ChannelOrder.BGR, DwtDctWatermark.Arithmetic.FLOAT));
            boolean[] got = DwtDctWatermark.decode(marked, 48, ChannelOrder.BGR);
            int kept = 0;
            for (int i = 0; i < 48; i++) if (got[i] == msg[i]) kept++;
            assertThat(kept).as("message %d decoded as itself", t).isGreaterThanOrEqualTo(44);
            WatermarkMatch m = find(marked, KnownWatermark.SDXL);
            if (same <= 27 && same >= 21) { // far from the message and from its complement
                far++;
                assertThat(m.verdict())
                        .as("message %d, %d bits like SDXL's", t, same)
                        .isIn(KnownWatermark.Verdict.NONE, KnownWatermark.Verdict.PARTIAL);
                assertThat(SdWatermarkDetector.match(
                                        KnownWatermark.SDXL,
                                        ChannelOrder.BGR,
                                        DwtDctWatermark.blockBits(marked, ChannelOrder.BGR))
                                .verdict())
                        .isEqualTo(KnownWatermark.Verdict.NONE);
            }
        }
        assertThat(far).as("random messages far from SDXL's among 12").isGreaterThan(6);
    }
}
