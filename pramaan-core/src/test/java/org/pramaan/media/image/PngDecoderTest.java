package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.hash.PdqHasher;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.PngSamples.Spec;
import org.pramaan.testing.SharedTestData;

/**
 * Differential test against the oracle, the JDK's ImageIO reader followed by the squash the
 * ImageIO path applies ({@link HashingImages#squash}): same pixels (band 0 for grey, RGB for the
 * rest; alpha is not part of PDQ) and the same PDQ hash and quality, bit for bit.
 */
class PngDecoderTest {
    private static final int[] F = PngSamples.ALL_FILTERS;

    static Stream<Spec> handBuilt() {
        return Stream.of(
                new Spec(37, 23, 0, 1, false, 0, F, 1),
                new Spec(35, 21, 0, 2, false, 0, F, 2),
                new Spec(33, 19, 0, 4, false, 0, F, 3),
                new Spec(31, 17, 0, 8, false, 0, F, 4),
                new Spec(29, 15, 0, 16, false, 0, F, 5),
                new Spec(29, 15, 0, 8, true, 0, F, 6),
                new Spec(27, 13, 0, 16, true, 0, F, 7),
                new Spec(41, 25, 2, 8, false, 0, F, 8),
                new Spec(41, 25, 2, 16, false, 0, F, 9),
                new Spec(41, 25, 2, 8, true, 0, F, 10),
                new Spec(39, 27, 3, 1, false, 2, F, 11),
                new Spec(39, 27, 3, 2, false, 4, F, 12),
                new Spec(39, 27, 3, 4, true, 16, F, 13),
                new Spec(39, 27, 3, 8, false, 256, F, 14),
                new Spec(39, 27, 3, 8, false, 3, F, 15),
                new Spec(39, 27, 3, 8, false, 17, F, 16),
                new Spec(39, 27, 3, 2, false, 1, F, 17),
                new Spec(23, 29, 4, 8, false, 0, F, 18),
                new Spec(23, 29, 4, 16, false, 0, F, 19),
                new Spec(21, 31, 6, 8, false, 0, F, 20),
                new Spec(21, 31, 6, 16, false, 0, F, 21),
                // Each filter alone over a squashed size (both sides over 512, and one side only).
                new Spec(613, 521, 6, 8, false, 0, new int[] {0}, 22),
                new Spec(613, 521, 2, 8, false, 0, new int[] {1}, 23),
                new Spec(521, 613, 0, 8, false, 0, new int[] {2}, 24),
                new Spec(700, 300, 3, 8, true, 200, new int[] {3}, 25),
                new Spec(300, 700, 4, 8, false, 0, new int[] {4}, 26),
                new Spec(1031, 517, 0, 1, false, 0, F, 27),
                new Spec(530, 515, 6, 16, false, 0, F, 28),
                new Spec(515, 530, 0, 16, false, 0, F, 29));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handBuilt")
    void handBuiltFilesMatchImageIo(Spec s) throws Exception {
        byte[] png = PngSamples.encode(s);
        boolean leftToImageIo = s.trns() && (s.colour() == 2 && s.depth() == 16 || s.colour() == 0 && s.depth() < 8);
        assertThat(leftToImageIo).isFalse(); // none of the specs above: each decodes on the fast path
        assertSameAsImageIo(png, PngDecoder.decode(png, 1L << 24));
    }

    static Stream<Object[]> imageIoWritten() {
        return Stream.of(
                new Object[] {BufferedImage.TYPE_INT_RGB, 101, 67},
                new Object[] {BufferedImage.TYPE_INT_ARGB, 99, 65},
                new Object[] {BufferedImage.TYPE_BYTE_GRAY, 97, 63},
                new Object[] {BufferedImage.TYPE_USHORT_GRAY, 95, 61},
                new Object[] {BufferedImage.TYPE_BYTE_BINARY, 93, 59},
                new Object[] {BufferedImage.TYPE_BYTE_INDEXED, 91, 57},
                new Object[] {BufferedImage.TYPE_INT_RGB, 1000, 701},
                new Object[] {BufferedImage.TYPE_INT_ARGB, 801, 1003},
                new Object[] {BufferedImage.TYPE_BYTE_GRAY, 1601, 1004},
                new Object[] {BufferedImage.TYPE_BYTE_INDEXED, 900, 517});
    }

    /** ImageIO's writer picks each row's filter adaptively, as real encoders do. */
    @ParameterizedTest(name = "type {0}, {1}x{2}")
    @MethodSource("imageIoWritten")
    void imageIoWrittenFilesMatchImageIo(int type, int w, int h) throws Exception {
        byte[] png = write(picture(type, w, h, type * 31L + w), false);
        assertSameAsImageIo(png, PngDecoder.decode(png, 1L << 24));
        assertSameAsImageIo(png, viaIntake(png));
    }

    @Test
    void interlacedAndTransparentLowBitFilesAreLeftToImageIoWithTheSameResult() throws Exception {
        byte[] adam7 = write(picture(BufferedImage.TYPE_INT_RGB, 700, 520, 5), true);
        assertThatThrownBy(() -> PngDecoder.decode(adam7, 1L << 24))
                .isInstanceOfSatisfying(
                        PngException.class, e -> assertThat(e.unsupported()).isTrue());
        assertSameAsImageIo(adam7, viaIntake(adam7));
        for (Spec s : new Spec[] {new Spec(45, 33, 0, 2, true, 0, F, 40), new Spec(45, 33, 2, 16, true, 0, F, 41)}) {
            byte[] png = PngSamples.encode(s);
            assertThatThrownBy(() -> PngDecoder.decode(png, 1L << 24))
                    .isInstanceOf(PngException.class)
                    .hasMessageContaining("tRNS");
            assertSameAsImageIo(png, viaIntake(png));
        }
    }

    @Test
    void unfilteringMatchesTheSpecFormulasOnRandomBytes() throws Exception {
        Random r = new Random(7);
        for (int bpp : new int[] {1, 2, 3, 4, 6, 8}) {
            for (int f = 0; f < 5; f++) {
                byte[] prev = new byte[300], cur = new byte[300];
                r.nextBytes(prev);
                r.nextBytes(cur);
                byte[] filtered = PngSamples.filter(f, cur, prev, bpp);
                byte[] c = new byte[bpp + 300], p = new byte[bpp + 300];
                System.arraycopy(filtered, 0, c, bpp, 300);
                System.arraycopy(prev, 0, p, bpp, 300);
                PngRows.unfilter(f, c, p, bpp, bpp + 300);
                assertThat(java.util.Arrays.copyOfRange(c, bpp, bpp + 300))
                        .as("filter %d, step %d", f, bpp)
                        .isEqualTo(cur);
            }
        }
    }

    /** The reference set's PNGs (RGBA, grey, grey + alpha, palette, 1-bit): the hashes PDQ conformance saw before this decoder. */
    @Test
    void referencePngsHashAsThroughImageIo() throws Exception {
        java.nio.file.Path dir = SharedTestData.folder("pdq");
        java.util.List<java.nio.file.Path> pngs;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
            pngs = files.filter(f -> f.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pngs).hasSizeGreaterThanOrEqualTo(7);
        for (java.nio.file.Path f : pngs) {
            byte[] png = java.nio.file.Files.readAllBytes(f);
            assertSameAsImageIo(png, PngDecoder.decode(png, MediaLimits.DEFAULT_MAX_PIXELS));
        }
    }

    @Test
    void paethPredictorMatchesTheSpecOnEveryInput() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    if (PngPaeth.predict(a, b, c) != PngSamples.paeth(a, b, c))
                        throw new AssertionError("a=" + a + " b=" + b + " c=" + c);
                }
            }
        }
    }

    /** The unsquashed decode the watermark reader uses: every pixel as ImageIO reads it, also through ImageDecoder. */
    @ParameterizedTest(name = "full, type {0}, {1}x{2}")
    @MethodSource("imageIoWritten")
    void fullDecodesMatchImageIo(int type, int w, int h) throws Exception {
        byte[] png = write(picture(type, w, h, type * 17L + h), false);
        BufferedImage oracle = ImageIO.read(new ByteArrayInputStream(png));
        MediaSource src = MediaSource.of(png);
        for (BufferedImage ours : new BufferedImage[] {
            PngDecoder.decodeFull(png, 1L << 24),
            ImageDecoder.decodeFull(src, MediaProber.standard().probe(src, MediaLimits.defaults()))
        }) {
            assertThat(ours.getWidth()).isEqualTo(w);
            assertThat(ours.getHeight()).isEqualTo(h);
            boolean grey =
                    ours.getType() == BufferedImage.TYPE_BYTE_GRAY || ours.getType() == BufferedImage.TYPE_USHORT_GRAY;
            assertThat(pixels(ours, grey)).isEqualTo(pixels(oracle, grey));
        }
    }

    static void assertSameAsImageIo(byte[] png, BufferedImage ours) throws Exception {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage oracle = HashingImages.squash(full, full.getWidth(), full.getHeight());
        assertThat(ours.getWidth()).isEqualTo(oracle.getWidth());
        assertThat(ours.getHeight()).isEqualTo(oracle.getHeight());
        boolean grey =
                ours.getType() == BufferedImage.TYPE_BYTE_GRAY || ours.getType() == BufferedImage.TYPE_USHORT_GRAY;
        int[] a = pixels(ours, grey), b = pixels(oracle, grey);
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i])
                throw new AssertionError("pixel (" + i % ours.getWidth() + ", " + i / ours.getWidth() + "): ours "
                        + Integer.toHexString(a[i]) + ", ImageIO " + Integer.toHexString(b[i]));
        }
        PdqHasher hasher = new PdqHasher();
        assertThat(hasher.hash(ours)).isEqualTo(hasher.hash(oracle));
    }

    /** Band 0 for grey images, else RGB without alpha. */
    private static int[] pixels(BufferedImage img, boolean grey) {
        int w = img.getWidth(), h = img.getHeight();
        if (grey) return img.getRaster().getSamples(0, 0, w, h, 0, new int[w * h]);
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) rgb[i] &= 0xFFFFFF;
        return rgb;
    }

    static BufferedImage viaIntake(byte[] png) throws Exception {
        MediaSource src = MediaSource.of(png);
        return ImageDecoder.decodeForHashing(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    static BufferedImage picture(int type, int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(250, 30, 60, 200), w, h, new Color(20, 200, 240, 90)));
        g.fillRect(0, 0, w, h);
        Random r = new Random(seed);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 64 + r.nextInt(192)));
            g.fillOval(r.nextInt(w), r.nextInt(h), 5 + r.nextInt(w / 3), 5 + r.nextInt(h / 3));
        }
        g.dispose();
        return img;
    }

    static byte[] write(BufferedImage img, boolean interlaced) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            if (interlaced) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
