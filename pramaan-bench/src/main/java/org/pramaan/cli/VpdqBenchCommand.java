package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pramaan.hash.VpdqHash;
import org.pramaan.hash.VpdqHasher;
import org.pramaan.hash.VpdqSampling;
import org.pramaan.media.decode.DecodeLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Decode + vPDQ per video, one thread, from the file system (the OS cache holds the files after the
 * warm-up round). Prints per video and sampling: frames decoded and hashed, wall time, and rates.
 */
@Command(name = "vpdq", description = "Time decode + vPDQ (1 frame/s and every frame) per video file in a folder.")
final class VpdqBenchCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Parameters(paramLabel = "DIR")
    Path dir;

    @Option(names = "--warmup", defaultValue = "1", description = "untimed rounds first")
    int warmup;

    @Option(names = "--one-per-second-only", description = "skip the every-frame rows")
    boolean onePerSecondOnly;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PramaanCli.LazyRuntime runtime;

    VpdqBenchCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        List<Path> videos;
        try (Stream<Path> s = Files.list(dir)) {
            videos = s.filter(p -> p.toString().matches("(?i).*\\.(mp4|mov|mkv|webm|avi)$"))
                    .sorted()
                    .toList();
        }
        if (videos.isEmpty()) throw new IllegalArgumentException("no .mp4/.mov/.mkv/.webm/.avi files in " + dir);
        VpdqHasher hasher =
                new VpdqHasher(runtime.get().videoDecoder(), runtime.get().pdqHasher());
        for (int r = 0; r < warmup; r++)
            for (Path v : videos)
                if (onePerSecondOnly) {
                    hasher.hash(v, VpdqSampling.ONE_PER_SECOND, DecodeLimits.DEFAULT);
                    hasher.decodingEveryFrame().hash(v, VpdqSampling.ONE_PER_SECOND, DecodeLimits.DEFAULT);
                } else hasher.hash(v, VpdqSampling.EVERY_FRAME, DecodeLimits.DEFAULT);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s%n", BenchCommand.machine());
        out.printf(
                "%-30s %-5s %-5s %7s %6s %7s %7s %7s %9s %9s%n",
                "video",
                "samp",
                "path",
                "decoded",
                "hashed",
                "wall ms",
                "thr CPU",
                "procCPU",
                "vid s/CPU",
                "vid s/wall");
        VpdqHasher plain = hasher.decodingEveryFrame();
        for (Path v : videos) {
            for (VpdqSampling sampling : onePerSecondOnly
                    ? List.of(VpdqSampling.ONE_PER_SECOND)
                    : List.of(VpdqSampling.ONE_PER_SECOND, VpdqSampling.EVERY_FRAME)) {
                VpdqHash reference = null;
                // The plain every-frame decode (the oracle) first, then the skipping path, same run.
                for (VpdqHasher h : List.of(plain, hasher)) {
                    long wall0 = System.nanoTime(), thr0 = THREADS.getCurrentThreadCpuTime(), proc0 = processCpu();
                    VpdqHash got = h.hash(v, sampling, DecodeLimits.DEFAULT);
                    double wall = (System.nanoTime() - wall0) / 1e6,
                            thr = (THREADS.getCurrentThreadCpuTime() - thr0) / 1e6,
                            proc = (processCpu() - proc0) / 1e6;
                    if (reference == null) reference = got;
                    else if (!got.equals(reference))
                        throw new IllegalStateException("skipping path differs from the plain decode on " + v);
                    double videoSeconds = got.framesDecoded() / got.frameRate();
                    out.printf(
                            "%-30s %-5s %-5s %7d %6d %7.0f %7.0f %7.0f %9.1f %9.1f%n",
                            v.getFileName(),
                            sampling.secondsPerHash() == 0 ? "every" : "1/s",
                            h == plain ? "plain" : "skip",
                            got.framesDecoded(),
                            got.frames().size(),
                            wall,
                            thr,
                            proc,
                            videoSeconds / (thr / 1000),
                            videoSeconds / (wall / 1000));
                }
            }
        }
        out.printf("thr CPU: this thread's CPU time (decode and hash run on it); procCPU: the whole JVM's, GC and JIT"
                + " included; vid s/CPU: seconds of video per thread-CPU second%n");
        return 0;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }
}
