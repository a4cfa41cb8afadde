package org.pramaan.onnx;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.LoadedDetectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 16's speed target: face detection + one detector per 1024² image within 40 ms on one core.
 * Times, on a generated image (gradient plus noise), BlazeFace on the whole image (one run), BlazeFace
 * over its window pyramid down to {@code --min-window} pixels, and each model in {@code --models}
 * (the operator's real models: Pramaan ships none). ONNX Runtime runs with one thread per call.
 */
@Command(
        name = "bench",
        description = "Time face detection and the models in --models on a generated image (one thread per call).")
final class DetectBench implements Callable<Integer> {
    @Option(names = "--size", defaultValue = "1024", description = "image side in pixels")
    int size;

    @Option(names = "--min-window", defaultValue = "256", description = "smallest BlazeFace window, pixels")
    int minWindow;

    @Option(names = "--models", description = "a models folder (as detect.models-dir) whose models are timed too")
    Optional<Path> models;

    @Option(names = "--warmup", defaultValue = "5")
    int warmup;

    @Option(names = "--rounds", defaultValue = "20")
    int rounds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** One timed step; returns something so the work cannot be optimised away. */
    interface Step {
        long run() throws DetectorFailure;
    }

    @Override
    public Integer call() throws Exception {
        if (size < 64 || size > 8192) throw new IllegalArgumentException("--size is 64..8192");
        if (rounds < 1 || warmup < 0) throw new IllegalArgumentException("--rounds ≥ 1, --warmup ≥ 0");
        BufferedImage image = gradientNoise(size);
        PrintWriter out = spec.commandLine().getOut();
        String load = Files.isReadable(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).trim()
                : "n/a";
        out.printf(
                "machine: %d cores, %s %s; load %s; image %dx%d%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                load,
                size,
                size);
        out.printf("%-36s %-9s %-9s %-9s %-9s%n", "step", "mean ms", "p50 ms", "p95 ms", "max ms");
        try (BlazeFace whole = BlazeFace.load(BlazeFace.DEFAULT_THRESHOLD, Math.max(16, size));
                BlazeFace pyramid = BlazeFace.load(BlazeFace.DEFAULT_THRESHOLD, Math.max(16, minWindow));
                LoadedDetectors loaded = models.isPresent() ? ModelFolder.load(models.get()) : LoadedDetectors.none()) {
            double face = row(
                    out,
                    "blazeface, whole image (1 run)",
                    () -> whole.faces(image).size());
            row(
                    out,
                    "blazeface, windows down to " + minWindow + " px",
                    () -> pyramid.faces(image).size());
            loaded.refused().forEach(r -> out.printf("refused %s: %s%n", r.file(), r.message()));
            for (Detector d : loaded.detectors()) {
                double m = row(
                        out,
                        "model " + d.manifest().id() + " ("
                                + d.manifest().input().width() + "x"
                                + d.manifest().input().height() + ")",
                        () -> Math.round(d.score(image).probability() * 1000));
                out.printf(
                        "%-36s %-9.2f (target ≤ 40 ms per 1024² image, one core)%n",
                        "  = whole-image face + model", face + m);
            }
            if (loaded.detectors().isEmpty())
                out.println(
                        "no --models given (or none loaded): only face detection timed; Pramaan ships no classifier");
        }
        return 0;
    }

    private double row(PrintWriter out, String name, Step step) throws DetectorFailure {
        long sink = 0;
        for (int i = 0; i < warmup; i++) sink += step.run();
        long[] t = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long s = System.nanoTime();
            sink += step.run();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        out.printf(
                "%-36s %-9.2f %-9.2f %-9.2f %-9.2f%s%n",
                name,
                mean,
                t[t.length / 2] / 1e6,
                t[(int) Math.min(t.length - 1, Math.round(t.length * 0.95))] / 1e6,
                t[t.length - 1] / 1e6,
                sink < 0 ? "!" : "");
        return mean;
    }

    private static BufferedImage gradientNoise(int side) {
        Random r = new Random(1);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++) {
                int red = clamp(x * 255 / side + r.nextGaussian() * 10);
                int green = clamp(y * 255 / side + r.nextGaussian() * 10);
                int blue = clamp(60 + (x + y) * 120 / (2 * side) + r.nextGaussian() * 10);
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        return img;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
