package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pramaan.hash.PdqHasher;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;

/**
 * Differential tests of the VP8 decoder on files cwebp makes with each coding tool switched on in
 * turn (segments, simple and normal loop filter, sharpness, sizes that are not whole macroblocks,
 * alpha). The oracle is libwebp: its planes ({@code dwebp -yuv}), which every Y, U and V sample
 * must equal, because VP8 reconstruction is integer-exact, and its RGB ({@code dwebp -nofancy}),
 * within 2 levels (the fixed-point colour conversions round differently). TwelveMonkeys, the
 * decoder the hashing path used before, is compared by PDQ hash only: it strays from libwebp by up
 * to 25 levels on some files (low quality with segments, partial macroblocks, alpha files).
 */
class WebpDecoderTest {
    private static final String[][] OPTIONS = {
        {"-q", "90"},
        {"-q", "30", "-segments", "4", "-sns", "80"},
        {"-q", "60", "-nostrong", "-f", "50"},
        {"-q", "70", "-strong", "-f", "100", "-sharpness", "5"},
        {"-q", "95", "-segments", "1", "-f", "0"},
        {"-q", "10", "-m", "6"}
    };
    private static final int[][] SIZES = {{64, 48}, {37, 23}, {161, 97}};

    @Test
    void planesAndRgbEqualLibwebp() throws Exception {
        long seed = 1;
        for (String[] o : OPTIONS) {
            for (int[] s : SIZES) {
                byte[] webp = WebpSamples.cwebp(WebpSamples.picture(s[0], s[1], seed++, false), o);
                String what = String.join(" ", o) + " " + s[0] + "x" + s[1];
                Vp8Frame f = WebpDecoder.decode(webp, 1L << 24);
                assertPlanesEqualLibwebp(webp, f, what);
                assertRgbCloseToLibwebp(webp, f, what);
            }
        }
    }

