package org.pramaan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.pramaan.watermark.ImageAttacks;
import org.pramaan.watermark.KeyedDetection;
import org.pramaan.watermark.KeyedWatermark;
import org.pramaan.watermark.RgbPixels;
import org.pramaan.watermark.WatermarkKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 14's robustness table for the keyed watermark: every image of the test data (JPEG and PNG
 * under {@code pdq/} and {@code c2pa/}, shrunk to at most {@code --max-side}) is marked with a random
 * payload and attacked; per attack the bit accuracy of the decoded payload and the detection rate.
 * Then PSNR, embed and detect time for a 1024² photo on this thread, and the false-positive count
 * and score distribution over {@code --clean} generated clean images.
 */
@Command(
        name = "watermark-robustness",
        description =
                "Keyed watermark: attack x bit accuracy x detection rate, PSNR, speed, false positives on clean images.")
final class BenchWatermarkRobustness implements Callable<Integer> {
    @Option(
            names = "--testdata",
            description = "the shared test data folder (default: -Dpramaan.testdata or ../shared/testdata)")
    Path testdata;

    @Option(
            names = "--max-side",
            defaultValue = "1024",
            description = "larger test images are shrunk to this side first")
    int maxSide;

    @Option(names = "--clean", defaultValue = "10000", description = "clean images for the false-positive count")
    int clean;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "threads for the clean-image run (timings always use one)")
    int threads;

    @Option(
            names = "--rounds",
            defaultValue = "20",
            description = "timed rounds for embed and detect (after 5 warm-up)")
    int rounds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final WatermarkKey KEY =
            new WatermarkKey("bench", "pramaan bench watermark key".getBytes(StandardCharsets.US_ASCII));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Refused, not coerced: a negative count or no thread is a typo, and 0 clean images used to end the
        // run with an index error after every other table was printed.
        if (clean < 0) throw new IllegalArgumentException("--clean must be 0 or more, got " + clean);
        if (threads < 1) throw new IllegalArgumentException("--threads must be 1 or more, got " + threads);
        if (rounds < 1) throw new IllegalArgumentException("--rounds must be 1 or more, got " + rounds);
        Path root = testdata != null ? testdata : Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"));
        List<RgbPixels> photos = photos(root);
        if (photos.isEmpty())
            throw new IllegalArgumentException("no decodable images under " + root.toAbsolutePath() + " (pdq/, c2pa/)");
        KeyedWatermark wm = new KeyedWatermark(KEY);
        out.printf(
                "machine: %s; %d test images from %s (max side %d); threshold %.3f (FPR 1e-6, %d hypotheses)%n",
                BenchCommand.machine(), photos.size(), root, maxSide, KeyedWatermark.threshold(), 65536);

        Random rnd = new Random(14);
        Map<ImageAttacks, double[]> stats =
                new EnumMap<>(ImageAttacks.class); // bits right, bits total, detected, images, score sum
        double psnrMin = Double.POSITIVE_INFINITY, psnrSum = 0;
        for (RgbPixels photo : photos) {
            int payload = rnd.nextInt();
            RgbPixels marked = wm.embed(photo, payload);
            double psnr = ImageAttacks.psnr(photo, marked);
            psnrMin = Math.min(psnrMin, psnr);
            psnrSum += psnr;
            for (ImageAttacks a : ImageAttacks.values()) {
                KeyedDetection d = wm.detect(a.apply(marked));
                double[] s = stats.computeIfAbsent(a, k -> new double[5]);
                // a missed detection reports no payload: its bits count as guessed (half right), as a reader would have
                // to
                long got = d.payload().orElse(~Integer.toUnsignedLong(payload) & 0xFFFFFFFFL);
                s[0] += d.detected() ? 32 - Long.bitCount(got ^ Integer.toUnsignedLong(payload)) : 16;
                s[1] += 32;
                s[2] += d.detected() ? 1 : 0;
                s[3]++;
                s[4] += d.score();
            }
        }
        out.printf("%n%-28s %-13s %-15s %-10s%n", "attack", "bit accuracy", "detection rate", "mean score");
        for (var e : stats.entrySet()) {
            double[] s = e.getValue();
            out.printf(
                    Locale.ROOT,
                    "%-28s %-13s %-15s %-10.2f%n",
                    e.getKey().label(),
                    String.format(Locale.ROOT, "%.4f", s[0] / s[1]),
                    String.format(Locale.ROOT, "%d/%d", (int) s[2], (int) s[3]),
                    s[4] / s[3]);
        }
        out.printf(
                Locale.ROOT,
                "%nPSNR over %d images: mean %.2f dB, min %.2f dB%n",
                photos.size(),
                psnrSum / photos.size(),
                psnrMin);

        BenchWatermarkSmallCases.print(out, wm, photos);

        RgbPixels big = square1024(largest(photos));
        RgbPixels bigMarked = wm.embed(big, 1);
        RgbPixels bigHalf = ImageAttacks.RESIZE_HALF.apply(bigMarked);
        out.printf("%n%-40s %-9s %-9s %-9s%n", "1024x1024, one thread", "p50 ms", "mean ms", "max ms");
        time(out, "embed", () -> wm.embed(big, 7).width());
        time(out, "detect (marked, scale 1)", () -> (int) wm.detect(bigMarked).score());
        time(out, "detect (clean: full 4-scale search)", () ->
                (int) wm.detect(big).score());
        time(out, "detect (resized 0.5x: 512x512)", () ->
                (int) wm.detect(bigHalf).score());

        falsePositives(out, wm, photos);
        return 0;
    }

    private void falsePositives(PrintWriter out, KeyedWatermark wm, List<RgbPixels> photos) throws Exception {
        if (clean == 0) {
            out.printf(Locale.ROOT, "%nclean images: 0 (no false-positive run; give --clean N for one)%n");
            return;
        }
        double[] scores = new double[clean];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            int chunk = Math.max(1, clean / Math.max(1, threads * 8));
            for (int from = 0; from < clean; from += chunk) {
                int a = from, b = Math.min(clean, from + chunk);
                jobs.add(pool.submit(() -> {
                    for (int i = a; i < b; i++)
                        scores[i] = wm.detect(CleanImages.make(i, photos)).score();
                }));
            }
            for (Future<?> f : jobs) f.get();
        } finally {
            pool.shutdown();
        }
        double thr = KeyedWatermark.threshold();
        long fp = Arrays.stream(scores).filter(s -> s >= thr).count();
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(scores).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(scores)
                .map(s -> (s - mean) * (s - mean))
                .average()
                .orElse(0));
        out.printf(
                Locale.ROOT,
                "%nclean images: %d (%s); false positives: %d (threshold %.3f)%n",
                clean,
                CleanImages.KINDS,
                fp,
                thr);
        out.printf(
                Locale.ROOT,
                "max score per image: mean %.3f, sd %.3f, p50 %.3f, p90 %.3f, p99 %.3f, p99.9 %.3f, max %.3f%n",
                mean,
                sd,
                q(sorted, 0.5),
                q(sorted, 0.9),
                q(sorted, 0.99),
                q(sorted, 0.999),
                sorted[sorted.length - 1]);
        StringBuilder h = new StringBuilder("histogram:");
        for (double lo = 2; lo < 7; lo += 0.5) {
            double l = lo;
            h.append(String.format(
                    Locale.ROOT,
                    " [%.1f,%.1f) %d",
                    l,
                    l + 0.5,
                    Arrays.stream(scores).filter(s -> s >= l && s < l + 0.5).count()));
        }
        h.append(String.format(
                Locale.ROOT,
                " <2 %d, >=7 %d",
                Arrays.stream(scores).filter(s -> s < 2).count(),
                Arrays.stream(scores).filter(s -> s >= 7).count()));
        out.println(h);
    }

    private static double q(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private void time(PrintWriter out, String name, java.util.function.IntSupplier task) {
        long sink = 0;
        for (int i = 0; i < 5; i++) sink += task.getAsInt();
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            sink += task.getAsInt();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        out.printf(
                Locale.ROOT,
                "%-40s %-9.2f %-9.2f %-9.2f%s%n",
                name,
                t[t.length / 2] / 1e6,
                Arrays.stream(t).average().orElse(0) / 1e6,
                t[t.length - 1] / 1e6,
                sink == Long.MIN_VALUE ? "!" : "");
    }

    private List<RgbPixels> photos(Path root) throws IOException {
        List<RgbPixels> out = new ArrayList<>();
        for (String sub : List.of("pdq", "c2pa")) {
            Path dir = root.resolve(sub);
            if (!Files.isDirectory(dir)) continue;
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(Files::isRegularFile)
                        .filter(p -> {
                            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                            return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
                        })
                        .sorted()
                        .toList();
            }
            for (Path f : files) {
                java.awt.image.BufferedImage img;
                try {
                    img = ImageIO.read(f.toFile());
                } catch (IOException | RuntimeException e) {
                    continue; // fixtures include deliberately broken files
                }
                if (img == null
                        || img.getWidth() < 2 * KeyedWatermark.MIN_SIDE
                        || img.getHeight() < 2 * KeyedWatermark.MIN_SIDE) continue;
                RgbPixels p = RgbPixels.of(img);
                int side = Math.max(p.width(), p.height());
                out.add(side > maxSide ? ImageAttacks.resize(p, (double) maxSide / side) : p);
            }
        }
        return out;
    }

    private static RgbPixels largest(List<RgbPixels> photos) {
        return photos.stream()
                .max((a, b) -> Long.compare((long) a.width() * a.height(), (long) b.width() * b.height()))
                .orElseThrow();
    }

    /** The largest photo stretched to exactly 1024×1024 (content matters for the masking and the search). */
    private static RgbPixels square1024(RgbPixels p) {
        java.awt.image.BufferedImage out =
                new java.awt.image.BufferedImage(1024, 1024, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(p.toImage(), 0, 0, 1024, 1024, null);
        g.dispose();
        return RgbPixels.of(out);
    }
}
