package org.pramaan.watermark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DwtDctWatermarkTest {

    /** Known answers computed with python3-opencv 4.6.0 {@code cv2.cvtColor(..., COLOR_BGR2YUV)} on 8-bit pixels. */
    @Test
    void colourConversionMatchesOpenCv() {
        int[][] bgrYuv = {
            {0, 0, 0, 0, 128, 128},
            {255, 255, 255, 255, 128, 128},
            {255, 0, 0, 29, 239, 103},
            {0, 0, 255, 76, 91, 255},
            {12, 200, 77, 142, 64, 71},
            {250, 3, 129, 69, 217, 181}
        };
        for (int[] t : bgrYuv) {
            int b = t[0], g = t[1], r = t[2];
            assertThat(new int[] {OpenCvYuv.y8(r, g, b), OpenCvYuv.u8(r, g, b), OpenCvYuv.v8(r, g, b)})
                    .as("BGR %d,%d,%d", b, g, r)
                    .containsExactly(t[3], t[4], t[5]);
        }
        // COLOR_YUV2BGR known answers: YUV → BGR
        int[][] yuvBgr = {
            {16, 128, 128, 16, 16, 16},
            {235, 16, 240, 7, 214, 255},
            {100, 200, 50, 246, 117, 11},
            {0, 255, 0, 255, 24, 0}
        };
        int[] rgb = new int[3];
        for (int[] t : yuvBgr) {
            OpenCvYuv.toRgb8(t[0], t[1], t[2], rgb);
            assertThat(new int[] {rgb[2], rgb[1], rgb[0]})
                    .as("YUV %d,%d,%d", t[0], t[1], t[2])
                    .containsExactly(t[3], t[4], t[5]);
        }
    }

    /** Known answers from pywt 1.1.1 (float64, printed with repr): dwt2([[1,2],[3,4]]) and a cA that is not 263.5. */
    @Test
    void haarMatchesPywtBitForBit() {
        double[][] b = Haar.forward(new double[] {1, 2, 3, 4}, 2, 2);
        assertThat(new double[] {b[0][0], b[1][0], b[2][0], b[3][0]})
                .containsExactly(5.000000000000001, -2.0000000000000004, -1.0, 0.0);
        assertThat(Haar.forward(new double[] {131, 129, 140, 127}, 2, 2)[0][0]).isEqualTo(263.50000000000006);
        Random rnd = new Random(3);
        double[] x = new double[8 * 6];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextInt(256);
        double[][] f = Haar.forward(x, 8, 6);
        double[] back = Haar.inverse(f[0], f[1], f[2], f[3], 4, 3);
        for (int i = 0; i < x.length; i++)
            assertThat(back[i]).isCloseTo(x[i], org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void quantiseSetsTheResidueTo9Or27AndKeepsTheSign() {
        assertThat(DwtDctWatermark.quantise(100.0, false)).isEqualTo(81.0); // ⌊100/36⌋ = 2 → (2.25)·36
        assertThat(DwtDctWatermark.quantise(100.0, true)).isEqualTo(99.0);
        assertThat(DwtDctWatermark.quantise(-100.0, true)).isEqualTo(-99.0);
        assertThat(DwtDctWatermark.floorDiv(72.0, 36)).isEqualTo(2.0);
    }

    /**
     * The package's own scheme is not an exact round trip: a quantised coefficient can drop below a
     * neighbour and lose the block's argmax, and the colour round trip rounds. Measured here (and with
     * the Python reference, docs/watermark.md) on gradient-plus-noise pictures: at least 70 % of bits
     * (the "likely" ratio), 90 % for 8-bit marking of images of 512 px and more.
     */
    @ParameterizedTest(name = "{0}x{1} {2} {3}")
    @CsvSource({
        "512,512,UINT8,BGR",
        "512,512,FLOAT,BGR",
        "1024,1024,FLOAT,BGR",
        "601,517,UINT8,BGR",
        "601,517,FLOAT,RGB_AS_BGR",
        "256,256,UINT8,RGB_AS_BGR",
        "1023,769,FLOAT,BGR"
    })
    void randomMessagesRoundTrip(int w, int h, DwtDctWatermark.Arithmetic arithmetic, ChannelOrder order) {
        Random rnd = new Random(w * 31L + h);
        RgbPixels img = TestImages.make(TestImages.Kind.GRADIENT_NOISE, w, h, w + h);
        for (int length : new int[] {48, 136}) {
            boolean[] msg = new boolean[length];
            for (int i = 0; i < length; i++) msg[i] = rnd.nextBoolean();
            RgbPixels marked = DwtDctWatermark.encode(img, msg, order, arithmetic);
            boolean[] got = DwtDctWatermark.decode(TestImages.png(marked), length, order);
            int same = 0;
            for (int i = 0; i < length; i++) if (got[i] == msg[i]) same++;
            // Float marking may leave the complement (KnownWatermark.invertible); 8-bit marking never does.
            int best = arithmetic == DwtDctWatermark.Arithmetic.FLOAT ? Math.max(same, length - same) : same;
            System.out.printf("round trip %dx%d %s %s %d bits: %d same%n", w, h, arithmetic, order, length, same);
            assertThat(best).as("%d bits, %d same", length, same).isGreaterThanOrEqualTo(length * 7 / 10);
            if (arithmetic == DwtDctWatermark.Arithmetic.UINT8 && w >= 512)
                assertThat(same).isGreaterThanOrEqualTo(length * 9 / 10);
        }
    }

    @Test
    void theVoteIsTheMeanOfEachBitsBlocks() {
        byte[] blocks = {1, 0, 1, 1, 0, 0, 1, 1}; // bit 0 gets 1,1,0,1; bit 1 gets 0,1,0,1 (mean 0.5·255 = 127.5 > 127)
        assertThat(DwtDctWatermark.vote(blocks, 2)).containsExactly(true, true);
        assertThat(DwtDctWatermark.vote(new byte[] {1, 0, 0, 1, 0, 0}, 3)).containsExactly(true, false, false);
        assertThat(DwtDctWatermark.vote(new byte[] {1}, 2))
                .as("a bit with no block")
                .containsExactly(true, false);
    }

    @Test
    void refusesWhatThePackageRefuses() {
        RgbPixels small = TestImages.make(TestImages.Kind.FLAT, 300, 200, 1);
        assertThatThrownBy(() -> DwtDctWatermark.encode(
                        small, new boolean[] {true}, ChannelOrder.BGR, DwtDctWatermark.Arithmetic.UINT8))
                .hasMessageContaining("300x200")
                .hasMessageContaining("256x256");
        assertThat(new SdWatermarkDetector().detect(small)).isEmpty();
        assertThatThrownBy(() -> new RgbPixels(10, 10, new int[99])).hasMessageContaining("99 pixels");
    }
}
