package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.pramaan.media.MediaSource;
import org.pramaan.provenance.c2pa.C2paOutcome;
import org.pramaan.provenance.c2pa.C2paReader;
import org.pramaan.provenance.c2pa.TrustSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Times C2PA read + full validation (locate, JUMBF, COSE, timestamps, hashes, JSON) per file, files in memory. */
@Command(
        name = "c2pa",
        description = "Time C2PA read + validation per file over a folder's files that carry a manifest store.")
final class BenchC2pa implements Callable<Integer> {
    @Parameters(paramLabel = "DIR")
    Path dir;

    @Option(names = "--warmup", defaultValue = "3", description = "untimed rounds over all files first")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5", description = "timed rounds")
    int rounds;

    @Option(
            names = "--list",
            paramLabel = "FILE",
            description = "also write the timed files' paths there, one a line (for scripts/bench-c2pa-reference.mjs)")
    Path list;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // A speed driver with no data directory: certificates are judged at the wall clock's now, as a
        // user timing their own files expects; no screening result is kept from this run.
        C2paReader reader = new C2paReader(TrustSettings.none(Clock.systemUTC()));
        List<byte[]> files = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        long bytes = 0;
        for (Path f : ScanCommand.expand(List.of(dir))) {
            if (Files.size(f) > 64L << 20) continue;
            byte[] b = Files.readAllBytes(f);
            if (reader.read(MediaSource.of(b)) instanceof C2paOutcome.Read) {
                files.add(b);
                paths.add(f.toAbsolutePath().toString());
                bytes += b.length;
            }
        }
        if (list != null) Files.write(list, paths);
        if (files.isEmpty())
            throw new IllegalArgumentException("no files with a readable C2PA manifest store under " + dir);
        for (int r = 0; r < warmup; r++) for (byte[] b : files) reader.read(MediaSource.of(b));
        long[] nanos = new long[files.size() * rounds];
        int k = 0;
        // CPU time of this thread as well as wall time: on a shared machine the wall clock also counts other jobs.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (byte[] b : files) {
                long t = System.nanoTime();
                reader.read(MediaSource.of(b));
                nanos[k++] = System.nanoTime() - t;
            }
        }
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / nanos.length;
        print(spec.commandLine().getOut(), files.size(), bytes, nanos, (System.nanoTime() - start) / 1e9, cpuMs);
        return 0;
    }

    private static void print(PrintWriter out, int n, long bytes, long[] nanos, double wall, double cpuMs) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        out.printf("machine: %s%n", BenchCommand.machine());
        out.printf(
                "%-7s %-9s %-7s %-9s %-9s %-9s %-9s %-8s %-8s%n",
                "files", "MB", "rounds", "mean ms", "p50 ms", "p95 ms", "max ms", "files/s", "cpu ms");
        out.printf(
                "%-7d %-9.1f %-7d %-9.2f %-9.2f %-9.2f %-9.2f %-8.1f %-8.2f%n",
                n,
                bytes / 1e6,
                nanos.length / n,
                Arrays.stream(s).average().orElse(0) / 1e6,
                s[s.length / 2] / 1e6,
                s[(int) Math.min(s.length - 1, Math.round(s.length * 0.95))] / 1e6,
                s[s.length - 1] / 1e6,
                nanos.length / wall,
                cpuMs);
    }
}
