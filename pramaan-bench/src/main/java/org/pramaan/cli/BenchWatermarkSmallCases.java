package org.pramaan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.pramaan.watermark.ImageAttacks;
import org.pramaan.watermark.KeyedWatermark;
import org.pramaan.watermark.RgbPixels;

/**
 * The rows behind {@code WatermarkStep.MIN_SIDE} (issue 14 item 2): the test photos shrunk to a
 * shorter side of 256 and 128 px, and generated near-white and near-black pages (grain plus
 * scattered strokes), each marked and read back unattacked, after JPEG q50, 0.5× (where the copy is
 * still at least {@value KeyedWatermark#MIN_SIDE} px) and a 10 % crop. A detection counts only with
 * the exact payload.
 */
final class BenchWatermarkSmallCases {
    private BenchWatermarkSmallCases() {}

    static void print(PrintWriter out, KeyedWatermark wm, List<RgbPixels> photos) {
        out.printf(
                "%n%-30s %-7s %-9s %-9s %-9s %-9s %-9s%n",
                "small / extreme case", "images", "none", "JPEG q50", "0.5x", "crop 10%", "min PSNR");
        row(out, wm, "photos, shorter side 256", shrunk(photos, 256));
        row(out, wm, "photos, shorter side 128", shrunk(photos, 128));
        for (int[] c : new int[][] {{512, 384, 250}, {512, 384, 6}, {256, 256, 250}, {256, 256, 6}}) {
            List<RgbPixels> pages = new ArrayList<>();
            for (int seed = 0; seed < 20; seed++) pages.add(page(c[0], c[1], c[2], seed));
            row(
                    out,
                    wm,
                    String.format(Locale.ROOT, "%s page %dx%d", c[2] > 128 ? "near-white" : "near-black", c[0], c[1]),
                    pages);
        }
    }

    private static List<RgbPixels> shrunk(List<RgbPixels> photos, int side) {
        List<RgbPixels> out = new ArrayList<>();
        for (RgbPixels p : photos) {
            int min = Math.min(p.width(), p.height());
            if (min >= side) out.add(min == side ? p : ImageAttacks.resize(p, side / (double) min));
        }
        return out;
    }

    private static void row(PrintWriter out, KeyedWatermark wm, String name, List<RgbPixels> images) {
        Random rnd = new Random(name.hashCode());
        int[] hit = new int[4], tried = new int[4];
        double psnrMin = Double.POSITIVE_INFINITY;
        for (RgbPixels img : images) {
            int payload = rnd.nextInt();
            RgbPixels m = wm.embed(img, payload);
            psnrMin = Math.min(psnrMin, ImageAttacks.psnr(img, m));
            int w = m.width(), h = m.height();
            RgbPixels[] attacked = {
                m,
                ImageAttacks.jpeg(m, 0.5f),
                Math.min(w, h) / 2 >= KeyedWatermark.MIN_SIDE ? ImageAttacks.resize(m, 0.5) : null,
                ImageAttacks.crop(m, w / 20 + 1, h / 20 + 1, w * 9 / 10, h * 9 / 10)
            };
            for (int a = 0; a < 4; a++) {
                if (attacked[a] == null) continue;
                tried[a]++;
                var d = wm.detect(attacked[a]);
                if (d.detected() && d.payload().orElse(-1) == Integer.toUnsignedLong(payload)) hit[a]++;
            }
        }
        String[] cells = new String[4];
        for (int a = 0; a < 4; a++) cells[a] = tried[a] == 0 ? "n/a" : hit[a] + "/" + tried[a];
        out.printf(
                Locale.ROOT,
                "%-30s %-7d %-9s %-9s %-9s %-9s %.2f dB%n",
                name,
                images.size(),
                cells[0],
                cells[1],
                cells[2],
                cells[3],
                psnrMin);
    }

    /** A light or dark page: base level, Gaussian grain (σ 2), scattered 1-3 px strokes, no period. */
    static RgbPixels page(int w, int h, int base, long seed) {
        Random r = new Random(seed * 31 + base);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            int v = Math.max(0, Math.min(255, (int) Math.round(base + 2 * r.nextGaussian())));
            px[i] = v << 16 | v << 8 | v;
        }
        int ink = base > 128 ? 0x282828 : 0xd7d7d7;
        for (int s = 0; s < w * h / 2000; s++) {
            int x0 = r.nextInt(w - 40), y0 = r.nextInt(h - 12), len = 8 + r.nextInt(32), thick = 1 + r.nextInt(3);
            for (int y = y0; y < y0 + thick; y++) for (int x = x0; x < x0 + len; x++) px[y * w + x] = ink;
        }
        return new RgbPixels(w, h, px);
    }
}
