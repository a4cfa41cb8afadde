package org.pramaan.onnx;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceCrops;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 16's speed target: face detection + one detector per 1024² image within 40 ms on one core.
 * Times, on a generated image (gradient plus noise), BlazeFace's tile plan ({@link BlazeFace#faces}),
 * BlazeFace on the whole image alone (one run) and over the older window pyramid down to
 * {@code --min-window} pixels, and each model in {@code --models} (the operator's real models:
 * Pramaan ships none): a whole-image model after face detection, a per-face model on each aligned
 * face. ONNX Runtime runs with one thread per call. {@code --recall DIR} also measures the tile
 * plan's recall against the pyramid on the photos in DIR, and against the known boxes of generated
 * images made from those photos' faces.
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

    @Option(
            names = "--recall",
            description = "a folder of photos with people (e.g. ../shared/testdata/pdq/reg-test-input/labelme-subset)")
    Optional<Path> recall;

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
            out.printf("onnx runtime execution provider: %s%n", pyramid.provider());
            double face = row(
                    out,
                    "blazeface, tile plan (faces)",
                    () -> pyramid.faces(image).size());
            row(
                    out,
                    "blazeface, whole image (1 run)",
                    () -> whole.pyramidFaces(image).size());
            row(
                    out,
                    "blazeface, windows down to " + minWindow + " px",
                    () -> pyramid.pyramidFaces(image).size());
            loaded.refused().forEach(r -> out.printf("refused %s: %s%n", r.file(), r.message()));
            // A per-face model runs on each face found; the generated image has none, so one box stands in.
            FaceDetector.Face stand = new FaceDetector.Face(
                    new Evidence.Region(0.4, 0.4, 0.2, 0.2),
                    0.9,
                    List.of(new FaceDetector.Point(0.45, 0.47), new FaceDetector.Point(0.55, 0.47)));
            for (Detector d : loaded.detectors()) {
                if (d.manifest().modality() == Modality.AUDIO) {
                    out.printf(
                            "model %s is an audio model: see pramaan bench detect-audio%n",
                            d.manifest().id());
                    continue;
                }
                ModelManifest.InputSpec in = d.manifest().input();
                String label = "model " + d.manifest().id() + " (" + in.width() + "x" + in.height() + ")";
                if (d.manifest().modality() == Modality.FACE) {
                    double m = row(
                            out,
                            label + ", align + score 1 face",
                            () -> Math.round(d.score(FaceCrops.align(image, stand, Math.max(in.width(), in.height())))
                                            .probability()
                                    * 1000));
                    out.printf(
                            "%-36s %-9.2f (target ≤ 40 ms per 1024² image, one core)%n",
                            "  = faces + per-face model, 1 face", face + m);
                    continue;
                }
                double m = row(out, label, () -> Math.round(d.score(image).probability() * 1000));
                out.printf(
                        "%-36s %-9.2f (target ≤ 40 ms per 1024² image, one core)%n",
                        "  = whole-image face + model", face + m);
            }
            if (recall.isPresent()) recall(out, pyramid, recall.get());
            if (loaded.detectors().isEmpty())
                out.println(
                        "no --models given (or none loaded): only face detection timed; Pramaan ships no classifier");
        }
        return 0;
    }

    /** Recall of the tile plan against the pyramid on real photos, and of both against generated known boxes. */
    private void recall(PrintWriter out, BlazeFace faces, Path dir) throws java.io.IOException, DetectorFailure {
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
                    })
                    .sorted()
                    .limit(500)
                    .toList();
        }
        int reference = 0;
        int matched = 0;
        int extra = 0;
        List<FaceRecall.Crop> crops = new ArrayList<>();
        for (Path f : files) {
            BufferedImage img = javax.imageio.ImageIO.read(f.toFile());
            if (img == null) continue;
            List<FaceDetector.Face> ref = faces.pyramidFaces(img);
            List<FaceDetector.Face> fast = faces.faces(img);
            List<Evidence.Region> refBoxes =
                    ref.stream().map(FaceDetector.Face::box).toList();
            int m = FaceRecall.matched(refBoxes, fast);
            reference += ref.size();
            matched += m;
            extra += fast.size()
                    - FaceRecall.matched(
                            fast.stream().map(FaceDetector.Face::box).toList(), ref);
            if (!ref.isEmpty())
                out.printf(
                        "recall %s: pyramid %d faces, tile plan %d, matched %d%n",
                        f.getFileName(), ref.size(), fast.size(), m);
            for (FaceDetector.Face r : ref) crops.add(FaceRecall.crop(img, r, 2.0));
        }
        out.printf(
                "recall on %d photos in %s: tile plan finds %d of the pyramid's %d faces (%.0f %%), %d it does not%n",
                files.size(), dir, matched, reference, reference == 0 ? 0.0 : 100.0 * matched / reference, extra);
        if (crops.isEmpty()) return;
        // Per face width as a fraction of the side: [4, 8), [8, 16), [16, 40] %.
        double[] bounds = {0.04, 0.08, 0.16, 1};
        int[] known = new int[3];
        int[] byPlan = new int[3];
        int[] byPyramid = new int[3];
        for (int i = 0; i < 20; i++) {
            FaceRecall.Generated g = FaceRecall.generate(gradientNoise(size), crops, 6, i);
            List<FaceDetector.Face> plan = faces.faces(g.image());
            List<FaceDetector.Face> pyr = faces.pyramidFaces(g.image());
            for (Evidence.Region box : g.faces()) {
                int b = 0;
                while (b < 2 && box.width() >= bounds[b + 1]) b++;
                known[b]++;
                byPlan[b] += FaceRecall.matched(List.of(box), plan);
                byPyramid[b] += FaceRecall.matched(List.of(box), pyr);
            }
        }
        out.printf(
                "generated faces: 20 images %dx%d, 6 real face crops each at 4-40 %% of the side, known boxes%n",
                size, size);
        out.printf("%-24s %-8s %-18s %-18s%n", "face width", "known", "tile plan", "pyramid " + minWindow + " px");
        int k = 0;
        int a = 0;
        int p = 0;
        for (int b = 0; b < 3; b++) {
            out.printf(
                    "%-24s %-8d %-18s %-18s%n",
                    String.format(
                            java.util.Locale.ROOT,
                            "%.0f-%.0f %% of side",
                            bounds[b] * 100,
                            Math.min(40, bounds[b + 1] * 100)),
                    known[b],
                    percent(byPlan[b], known[b]),
                    percent(byPyramid[b], known[b]));
            k += known[b];
            a += byPlan[b];
            p += byPyramid[b];
        }
        out.printf("%-24s %-8d %-18s %-18s%n", "all", k, percent(a, k), percent(p, k));
    }

    private static String percent(int n, int of) {
        return String.format(java.util.Locale.ROOT, "%d (%.0f %%)", n, of == 0 ? 0.0 : 100.0 * n / of);
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
