package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.ImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", description = "Benchmarks that print a table (numbers for docs/performance.md).",
        subcommands = {BenchCommand.Pdq.class, BenchCommand.Notices.class, BenchC2pa.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    @Command(name = "notices", description = "Notice intake on a scratch embedded store: notices/s, latency percentiles, clock-check time.")
    static final class Notices implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Option(names = "--count", defaultValue = "10000", description = "timed notices (after 500 warm-up)") int count;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        private final PramaanCli.LazyRuntime runtime;

        Notices(PramaanCli.LazyRuntime runtime) { this.runtime = runtime; }

        @Override
        public Integer call() throws Exception {
            if (count < 1) throw new IllegalArgumentException("--count must be at least 1");
            java.util.Map<String, Object> r = runtime.get().benchNotices(count);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("machine: %d cores, %s %s, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), System.getProperty("os.arch"));
            r.forEach((k, v) -> out.printf("%-16s %s%n", k, v instanceof Double d ? String.format("%.2f", d) : v));
            return 0;
        }
    }

    /**
     * Probe + decode + PDQ per image, from bytes already in memory (so the disk is not measured), one
     * thread, after warm-up rounds that let the JIT compile the hot code.
     */
    @Command(name = "pdq", description = "Time probe + decode + PDQ per image over a folder's images.")
    static final class Pdq implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Parameters(paramLabel = "DIR") Path dir;
        @Option(names = "--warmup", defaultValue = "2", description = "untimed rounds over all images first") int warmup;
        @Option(names = "--rounds", defaultValue = "3", description = "timed rounds") int rounds;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
        private final PramaanCli.LazyRuntime runtime;

        Pdq(PramaanCli.LazyRuntime runtime) { this.runtime = runtime; }

        @Override
        public Integer call() throws Exception {
            List<byte[]> images = new ArrayList<>();
            for (Path f : ScanCommand.expand(List.of(dir))) {
                byte[] b = Files.readAllBytes(f);
                try {
                    if (runtime.get().prober().probe(MediaSource.of(b), runtime.get().limits()).kind() == MediaKind.IMAGE) images.add(b);
                } catch (MediaRejectedException e) {
                    // not an image we accept: not part of the benchmark
                }
            }
            if (images.isEmpty()) throw new IllegalArgumentException("no images found under " + dir);
            for (int r = 0; r < warmup; r++) for (byte[] b : images) once(b);
            long[] nanos = new long[images.size() * rounds];
            int k = 0;
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (byte[] b : images) {
                    long t = System.nanoTime();
                    once(b);
                    nanos[k++] = System.nanoTime() - t;
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            print(spec.commandLine().getOut(), images.size(), nanos, wall);
            return 0;
        }

        private void once(byte[] b) throws Exception {
            MediaSource src = MediaSource.of(b);
            MediaInfo info = runtime.get().prober().probe(src, runtime.get().limits());
            runtime.get().pdqHasher().hash(ImageDecoder.decodeForHashing(src, info));
        }

        private void print(PrintWriter out, int n, long[] nanos, double wall) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            double mean = Arrays.stream(s).average().orElse(0) / 1e6;
            out.printf("machine: %d cores, %s %s, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), System.getProperty("os.arch"));
            out.printf("%-8s %-7s %-9s %-9s %-9s %-9s %-10s%n", "images", "rounds", "mean ms", "p50 ms", "p95 ms", "max ms", "images/s");
            out.printf("%-8d %-7d %-9.1f %-9.1f %-9.1f %-9.1f %-10.1f%n", n, nanos.length / n, mean, s[s.length / 2] / 1e6,
                    s[(int) Math.min(s.length - 1, Math.round(s.length * 0.95))] / 1e6, s[s.length - 1] / 1e6, nanos.length / wall);
        }
    }
}
