package org.pramaan.media.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VideoFrameLumaTest {
    /** The plain formula the table lookup replaced, as the reference's fillFloatLumaFromRGB writes it. */
    private static float plain(int r, int g, int b) {
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }

    /** Every one of the 2^24 colours (extremes included), 256 frames of 256×256, compared bit for bit. */
    @Test
    void tableLumaIsBitIdenticalToThePlainFormulaForEveryColour() {
        float[] reuse = new float[0];
        for (int r = 0; r < 256; r++) {
            byte[] rgb = new byte[256 * 256 * 3];
            for (int g = 0, p = 0; g < 256; g++) {
                for (int b = 0; b < 256; b++, p += 3) {
                    rgb[p] = (byte) r;
                    rgb[p + 1] = (byte) g;
                    rgb[p + 2] = (byte) b;
                }
            }
            reuse = new VideoFrame(r, r, 256, 256, rgb).luma(reuse);
            for (int g = 0, i = 0; g < 256; g++) {
                for (int b = 0; b < 256; b++, i++) {
                    if (Float.floatToRawIntBits(reuse[i]) != Float.floatToRawIntBits(plain(r, g, b)))
                        assertThat(reuse[i]).as("luma of (%d,%d,%d)", r, g, b).isEqualTo(plain(r, g, b));
                }
            }
        }
        assertThat(reuse[reuse.length - 1]).isEqualTo(plain(255, 255, 255));
    }

    @Test
    void lumaReusesAPlaneOfTheRightSizeAndOverwritesItWhole() {
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 200, (byte) 100, 7};
        VideoFrame frame = new VideoFrame(0, 0, 2, 2, rgb);
        float[] stale = {-1, -1, -1, -1};
        float[] used = frame.luma(stale);
        assertThat(used).isSameAs(stale).containsExactly(frame.luma());
        assertThat(used).containsExactly(plain(255, 0, 0), plain(0, 255, 0), plain(0, 0, 255), plain(200, 100, 7));
        float[] wrongSize = new float[3];
        assertThat(frame.luma(wrongSize)).isNotSameAs(wrongSize).containsExactly(frame.luma());
    }
}
