package org.pramaan.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/** Test JPEGs written by the JDK's encoder with chosen sampling, quality, progression and restart interval. */
final class JpegSamples {
    record Spec(
            int width,
            int height,
            boolean grey,
            int h,
            int v,
            float quality,
            boolean progressive,
            int restartInterval,
            long seed) {
        @Override
        public String toString() {
            return width + "x" + height + (grey ? " grey" : " " + h + "x" + v) + " q" + quality
                    + (progressive ? " progressive" : "") + " dri" + restartInterval;
        }
    }

    private JpegSamples() {}

    /** Smooth shading, seeded rectangles and ellipses, a little noise: photo-like enough for PDQ quality ≥ 50. */
    static BufferedImage picture(int w, int h, boolean grey, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        double fx = 2 + r.nextInt(6), fy = 2 + r.nextInt(6);
        float[] sx = new float[w], cy = new float[h];
        for (int x = 0; x < w; x++) sx[x] = (float) Math.sin(fx * x / w * Math.PI);
        for (int y = 0; y < h; y++) cy[y] = (float) Math.cos(fy * y / h * Math.PI);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = (int) (128 + 70 * sx[x] * cy[y]), n = r.nextInt(9) - 4;
                px[y * w + x] = (clamp(base + n) << 16)
                        | (clamp(255 - base + n) << 8)
                        | clamp((x * 255 / w + y * 255 / h) / 2 + n);
            }
        }
        java.awt.Graphics2D g = img.createGraphics();
        for (int i = 0; i < 40; i++) {
            g.setColor(new java.awt.Color(r.nextInt(1 << 24)));
            int rw = Math.max(1, w * (3 + r.nextInt(25)) / 100), rh = Math.max(1, h * (3 + r.nextInt(25)) / 100);
            if (r.nextBoolean()) g.fillRect(r.nextInt(w), r.nextInt(h), rw, rh);
            else g.fillOval(r.nextInt(w), r.nextInt(h), rw, rh);
        }
        g.dispose();
        if (!grey) return img;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        out.getGraphics().drawImage(img, 0, 0, null);
        return out;
    }

    static byte[] encode(Spec s) throws IOException {
        return encode(
                picture(s.width(), s.height(), s.grey(), s.seed()),
                new int[] {s.h(), s.v(), 1, 1, 1, 1},
                s.quality(),
                s.progressive(),
                s.restartInterval());
    }

    /**
     * The JDK's encoder with every component's sampling factors set ({@code factors}: h0, v0, h1,
     * v1, h2, v2; ignored for grey), a quality, progression and a restart interval.
     */
    static byte[] encode(BufferedImage img, int[] factors, float quality, boolean progressive, int restartInterval)
            throws IOException {
        boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            if (progressive) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
            String format = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
            IIOMetadataNode markers = (IIOMetadataNode)
                    root.getElementsByTagName("markerSequence").item(0);
            if (!grey) {
                NodeList comps = markers.getElementsByTagName("componentSpec");
                for (int i = 0; i < comps.getLength(); i++) {
                    IIOMetadataNode c = (IIOMetadataNode) comps.item(i);
                    c.setAttribute("HsamplingFactor", String.valueOf(factors[2 * i]));
                    c.setAttribute("VsamplingFactor", String.valueOf(factors[2 * i + 1]));
                }
            }
            if (restartInterval > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", String.valueOf(restartInterval));
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

    /** The plain reference: ImageIO (libjpeg's integer IDCT, fancy upsampling) at full size. */
    static BufferedImage reference(byte[] jpeg) throws IOException {
        return ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
    }

    static float luma(int rgb) {
        return 0.299f * ((rgb >> 16) & 0xFF) + 0.587f * ((rgb >> 8) & 0xFF) + 0.114f * (rgb & 0xFF);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
