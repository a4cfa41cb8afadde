package org.pramaan.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.signals.WatermarkSignalExtractor;
import org.pramaan.watermark.ChannelOrder;
import org.pramaan.watermark.DwtDctWatermark;
import org.pramaan.watermark.RgbPixels;
import org.pramaan.watermark.SdWatermarkDetector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * SD/SDXL watermark detection speed on a generated SDXL-marked image (gradient plus noise, made and
 * PNG-encoded in memory): the detector alone (both channel orders, both messages), and the screening
 * signal extractor (probe + ImageIO decode + detection); the plain reference decode for comparison.
 */
@Command(
        name = "watermark",
        description = "Time SD/SDXL watermark detection on a generated marked image (detector alone; decode + detect).")
final class BenchWatermark implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "1024", description = "image side in pixels")
    int size;

    @Option(names = "--warmup", defaultValue = "10")
    int warmup;

    @Option(names = "--rounds", defaultValue = "30")
    int rounds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (size < 256)
            throw new IllegalArgumentException("--size must be at least 256 (the package refuses smaller images)");
        RgbPixels marked = DwtDctWatermark.encode(
                gradientNoise(size),
                org.pramaan.watermark.KnownWatermark.SDXL.bits(),
                ChannelOrder.BGR,
                DwtDctWatermark.Arithmetic.FLOAT);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(marked.toImage(), "png", png);
        byte[] file = png.toByteArray();
        SdWatermarkDetector detector = new SdWatermarkDetector();
        WatermarkSignalExtractor extractor = new WatermarkSignalExtractor();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s; image %dx%d, PNG %d KB%n", BenchCommand.machine(), size, size, file.length / 1024);
        out.printf("%-28s %-9s %-9s %-9s %-9s%n", "step", "mean ms", "p50 ms", "p95 ms", "max ms");
        row(out, "detect (decoded pixels)", () -> detector.detect(marked).size());
        row(
                out,
                "reference decode, 2 orders",
                () -> DwtDctWatermark.blockBits(marked, ChannelOrder.BGR).length
                        + DwtDctWatermark.blockBits(marked, ChannelOrder.RGB_AS_BGR).length);
        row(out, "probe + decode + detect", () -> {
            try {
                MediaSource src = MediaSource.of(file);
                return extractor
                        .extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()))
                        .size();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return 0;
    }

    private void row(PrintWriter out, String name, LongSupplier task) {
        long sink = 0;
        for (int i = 0; i < warmup; i++) sink += task.getAsLong();
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            sink += task.getAsLong();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        out.printf(
                "%-28s %-9.2f %-9.2f %-9.2f %-9.2f%s%n",
                name,
                Arrays.stream(t).average().orElse(0) / 1e6,
                t[t.length / 2] / 1e6,
                t[(int) Math.min(t.length - 1, Math.round(t.length * 0.95))] / 1e6,
                t[t.length - 1] / 1e6,
                sink < 0 ? "!" : "");
    }

    private static RgbPixels gradientNoise(int side) {
        Random r = new Random(1);
        int[] p = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int redRamp = x * 255 / side,
                        greenRamp = y * 255 / side; // whole steps, as before: the figures stay comparable
                int red = clamp(redRamp + r.nextGaussian() * 10), green = clamp(greenRamp + r.nextGaussian() * 10);
                int blue = clamp(60 + (x + y) * 120 / (2 * side) + r.nextGaussian() * 10);
                p[y * side + x] = red << 16 | green << 8 | blue;
            }
        }
        return new RgbPixels(side, side, p);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
