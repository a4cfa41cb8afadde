package org.pramaan.hash;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The generated images of {@code pdq-tiny-cpp.tsv}: every size from 1×1 to 130×130 square, wide
 * ({@code n × max(1, n/3)}) and tall, each as a grey, RGB, RGBA and palette PNG, with smooth
 * pseudo-random content from a generator seeded by size and kind. The same code writes the PNGs
 * that Meta's C++ {@code pdq-photo-hasher} hashed and regenerates the pixels in {@link
 * PdqTinyImagesTest}, so the two see the same pixels. Only JDK classes: {@code java
 * TinyPdqImages.java DIR} runs it as a source file.
 *
 * <p>Content: each channel is 128 plus three cosines of random amplitude (15–45), low spatial
 * frequency (under two cycles across the image) and phase, rounded and clamped (StrictMath, so
 * every JVM gives the same bytes). Some images have grey content in a colour container (RGB when
 * {@code (w + h) % 5 == 0}, palette when {@code (w + h) % 3 == 0}): ImageMagick hands those to the
 * reference as PGM, and that changes the luma. RGBA alpha is a fourth field, 0 where it falls
 * under 80 (fully transparent pixels keep their colour, which the reference hashes). Palettes have
 * 2, 4, 16 or 256 entries by {@code (w + h) % 4}, a ramp between two random colours, written at 1,
 * 2, 4 or 8 bits.
 */
final class TinyPdqImages {
    static final int MAX = 130;

    enum Kind {
        GREY,
        RGB,
        RGBA,
        PALETTE
    }

    record Case(Kind kind, int width, int height) {
        String fileName() {
            return kind.name().toLowerCase(Locale.ROOT) + "-" + width + "x" + height + ".png";
        }

        /** The inverse of {@link #fileName}. */
        static Case parse(String name) {
            int dash = name.indexOf('-'), x = name.indexOf('x', dash), dot = name.indexOf(".png", x);
            if (dash < 0 || x < 0 || dot < 0) throw new IllegalArgumentException("not a generated image name: " + name);
            return new Case(
                    Kind.valueOf(name.substring(0, dash).toUpperCase(Locale.ROOT)),
                    Integer.parseInt(name.substring(dash + 1, x)),
                    Integer.parseInt(name.substring(x + 1, dot)));
        }
    }

    private TinyPdqImages() {}

    /** Every case, in a fixed order: sizes (square, wide, tall for n = 1..130, repeats dropped) × kinds. */
    static List<Case> cases() {
        Set<List<Integer>> sizes = new LinkedHashSet<>();
        for (int n = 1; n <= MAX; n++) {
            int s = Math.max(1, n / 3);
            sizes.add(List.of(n, n));
            sizes.add(List.of(n, s));
            sizes.add(List.of(s, n));
        }
        List<Case> out = new ArrayList<>();
        for (List<Integer> wh : sizes) for (Kind k : Kind.values()) out.add(new Case(k, wh.get(0), wh.get(1)));
        return out;
    }

    static BufferedImage image(Case c) {
        int w = c.width(), h = c.height();
        Random r =
                new Random(0x5044510000L + ((long) w * 1000 + h) * 8 + c.kind().ordinal());
        return switch (c.kind()) {
            case GREY -> {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                int[] v = field(r, w, h);
                img.getRaster().setSamples(0, 0, w, h, 0, v);
                yield img;
            }
            case RGB, RGBA -> {
                boolean alpha = c.kind() == Kind.RGBA;
                int[] red = field(r, w, h);
                boolean grey = !alpha && (w + h) % 5 == 0;
                int[] green = grey ? red : field(r, w, h), blue = grey ? red : field(r, w, h);
                int[] a = alpha ? field(r, w, h) : null;
                BufferedImage img =
                        new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
                for (int i = 0; i < w * h; i++) {
                    int av = a == null ? 255 : a[i] < 80 ? 0 : a[i];
                    img.setRGB(i % w, i / w, av << 24 | red[i] << 16 | green[i] << 8 | blue[i]);
                }
                yield img;
            }
            case PALETTE -> palette(r, w, h);
        };
    }

    private static BufferedImage palette(Random r, int w, int h) {
        int bits = new int[] {1, 2, 4, 8}[(w + h) % 4], size = 1 << bits;
        boolean grey = (w + h) % 3 == 0;
        int[] from = {r.nextInt(256), r.nextInt(256), r.nextInt(256)},
                to = {r.nextInt(256), r.nextInt(256), r.nextInt(256)};
        if (grey) {
            from[1] = from[2] = from[0];
            to[1] = to[2] = to[0];
        }
        byte[][] rgb = new byte[3][size];
        for (int i = 0; i < size; i++)
            for (int ch = 0; ch < 3; ch++)
                rgb[ch][i] = (byte) (from[ch] + Math.round((to[ch] - from[ch]) * (double) i / (size - 1)));
        IndexColorModel cm = new IndexColorModel(bits, size, rgb[0], rgb[1], rgb[2]);
        BufferedImage img = new BufferedImage(
                w, h, bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_BINARY, cm);
        int[] v = field(r, w, h);
        for (int i = 0; i < v.length; i++) v[i] = v[i] * size / 256;
        img.getRaster().setSamples(0, 0, w, h, 0, v);
        return img;
    }

    /** One smooth channel: 128 + three low-frequency cosines, rounded and clamped to 0..255, row-major. */
    private static int[] field(Random r, int w, int h) {
        double[] amp = new double[3], fx = new double[3], fy = new double[3], phase = new double[3];
        for (int k = 0; k < 3; k++) {
            amp[k] = 15 + 30 * r.nextDouble();
            fx[k] = 2 * r.nextDouble();
            fy[k] = 2 * r.nextDouble();
            phase[k] = 2 * StrictMath.PI * r.nextDouble();
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 128;
                for (int k = 0; k < 3; k++)
                    v += amp[k]
                            * StrictMath.cos(
                                    2 * StrictMath.PI * (fx[k] * (x + 0.5) / w + fy[k] * (y + 0.5) / h) + phase[k]);
                out[y * w + x] = (int) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return out;
    }

    static byte[] png(Case c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image(c), "png", out)) throw new IOException("no PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes every case into {@code args[0]} for the C++ tool (see pdq-tiny-cpp.tsv's header). */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (Case c : cases()) Files.write(dir.resolve(c.fileName()), png(c));
        System.out.println(cases().size() + " images in " + dir);
    }
}