    @Test
    void extendedFileWithAlphaDecodesItsVp8Planes() throws Exception {
        byte[] webp = WebpSamples.cwebp(WebpSamples.picture(80, 60, 7, true), "-q", "80");
        assertThat(new String(webp, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
        assertThat(new String(webp, 0, webp.length, StandardCharsets.ISO_8859_1))
                .contains("ALPH");
        Vp8Frame f = WebpDecoder.decode(webp, 1L << 24);
        assertPlanesEqualLibwebp(webp, f, "alpha");
        assertRgbCloseToLibwebp(webp, f, "alpha");
    }

    /**
     * The hashing decode leaves out a mild loop filter (normal type, level ≤ 16: cwebp's default
     * quality gives 10) and keeps stronger ones. On a picture made to stress the filter (hard
     * edges, noise), leaving it out moves PDQ by at most 2 bits against the same colour conversion
     * of the filtered frame. The five conformance WebPs (levels 7–15) still hash exactly as the C++
     * reference (PdqConformanceTest).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "cwebp {0}: filter left out {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "-q 90, true",
        "-q 75, true",
        "-q 50, true",
        "-q 30 -f 100, false",
        "-q 5 -f 100, false",
        "-q 60 -nostrong, false"
    })
    void hashingDecodeLeavesOutOnlyAMildLoopFilter(String options, boolean leftOut) throws Exception {
        byte[] webp = WebpSamples.cwebp(WebpSamples.picture(1200, 800, 21, false), options.split(" "));
        Vp8Frame filtered = WebpDecoder.decode(webp, 1L << 24);
        assertThat(java.util.Arrays.equals(filtered.y, WebpDecoder.decodeForHashing(webp, 1L << 24).y))
                .as("hashing luma equals the filtered luma")
                .isEqualTo(!leftOut);
        MediaSource src = MediaSource.of(webp);
        BufferedImage fast =
                ImageDecoder.decodeForHashing(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
        BufferedImage withFilter = WebpColour.toImage(
                filtered, HashingImages.sampleMap(1200, 1200, true), HashingImages.sampleMap(800, 800, true));
        PdqHasher pdq = new PdqHasher();
        assertThat(pdq.hash(fast).hash().distance(pdq.hash(withFilter).hash()))
                .as("PDQ bits the left-out filter costs")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void squashedHashMatchesTheImageIoPath() throws Exception {
        byte[] webp = WebpSamples.cwebp(WebpSamples.picture(900, 610, 11, false), "-q", "85");
        MediaSource src = MediaSource.of(webp);
        BufferedImage fast =
                ImageDecoder.decodeForHashing(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
        assertThat(fast.getWidth()).isEqualTo(512);
        assertThat(fast.getHeight()).isEqualTo(512);
        BufferedImage libwebp = new BufferedImage(900, 610, BufferedImage.TYPE_INT_RGB);
        libwebp.setRGB(0, 0, 900, 610, WebpSamples.dwebpRgb(webp, 900, 610), 0, 900);
        BufferedImage twelveMonkeys = WebpSamples.imageIo(webp);
        PdqHasher pdq = new PdqHasher();
        var ours = pdq.hash(fast).hash();
        assertThat(ours.distance(
                        pdq.hash(HashingImages.squash(libwebp, 900, 610)).hash()))
                .as("PDQ bits from libwebp's decode")
                .isLessThanOrEqualTo(2);
        // Within the conformance limit of the path it replaces, though TwelveMonkeys' pixels stray (class comment).
        assertThat(ours.distance(
                        pdq.hash(HashingImages.squash(twelveMonkeys, 900, 610)).hash()))
                .as("PDQ bits from TwelveMonkeys' decode")
                .isLessThanOrEqualTo(10);
    }

    @Test
    void losslessAndAnimatedAreLeftToImageIo() throws Exception {
        byte[] lossless = WebpSamples.cwebp(WebpSamples.picture(40, 30, 3, false), "-lossless");
        assertThatThrownBy(() -> WebpDecoder.decode(lossless, 1L << 24))
                .isInstanceOfSatisfying(
                        WebpException.class, e -> assertThat(e.unsupported()).isTrue());
        MediaSource src = MediaSource.of(lossless);
        BufferedImage img =
                ImageDecoder.decodeForHashing(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
        assertThat(img.getWidth()).isEqualTo(40);
        byte[] animated = {
            'R', 'I', 'F', 'F', 30, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X', 10, 0, 0, 0, 0x02, 0, 0, 0, 9, 0,
            0, 9, 0, 0, 'A', 'N', 'I', 'M', 6, 0, 0, 0, 0, 0, 0, 0, 0, 0
        };
        assertThatThrownBy(() -> WebpDecoder.decode(animated, 1L << 24))
                .isInstanceOfSatisfying(
                        WebpException.class, e -> assertThat(e.unsupported()).isTrue());
    }

    /** libwebp's planes must be reproduced exactly: prediction, transforms and loop filter are integer-exact in the spec. */
    private static void assertPlanesEqualLibwebp(byte[] webp, Vp8Frame f, String what) throws Exception {
        byte[] yuv = WebpSamples.dwebpYuv(webp);
        int cw = (f.width + 1) / 2, ch = (f.height + 1) / 2;
        assertPlane(what + " Y", yuv, 0, f.y, f, f.width, f.height, true);
        assertPlane(what + " U", yuv, f.width * f.height, f.u, f, cw, ch, false);
        assertPlane(what + " V", yuv, f.width * f.height + cw * ch, f.v, f, cw, ch, false);
    }

    private static void assertPlane(
            String what, byte[] yuv, int at, byte[] plane, Vp8Frame f, int w, int h, boolean luma) {
        int bad = 0, first = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ours = plane[luma ? f.yAt(x, y) : f.uvAt(x, y)] & 0xFF, ref = yuv[at + y * w + x] & 0xFF;
                if (ours != ref && bad++ == 0) first = y * w + x;
            }
        }
        assertThat(bad)
                .as("%s: pixels differing from libwebp, first at (%d, %d)", what, first % w, first / w)
                .isZero();
    }

    private static void assertRgbCloseToLibwebp(byte[] webp, Vp8Frame f, String what) throws Exception {
        int[] ref = WebpSamples.dwebpRgb(webp, f.width, f.height);
        BufferedImage ours = WebpColour.toImage(
                f,
                HashingImages.sampleMap(f.width, f.width, false),
                HashingImages.sampleMap(f.height, f.height, false));
        int worst = 0;
        for (int y = 0; y < f.height; y++) {
            for (int x = 0; x < f.width; x++) {
                int a = ours.getRGB(x, y), b = ref[y * f.width + x];
                for (int sh = 0; sh < 24; sh += 8)
                    worst = Math.max(worst, Math.abs(((a >> sh) & 0xFF) - ((b >> sh) & 0xFF)));
            }
        }
        assertThat(worst)
                .as(what + ": largest channel difference from libwebp's RGB")
                .isLessThanOrEqualTo(2);
    }
}
