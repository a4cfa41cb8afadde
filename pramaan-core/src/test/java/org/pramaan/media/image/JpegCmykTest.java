package org.pramaan.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Adobe CMYK and YCCK JPEGs (written by the JDK's encoder from a 4-band raster) decode to
 * ImageMagick's plain CMYK-to-RGB of libjpeg's samples, the pixels Meta's C++ reference hashes.
 * The oracle for the samples is the JDK's own reader: its raster holds libjpeg's CMYK output
 * (YCCK already converted), inverted once more (JPEGImageReader's invertCMYK).
 */
class JpegCmykTest {
    @ParameterizedTest(name = "{0}x{1} transform {2} progressive {3}")
    @CsvSource({"61,37,0,false", "61,37,2,true", "200,130,2,false", "9,5,0,true"})
    void cmykIsImageMagicksPlainFormulaOnLibjpegsSamples(int w, int h, int transform, boolean progressive)
            throws Exception {
        byte[] jpeg = encode(w, h, transform, progressive, 41 + w);
        JpegFrame f = JpegDecoder.decode(jpeg, 8, 1L << 20);
        assertThat(f.components.length).isEqualTo(4);
        assertThat(f.adobeTransform).isEqualTo(transform);
        BufferedImage ours = ImageDecoder.fullJpeg(jpeg, 1L << 20);
        Raster jdk = jdkReader(jpeg);
        int differing = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int k = 255 - jdk.getSample(x, y, 3);
                int rgb = 0;
                for (int b = 0; b < 3; b++) rgb = (rgb << 8) | JpegCmyk.times(255 - jdk.getSample(x, y, b), k);
                if ((ours.getRGB(x, y) & 0xFFFFFF) != rgb) differing++;
            }
        }
        assertThat(differing).as("pixels off ImageMagick's formula").isZero();
    }

    @org.junit.jupiter.api.Test
    void theFormulaRoundsAsImageMagickQ16() {
        // (1 − C)(1 − K) on inverted samples: full ink-free K keeps the sample, full K is black.
        assertThat(JpegCmyk.times(200, 255)).isEqualTo(200);
        assertThat(JpegCmyk.times(200, 0)).isZero();
        assertThat(JpegCmyk.times(128, 128)).isEqualTo(64); // 64.25 → 64
        assertThat(JpegCmyk.times(255, 1)).isEqualTo(1);
        for (int a = 0; a < 256; a++)
            for (int b = 0; b < 256; b++)
                assertThat(Math.abs(JpegCmyk.times(a, b) - a * b / 255.0)).isLessThanOrEqualTo(0.5 + 1e-9);
    }

    @org.junit.jupiter.api.Test
    void damagedCmykDecodesOrFailsWithJpegException() throws Exception {
        Random r = new Random(20261203);
        int[] outcomes = new int[2];
        for (int transform : new int[] {0, 2})
            JpegRobustnessTest.damage(encode(48, 40, transform, transform == 2, 77), r, 250, outcomes);
        assertThat(outcomes[0]).as("decoded").isPositive();
        assertThat(outcomes[1]).as("refused").isPositive();
    }

    private static byte[] encode(int w, int h, int transform, boolean progressive, long seed) throws Exception {
        BufferedImage pic = JpegSamples.picture(w, h, false, seed);
        WritableRaster r = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        Random k = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = pic.getRGB(x, y);
                r.setPixel(x, y, new int[] {
                    255 - ((p >> 16) & 255),
                    255 - ((p >> 8) & 255),
                    255 - (p & 255),
                    (x * 255 / Math.max(1, w - 1) + k.nextInt(20)) & 255
                });
            }
        }
        ImageWriter wr = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam p = wr.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            if (progressive) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            IIOMetadata meta = wr.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createInterleaved(
                            new Cmyk(), new int[] {0, 1, 2, 3}, java.awt.image.DataBuffer.TYPE_BYTE, false, false),
                    p);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
            IIOMetadataNode markers = (IIOMetadataNode)
                    root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode adobe =
                    (IIOMetadataNode) markers.getElementsByTagName("app14Adobe").item(0);
            adobe.setAttribute("transform", String.valueOf(transform));
            meta.setFromTree(format, root);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                wr.setOutput(ios);
                wr.write(null, new IIOImage(r, null, meta), p);
            }
            return out.toByteArray();
        } finally {
            wr.dispose();
        }
    }

    /** A stand-in 4-component colour space: the writer only looks at its type, to write an Adobe marker and no JFIF. */
    private static final class Cmyk extends java.awt.color.ColorSpace {
        Cmyk() {
            super(TYPE_CMYK, 4);
        }

        @Override
        public float[] toRGB(float[] v) {
            return new float[3];
        }

        @Override
        public float[] fromRGB(float[] v) {
            return new float[4];
        }

        @Override
        public float[] toCIEXYZ(float[] v) {
            return new float[3];
        }

        @Override
        public float[] fromCIEXYZ(float[] v) {
            return new float[4];
        }
    }

    /** The JDK's reader (not TwelveMonkeys'): its image raster is libjpeg's CMYK, inverted. */
    private static Raster jdkReader(byte[] jpeg) throws Exception {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader reader = it.next();
            if (!reader.getClass().getName().startsWith("com.sun.imageio")) continue;
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
                reader.setInput(in);
                return reader.read(0).getRaster();
            } finally {
                reader.dispose();
            }
        }
        throw new AssertionError("no JDK JPEG reader");
    }
}
