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

@Command(
        name = "bench",
        description = "Benchmarks that print a table (numbers for docs/performance.md).",
        subcommands = {
            BenchCommand.Pdq.class,
            BenchCommand.Notices.class,
            BenchCommand.Match.class,
            VpdqBenchCommand.class,
            BenchAudioCommand.class,
            BenchC2pa.class,
            AvMatchBenchCommand.class,
            AvIndexBenchCommand.class,
            BenchWatermark.class,
            BenchQueueCommand.class,
            BenchConsoleCommand.class,
            BenchWatermarkRobustness.class,
            BenchLabels.class,
            BenchBackscanCommand.class,
            BenchWatermarkVideo.class,
            BenchClusterCommand.class,
            BenchDetectVideo.class,
            BenchDetectAudio.class,
            BenchLikeness.class
        })
final class BenchCommand implements Runnable {
    /** The machine line every bench prints first, so its figures are never read without their machine. */
    static String machine() {
        return String.format(
                "%d cores, %s %s, %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                System.getProperty("os.arch"));
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "notices",
            description =
                    "Notice intake on a scratch embedded store: notices/s, latency percentiles, clock-check time.")
    static final class Notices implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Option(names = "--count", defaultValue = "10000", description = "timed notices (after 500 warm-up)")
        int count;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Notices(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws Exception {
            if (count < 1) throw new IllegalArgumentException("--count must be at least 1");
            java.util.Map<String, Object> r = NoticeBenchmark.run(runtime.get(), count);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("machine: %s%n", BenchCommand.machine());
            r.forEach((k, v) -> out.printf("%-16s %s%n", k, v instanceof Double d ? String.format("%.2f", d) : v));
            return 0;
        }
    }

    /**
     * The PDQ index on random hashes: build, snapshot round trip, bytes per hash, queries/s and
     * latency over threads, recall against batched brute force (whose speed is the baseline).
     * 10M hashes need about 3 GB of heap while building (run with {@code -Xmx4g}).
     */
    @Command(
            name = "match",
            description = "PDQ index: build, snapshot, bytes/hash, queries/s, latency, recall vs brute force.")
    static final class Match implements Callable<Integer> {
        @Option(
                names = "--hashes",
                required = true,
                split = ",",
                description = "stored random hashes; several (1000000,10000000) run one after another in this JVM")
        List<Integer> hashes;

        @Option(
                names = "--extrapolate",
                defaultValue = "100000000",
                description = "also print figures extrapolated to this many hashes (0: none)")
        long extrapolate;

        @Option(
                names = "--queries",
                defaultValue = "100000",
                description = "timed queries (half near-duplicates, half random)")
        int queries;

        @Option(names = "--threads", defaultValue = "2")
        int threads;

        @Option(names = "--radius", defaultValue = "31", description = "Hamming radius (≤ 31 uses the multi-index)")
        int radius;

        @Option(
                names = "--sample",
                defaultValue = "256",
                description = "queries checked against brute force (also the baseline)")
        int sample;

        @Option(names = "--seed", defaultValue = "1")
        long seed;

        @Option(names = "--dir", description = "folder for the scratch snapshot (default: the temp folder)")
        Path dir;

        @Option(names = "--build-threads", description = "threads the index build uses (default: every core)")
        Integer buildThreads;

        @Option(
                names = "--sequential-build",
                description = "also time a one-thread build first, the reference for the parallel one")
        boolean sequentialBuild;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path d = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
            List<org.pramaan.bench.match.MatchBench.Result> runs = new ArrayList<>();
            for (int n : hashes)
                runs.add(org.pramaan.bench.match.MatchBench.run(new org.pramaan.bench.match.MatchBench.Options(
                        n,
                        queries,
                        threads,
                        radius,
                        sample,
                        seed,
                        d,
                        buildThreads != null
                                ? buildThreads
                                : Runtime.getRuntime().availableProcessors(),
                        sequentialBuild)));
            List<java.util.Map<String, String>> columns = new ArrayList<>(runs.stream()
                    .map(org.pramaan.bench.match.MatchBench.Result::table)
                    .toList());
            if (extrapolate > 0) columns.add(org.pramaan.bench.match.MatchBench.extrapolate(runs, extrapolate));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "machine: %s, max heap %d MB%n",
                    BenchCommand.machine(), Runtime.getRuntime().maxMemory() >> 20);
            out.println("| metric |" + " value |".repeat(columns.size()));
            out.println("|---|" + "---|".repeat(columns.size()));
            for (String k : columns.get(0).keySet()) {
                StringBuilder row = new StringBuilder("| " + k + " |");
                for (java.util.Map<String, String> c : columns)
                    row.append(' ').append(c.getOrDefault(k, "")).append(" |");
                out.println(row);
            }
            return 0;
        }
    }

    /**
     * Probe + decode + PDQ per image, from bytes already in memory (so the disk is not measured), one
     * thread, after warm-up rounds that let the JIT compile the hot code.
     */
    @Command(name = "pdq", description = "Time probe + decode + PDQ per image over a folder's images.")
    static final class Pdq implements Callable<Integer>, PramaanCli.RuntimeAware {
        @Parameters(paramLabel = "DIR")
        Path dir;

        @Option(
                names = "--warmup",
                defaultValue = "10",
                description = "untimed rounds over all images first (enough for the JIT to compile every decoder path)")
        int warmup;

        @Option(names = "--rounds", defaultValue = "5", description = "timed rounds")
        int rounds;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final PramaanCli.LazyRuntime runtime;

        Pdq(PramaanCli.LazyRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public Integer call() throws Exception {
            List<byte[]> images = new ArrayList<>();
            List<String> formats = new ArrayList<>();
            for (Path f : ScanCommand.expand(List.of(dir))) {
                byte[] b = Files.readAllBytes(f);
                try {
                    MediaInfo info = runtime.get()
                            .prober()
                            .probe(MediaSource.of(b), runtime.get().limits());
                    if (info.kind() == MediaKind.IMAGE) {
                        images.add(b);
                        formats.add(info.type().name());
                    }
                } catch (MediaRejectedException e) {
                    // not an image we accept: not part of the benchmark
                }
            }
            if (images.isEmpty()) throw new IllegalArgumentException("no images found under " + dir);
            long[] scratch = new long[3];
            for (int r = 0; r < warmup; r++) for (byte[] b : images) once(b, scratch);
            int total = images.size() * rounds;
            long[] nanos = new long[total], decode = new long[total], hash = new long[total], cpu = new long[total];
            int k = 0;
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (byte[] b : images) {
                    long t = System.nanoTime();
                    once(b, scratch);
                    nanos[k] = System.nanoTime() - t;
                    decode[k] = scratch[0];
                    hash[k] = scratch[1];
                    cpu[k++] = scratch[2];
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            print(out, images.size(), nanos, wall);
            printStages(out, formats, rounds, new long[][] {nanos, decode, hash, cpu});
            return 0;
        }

        /** Fills {@code t} with decode (probe included) and hash wall nanoseconds, and this thread's CPU nanoseconds. */
        private void once(byte[] b, long[] t) throws Exception {
            long cpu0 = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            MediaSource src = MediaSource.of(b);
            MediaInfo info = runtime.get().prober().probe(src, runtime.get().limits());
            var image = ImageDecoder.decodeForHashing(src, info);
            long t1 = System.nanoTime();
            runtime.get().pdqHasher().hash(image);
            t[0] = t1 - t0;
            t[1] = System.nanoTime() - t1;
            t[2] = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() - cpu0 : 0;
        }

        private static final java.lang.management.ThreadMXBean CPU =
                java.lang.management.ManagementFactory.getThreadMXBean();

        private void print(PrintWriter out, int n, long[] nanos, double wall) {
            long[] s = nanos.clone();
            Arrays.sort(s);
            double mean = Arrays.stream(s).average().orElse(0) / 1e6;
            out.printf("machine: %s%n", BenchCommand.machine());
            out.printf(
                    "%-8s %-7s %-9s %-9s %-9s %-9s %-10s%n",
                    "images", "rounds", "mean ms", "p50 ms", "p95 ms", "max ms", "images/s");
            out.printf(
                    "%-8d %-7d %-9.1f %-9.1f %-9.1f %-9.1f %-10.1f%n",
                    n,
                    nanos.length / n,
                    mean,
                    s[s.length / 2] / 1e6,
                    s[(int) Math.min(s.length - 1, Math.round(s.length * 0.95))] / 1e6,
                    s[s.length - 1] / 1e6,
                    nanos.length / wall);
        }

        /**
         * Per format: mean wall time split into decode (probe + decode + squash) and hash, and the
         * thread's CPU time, which other processes on a shared machine disturb less than wall time.
         */
        private void printStages(PrintWriter out, List<String> formats, int rounds, long[][] series) {
            out.printf(
                    "%n%-8s %-7s %-9s %-10s %-9s %-9s%n",
                    "format", "images", "mean ms", "decode ms", "hash ms", "cpu ms");
            java.util.Map<String, double[]> rows = new java.util.TreeMap<>();
            for (int k = 0; k < series[0].length; k++) {
                double[] row = rows.computeIfAbsent(formats.get(k % formats.size()), f -> new double[5]);
                row[0]++;
                for (int i = 0; i < 4; i++) row[i + 1] += series[i][k];
            }
            rows.put("all", rows.values().stream().reduce(new double[5], (a, b) -> {
                double[] c = a.clone();
                for (int i = 0; i < 5; i++) c[i] += b[i];
                return c;
            }));
            rows.forEach((f, r) -> out.printf(
                    "%-8s %-7d %-9.1f %-10.1f %-9.1f %-9.1f%n",
                    f,
                    (int) r[0] / rounds,
                    r[1] / r[0] / 1e6,
                    r[2] / r[0] / 1e6,
                    r[3] / r[0] / 1e6,
                    r[4] / r[0] / 1e6));
        }
    }
}
