package org.pramaan.labels;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.pramaan.media.Dimensions;

/** Decodes and re-encodes a labelled picture through ImageIO (JDK PNG, TwelveMonkeys JPEG). */
final class ImageCodec {
    /** JPEG quality for the re-encoded picture: high enough that the label's edges and contrast survive. */
    static final float JPEG_QUALITY = 0.92f;

    private ImageCodec() {}

    static BufferedImage decode(InputStream in, Dimensions expected) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) throw new IllegalArgumentException("file: no decoder for this image");
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                if (reader.getWidth(0) != expected.width() || reader.getHeight(0) != expected.height())
                    throw new IllegalArgumentException("file: the decoder sees " + reader.getWidth(0) + "×"
                            + reader.getHeight(0) + ", the header said " + expected);
                BufferedImage raw = reader.read(0);
                BufferedImage img = new BufferedImage(
                        raw.getWidth(),
                        raw.getHeight(),
                        raw.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
                img.createGraphics().drawImage(raw, 0, 0, null);
                return img;
            } catch (IOException | RuntimeException e) {
                if (e instanceof IllegalArgumentException iae
                        && iae.getMessage() != null
                        && iae.getMessage().startsWith("file:")) throw iae;
                throw new IllegalArgumentException("file: the image's pixels cannot be decoded: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }

    static byte[] encode(BufferedImage img, MetadataWriter.Format f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (f == MetadataWriter.Format.PNG) {
            if (!ImageIO.write(img, "png", out)) throw new IllegalStateException("no PNG encoder");
            return out.toByteArray();
        }
        BufferedImage rgb = img;
        if (img.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(img, 0, 0, java.awt.Color.WHITE, null);
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(JPEG_QUALITY);
            w.setOutput(ios);
            w.write(null, new IIOImage(rgb, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }
}
