package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.JpegExactSamples.Spec;
import org.pramaan.testing.SharedTestData;

/**
 * Full-size JPEGs in {@link ImageDecoder#decodeForHashing}: our decoder's pixels where it can
 * promise ImageIO's, ImageIO where it cannot (what the JDK takes for RGB, a progressive file cut
 * short, which libjpeg block-smooths), and never any other exception on damaged input.
 */
class JpegFullScaleRoutingTest {
    private static final int[] S420 = {2, 2, 1, 1, 1, 1}, S444 = {1, 1, 1, 1, 1, 1};

    @Test
    void smallJpegIsOursAndEqualsImageIo() throws Exception {
        byte[] jpeg = JpegExactSamples.encode(JpegExactSamples.spec(300, 211, S420, 0.85f, true, 0, 1));
        BufferedImage img = hashingDecode(jpeg);
        assertThat(img.getType()).as("our decoder's image, not ImageIO's BGR").isEqualTo(BufferedImage.TYPE_INT_RGB);
        JpegFullScaleTest.assertSamePixels(img, JpegSamples.reference(jpeg), "300x211");
    }

    @Test
    void squashedFullSizeJpegSamplesTheSamePixelsAsImageIoThenSquash() throws Exception {
        // 600x520: the shorter side cannot be halved and keep 512·0.98 px, so it is decoded at full size and squashed.
        byte[] jpeg = JpegExactSamples.encode(JpegExactSamples.spec(600, 520, S420, 0.9f, false, 7, 2));
        assertThat(HashingImages.blockScale(600, 520, ImageDecoder.KEEP)).isEqualTo(8);
        BufferedImage img = hashingDecode(jpeg);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        JpegFullScaleTest.assertSamePixels(
                img, HashingImages.squash(JpegSamples.reference(jpeg), 600, 520), "600x520 squashed");
    }

    @Test
    void whatImageIoTakesForRgbIsLeftToImageIo() throws Exception {
        // No JFIF APP0, component ids other than 1,2,3, no subsampling: the JDK reads the samples as RGB.
        byte[] jpeg = withoutApp0(JpegExactSamples.encode(JpegExactSamples.spec(40, 30, S444, 0.9f, false, 0, 3)));
        renameComponents(jpeg, new int[] {'a', 'b', 'c'});
        assertThatThrownBy(() -> JpegDecoder.decode(jpeg, 8, 1L << 20))
                .isInstanceOfSatisfying(
                        JpegException.class, e -> assertThat(e.unsupported()).isTrue());
        BufferedImage img = hashingDecode(jpeg);
        JpegFullScaleTest.assertSamePixels(img, JpegSamples.reference(jpeg), "RGB-guessed");
        // The same file with ids 1,2,3 is YCbCr to libjpeg, and ours again.
        renameComponents(jpeg, new int[] {1, 2, 3});
        JpegFullScaleTest.assertSamePixels(hashingDecode(jpeg), JpegSamples.reference(jpeg), "ids 1,2,3 without JFIF");
    }

