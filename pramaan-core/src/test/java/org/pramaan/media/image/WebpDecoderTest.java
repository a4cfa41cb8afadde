package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the VP8 decoder against TwelveMonkeys' (the oracle), on files cwebp makes
 * with each coding tool switched on in turn: segments, simple and normal loop filter, sharpness,
 * sizes that are not whole macroblocks, alpha (VP8X + ALPH), and high and low quality.
 */
class WebpDecoderTest {
    @Test
    void lossyFilesMatchTheOracle() throws Exception {
        String[][] options = {
            {"-q", "90"}, {"-q", "30", "-segments", "4", "-sns", "80"}, {"-q", "60", "-nostrong", "-f", "50"},
            {"-q", "70", "-strong", "-f", "100", "-sharpness", "5"}, {"-q", "95", "-segments", "1", "-f", "0"}, {"-q", "10", "-m", "6"}};
        int[][] sizes = {{64, 48}, {37, 23}, {161, 97}};
        long seed = 1;
        for (String[] o : options) {
            for (int[] s : sizes) {
                byte[] webp = WebpSamples.cwebp(WebpSamples.picture(s[0], s[1], seed++, false), o);
                assertMatchesOracle(webp, String.join(" ", o) + " " + s[0] + "x" + s[1]);
            }
        }
    }

    @Test
    void alphaIsSkippedAndColourMatches() throws Exception {
        byte[] webp = WebpSamples.cwebp(WebpSamples.picture(80, 60, 7, true), "-q", "80");
        assertThat(new String(webp, 12, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("VP8X");
        assertMatchesOracle(webp, "alpha");
    }

    private static void assertMatchesOracle(byte[] webp, String what) throws Exception {
        BufferedImage oracle = WebpSamples.imageIo(webp);
        Vp8Frame f = WebpDecoder.decode(webp, 1L << 24);
        assertThat(f.width).as(what).isEqualTo(oracle.getWidth());
        assertThat(f.height).as(what).isEqualTo(oracle.getHeight());
        byte[] yuv = WebpSamples.dwebpYuv(webp);
        int cw = (f.width + 1) / 2, ch = (f.height + 1) / 2;
        assertPlane(what + " Y", yuv, 0, f.y, f, f.width, f.height, true);
        assertPlane(what + " U", yuv, f.width * f.height, f.u, f, cw, ch, false);
        assertPlane(what + " V", yuv, f.width * f.height + cw * ch, f.v, f, cw, ch, false);
        int[] xs = HashingImages.sampleMap(f.width, f.width, false), ys = HashingImages.sampleMap(f.height, f.height, false);
        BufferedImage ours = WebpColour.toImage(f, xs, ys);
        int worst = 0, off = 0, wx = 0, wy = 0;
        for (int y = 0; y < f.height; y++) {
            for (int x = 0; x < f.width; x++) {
                int a = ours.getRGB(x, y), b = oracle.getRGB(x, y), d = 0;
                for (int sh = 0; sh < 24; sh += 8) d = Math.max(d, Math.abs(((a >> sh) & 0xFF) - ((b >> sh) & 0xFF)));
                if (d > worst) { worst = d; wx = x; wy = y; }
                if (d > 0) off++;
            }
        }
        System.out.printf("%s: worst %d at (%d, %d) ours %08x oracle %08x, %d of %d pixels differ%n", what, worst, wx, wy, ours.getRGB(wx, wy), oracle.getRGB(wx, wy), off, f.width * f.height);
        assertThat(worst).as(what + ": largest channel difference").isLessThanOrEqualTo(2);
    }

    /** libwebp's planes must be reproduced exactly: prediction, transforms and loop filter are all integer-exact in the spec. */
    private static void assertPlane(String what, byte[] yuv, int at, byte[] plane, Vp8Frame f, int w, int h, boolean luma) {
        int bad = 0, first = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ours = plane[luma ? f.yAt(x, y) : f.uvAt(x, y)] & 0xFF, ref = yuv[at + y * w + x] & 0xFF;
                if (ours != ref) {
                    if (first < 0) first = y * w + x;
                    bad++;
                }
            }
        }
        assertThat(bad).as("%s: pixels differing from libwebp, first at (%d, %d)", what, first < 0 ? -1 : first % w, first < 0 ? -1 : first / w).isZero();
    }
}
