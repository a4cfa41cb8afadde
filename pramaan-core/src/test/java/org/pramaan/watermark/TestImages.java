package org.pramaan.watermark;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Seeded images for the watermark tests, and the lossless and lossy trips they take. */
final class TestImages {
    private TestImages() {}

    enum Kind {
        GRADIENT_NOISE,
        POSTER_TEXT,
        SMOOTH_WAVES,
        NOISE,
        FLAT
    }

    static RgbPixels make(Kind kind, int w, int h, long seed) {
        Random rnd = new Random(seed);
        return switch (kind) {
            case GRADIENT_NOISE ->
                fill(
                        w,
                        h,
                        (x, y) -> rgb(
                                x * 255 / w + g(rnd, 10),
                                y * 255 / h + g(rnd, 10),
                                60 + (x + y) * 120 / (w + h) + g(rnd, 10)));
            case SMOOTH_WAVES -> {
                double a = 0.01 + rnd.nextDouble() * 0.03, b = 0.01 + rnd.nextDouble() * 0.03;
                yield fill(
                        w,
                        h,
                        (x, y) -> rgb(
                                128 + 100 * Math.sin(a * x),
                                128 + 90 * Math.cos(b * y + a * x),
                                128 + 80 * Math.sin(b * (x - y))));
            }
            case NOISE -> fill(w, h, (x, y) -> rnd.nextInt(1 << 24));
            case FLAT -> fill(w, h, (x, y) -> 0x808080);
            case POSTER_TEXT -> poster(w, h, rnd);
        };
    }

    private interface Px {
        int at(int x, int y);
    }

    private static RgbPixels fill(int w, int h, Px f) {
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) p[y * w + x] = f.at(x, y);
        return new RgbPixels(w, h, p);
    }

    private static double g(Random r, double sd) {
        return r.nextGaussian() * sd;
    }

    private static int c(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static int rgb(double r, double g, double b) {
        return c(r) << 16 | c(g) << 8 | c(b);
    }

    /** Shapes and text in a few colours over a gradient: edges and flat areas like a rendered picture. */
    private static RgbPixels poster(int w, int h, Random rnd) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(
                0, 0, new Color(rnd.nextInt(1 << 24)), w, h, new Color(rnd.nextInt(1 << 24))));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(rnd.nextInt(1 << 24)));
            g.fillOval(rnd.nextInt(w), rnd.nextInt(h), 20 + rnd.nextInt(w / 3), 20 + rnd.nextInt(h / 3));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, h / 12)));
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(rnd.nextInt(1 << 24)));
            g.drawString("Pramaan " + rnd.nextInt(1000), rnd.nextInt(w / 2), 20 + rnd.nextInt(h));
        }
        g.dispose();
        return RgbPixels.of(img);
    }

    static RgbPixels png(RgbPixels p) {
        return reread(p, "png", -1);
    }

    static RgbPixels jpeg(RgbPixels p, int quality) {
        return reread(p, "jpeg", quality);
    }

    private static RgbPixels reread(RgbPixels p, String format, int quality) {
        try {
            byte[] bytes = encode(p, format, quality);
            return RgbPixels.of(ImageIO.read(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(RgbPixels p, String format, int quality) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality > 0) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality / 100f);
            }
            writer.write(null, new IIOImage(p.toImage(), null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Bilinear resize through Java2D. */
    static RgbPixels resize(RgbPixels p, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(p.toImage(), 0, 0, w, h, null);
        g.dispose();
        return RgbPixels.of(out);
    }
}
