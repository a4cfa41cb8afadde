package org.pramaan.cli;

import java.util.List;
import java.util.Random;
import org.pramaan.watermark.ImageAttacks;
import org.pramaan.watermark.RgbPixels;

/**
 * Clean (unmarked) images for the false-positive count, image {@code i} always the same: random
 * smooth fields (sums of random low-frequency waves, some with periods near the tile's), white and
 * coloured noise, gradients, flat colour, and random crops and scales of every test photo.
 */
final class CleanImages {
    static final String KINDS = "smooth waves, noise, gradient+noise, flat, photo crops/scales 0.3-1.5x";

    private CleanImages() {}

    static RgbPixels make(int i, List<RgbPixels> photos) {
        Random r = new Random(0x5EEDL * 1_000_003 + i);
        int w = 96 + r.nextInt(600), h = 96 + r.nextInt(600);
        return switch (i % 5) {
            case 0 -> waves(w, h, r);
            case 1 -> noise(w, h, r);
            case 2 -> gradient(w, h, r);
            case 3 -> i % 50 == 3 ? flat(w, h, r) : photo(photos.get(r.nextInt(photos.size())), r);
            default -> photo(photos.get(r.nextInt(photos.size())), r);
        };
    }

    private static RgbPixels photo(RgbPixels p, Random r) {
        double s = 0.3 + 1.2 * r.nextDouble();
        RgbPixels scaled = Math.abs(s - 1) < 0.02 ? p : ImageAttacks.resize(p, s);
        int cw = Math.max(64, (int) (scaled.width() * (0.5 + 0.5 * r.nextDouble())));
        int ch = Math.max(64, (int) (scaled.height() * (0.5 + 0.5 * r.nextDouble())));
        cw = Math.min(cw, scaled.width());
        ch = Math.min(ch, scaled.height());
        if (cw < 64 || ch < 64) return noise(128, 128, r);
        return ImageAttacks.crop(
                scaled, r.nextInt(scaled.width() - cw + 1), r.nextInt(scaled.height() - ch + 1), cw, ch);
    }

    private static RgbPixels waves(int w, int h, Random r) {
        int n = 1 + r.nextInt(6);
        double[][] k = new double[n][5];
        for (double[] c : k) {
            double period = 8 + r.nextDouble() * 250, angle = r.nextDouble() * Math.PI;
            c[0] = 2 * Math.PI / period * Math.cos(angle);
            c[1] = 2 * Math.PI / period * Math.sin(angle);
            c[2] = r.nextDouble() * 2 * Math.PI;
            c[3] = 10 + r.nextDouble() * 60;
            c[4] = r.nextInt(3);
        }
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] rgb = {128, 128, 128};
                for (double[] c : k) rgb[(int) c[4]] += c[3] * Math.sin(c[0] * x + c[1] * y + c[2]);
                px[y * w + x] = c(rgb[0]) << 16 | c(rgb[1]) << 8 | c(rgb[2]);
            }
        }
        return new RgbPixels(w, h, px);
    }

    private static RgbPixels noise(int w, int h, Random r) {
        double sd = 2 + r.nextDouble() * 60;
        int base = 40 + r.nextInt(170);
        boolean blur = r.nextBoolean();
        int[] px = new int[w * h];
        double[] prev = new double[w];
        for (int y = 0; y < h; y++) {
            double left = 0;
            for (int x = 0; x < w; x++) {
                double v = r.nextGaussian() * sd;
                if (blur) { // coloured (low-pass) noise: an AR(1) field
                    v = 0.6 * left + 0.3 * prev[x] + 0.5 * v;
                    left = v;
                    prev[x] = v;
                }
                px[y * w + x] = c(base + v) << 16 | c(base + v * 0.8) << 8 | c(base + v * 1.1);
            }
        }
        return new RgbPixels(w, h, px);
    }

    private static RgbPixels gradient(int w, int h, Random r) {
        double ax = r.nextDouble() * 2 - 1, ay = r.nextDouble() * 2 - 1, sd = r.nextDouble() * 8;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 128 + 120 * (ax * (x - w / 2.0) / w + ay * (y - h / 2.0) / h) + r.nextGaussian() * sd;
                px[y * w + x] = c(v) << 16 | c(255 - v) << 8 | c(v * 0.5 + 60);
            }
        }
        return new RgbPixels(w, h, px);
    }

    private static RgbPixels flat(int w, int h, Random r) {
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, r.nextInt(0x1000000));
        return new RgbPixels(w, h, px);
    }

    private static int c(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
