package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/** JDK-written test JPEGs with every component's sampling factors chosen (Y, Cb, Cr), for the full-size exactness tests. */
final class JpegExactSamples {
    /** @param factors h0, v0, h1, v1, h2, v2 (ignored for grey) */
    record Spec(int width, int height, boolean grey, int[] factors, float quality, boolean progressive, int restartInterval, long seed) {
        @Override
        public String toString() {
            String f = grey ? " grey" : String.format(" %dx%d,%dx%d,%dx%d", factors[0], factors[1], factors[2], factors[3], factors[4], factors[5]);
            return width + "x" + height + f + " q" + quality + (progressive ? " progressive" : "") + " dri" + restartInterval;
        }
    }

    private JpegExactSamples() {}

    static Spec spec(int w, int h, int[] factors, float q, boolean progressive, int dri, long seed) {
        return new Spec(w, h, false, factors, q, progressive, dri, seed);
    }

    static byte[] encode(Spec s) throws IOException {
        BufferedImage img = JpegSamples.picture(s.width(), s.height(), s.grey(), s.seed());
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(s.quality());
            if (s.progressive()) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
            IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            if (!s.grey()) {
                NodeList comps = markers.getElementsByTagName("componentSpec");
                for (int i = 0; i < comps.getLength(); i++) {
                    IIOMetadataNode c = (IIOMetadataNode) comps.item(i);
                    c.setAttribute("HsamplingFactor", String.valueOf(s.factors()[2 * i]));
                    c.setAttribute("VsamplingFactor", String.valueOf(s.factors()[2 * i + 1]));
                }
            }
            if (s.restartInterval() > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", String.valueOf(s.restartInterval()));
                markers.insertBefore(dri, markers.getFirstChild());
            }
            meta.setFromTree(format, root);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(img, null, meta), p);
            }
            return out.toByteArray();
        } finally {
            w.dispose();
        }
    }
}