    @Test
    void progressiveFileCutBeforeItsLastScansIsLeftToImageIo() throws Exception {
        byte[] full = JpegExactSamples.encode(JpegExactSamples.spec(120, 90, S420, 0.9f, true, 0, 4));
        List<Integer> sos = markers(full, 0xDA);
        assertThat(sos.size()).isGreaterThan(4);
        byte[] cut = java.util.Arrays.copyOf(full, sos.get(3) + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        assertThatThrownBy(() -> JpegDecoder.decode(cut, 8, 1L << 20))
                .isInstanceOfSatisfying(
                        JpegException.class, e -> assertThat(e.getMessage()).contains("block-smooth"));
        BufferedImage img = hashingDecode(cut);
        assertThat(img.getType()).isNotEqualTo(BufferedImage.TYPE_INT_RGB);
        JpegFullScaleTest.assertSamePixels(img, JpegSamples.reference(cut), "cut progressive");
    }

    /**
     * Damaged files (seeded byte flips, cuts, dropped runs, header flips) either fail with
     * JpegException or decode to ImageIO's pixels exactly, where ImageIO decodes them at all: what
     * libjpeg does with lost data (grey after a shortfall, its restart resynchronisation) is refused, not guessed.
     */
    @Test
    void damagedFilesFailWithJpegExceptionOrMatchImageIo() throws Exception {
        Random r = new Random(20261202);
        int decoded = 0, refused = 0, compared = 0;
        List<Spec> seeds = List.of(
                JpegExactSamples.spec(90, 70, S420, 0.8f, true, 0, 5),
                JpegExactSamples.spec(70, 50, new int[] {2, 1, 1, 1, 1, 1}, 0.9f, false, 3, 6),
                JpegExactSamples.spec(50, 41, S420, 0.7f, true, 2, 8),
                JpegExactSamples.spec(33, 47, new int[] {1, 2, 1, 1, 1, 1}, 0.95f, true, 0, 9));
        for (Spec s : seeds) {
            byte[] good = JpegExactSamples.encode(s);
            for (int i = 0; i < 400; i++) {
                byte[] bad = org.pramaan.testing.Mutations.decoderInput(good, r, 700);
                BufferedImage ours;
                try {
                    JpegFrame f = JpegDecoder.decode(bad, 8, 1L << 20);
                    ours = JpegFullColour.toImage(
                            f,
                            HashingImages.sampleMap(f.width, f.width, false),
                            HashingImages.sampleMap(f.height, f.height, false));
                    decoded++;
                } catch (JpegException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    refused++;
                    continue;
                }
                BufferedImage ref;
                try {
                    ref = JpegSamples.reference(bad);
                } catch (java.io.IOException e) {
                    continue; // ImageIO refuses some damage we decode through (e.g. a table with an all-ones code)
                }
                JpegFullScaleTest.assertSamePixels(ours, ref, s + " mutation " + i);
                compared++;
            }
        }
        // Both outcomes must occur, or the mutations are too mild (or too brutal) to test anything.
        assertThat(decoded).isPositive();
        assertThat(refused).isPositive();
        assertThat(compared).isGreaterThan(decoded / 2);
    }

    /** The reference set's JPEGs that are hashed at full size, ICC profiles dropped (ImageIO applies them, we do not). */
    @Test
    void referenceSetFullSizeJpegsEqualImageIo() throws Exception {
        Path dir = SharedTestData.folder("pdq");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        int checked = 0;
        for (Path p : files) {
            byte[] jpeg = withoutIcc(Files.readAllBytes(p));
            BufferedImage ref = JpegSamples.reference(jpeg);
            if (HashingImages.blockScale(ref.getWidth(), ref.getHeight(), ImageDecoder.KEEP) < 8) continue;
            BufferedImage ours;
            try {
                ours = ImageDecoder.fullJpeg(jpeg, 1L << 26);
            } catch (JpegException e) {
                continue; // left to ImageIO (CMYK…)
            }
            boolean squash = HashingImages.squashed(ref.getWidth(), ref.getHeight());
            JpegFullScaleTest.assertSamePixels(
                    ours, squash ? HashingImages.squash(ref, ref.getWidth(), ref.getHeight()) : ref, p.toString());
            checked++;
        }
        assertThat(checked).as("full-size JPEGs in the reference set").isGreaterThanOrEqualTo(13);
    }

    private static BufferedImage hashingDecode(byte[] jpeg) throws Exception {
        MediaSource src = MediaSource.of(jpeg);
        return ImageDecoder.decodeForHashing(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    static List<Integer> markers(byte[] d, int code) {
        List<Integer> at = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < d.length; i++) if ((d[i] & 0xFF) == 0xFF && (d[i + 1] & 0xFF) == code) at.add(i);
        return at;
    }

    /** Drops header segments (before the first SOS) that {@code drop} selects by marker code and payload start. */
    private static byte[] without(byte[] d, java.util.function.BiPredicate<Integer, Integer> drop) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(d, 0, 2);
        int i = 2;
        while (true) {
            int m = d[i + 1] & 0xFF, len = ((d[i + 2] & 0xFF) << 8) | (d[i + 3] & 0xFF);
            if (m == 0xDA) {
                o.write(d, i, d.length - i);
                return o.toByteArray();
            }
            if (!drop.test(m, i + 4)) o.write(d, i, 2 + len);
            i += 2 + len;
        }
    }

    private static byte[] withoutApp0(byte[] d) {
        return without(d, (m, at) -> m == 0xE0);
    }

    private static byte[] withoutIcc(byte[] d) {
        return without(
                d,
                (m, at) -> m == 0xE2
                        && new String(d, at, 11, java.nio.charset.StandardCharsets.ISO_8859_1).equals("ICC_PROFILE"));
    }

    /** Rewrites the component ids in the SOF and every SOS. */
    private static void renameComponents(byte[] d, int[] ids) {
        int sof = markers(d, 0xC0).get(0);
        int[] old = new int[3];
        for (int k = 0; k < 3; k++) {
            old[k] = d[sof + 10 + 3 * k] & 0xFF;
            d[sof + 10 + 3 * k] = (byte) ids[k];
        }
        for (int sos : markers(d, 0xDA)) {
            int ns = d[sos + 4] & 0xFF;
            for (int k = 0; k < ns; k++)
                for (int j = 0; j < 3; j++)
                    if ((d[sos + 5 + 2 * k] & 0xFF) == old[j]) {
                        d[sos + 5 + 2 * k] = (byte) ids[j];
                        break;
                    }
        }
    }

    static BufferedImage read(byte[] jpeg) throws java.io.IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
