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
            for (Path v : videos) hasher.hash(v, VpdqSampling.EVERY_FRAME, DecodeLimits.DEFAULT);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s%n", BenchCommand.machine());
        out.printf(
                "%-34s %-11s %8s %7s %9s %10s %10s%n",
                "video", "sampling", "decoded", "hashed", "ms", "decoded/s", "ms/hash");
        for (Path v : videos) {
            for (VpdqSampling sampling : List.of(VpdqSampling.ONE_PER_SECOND, VpdqSampling.EVERY_FRAME)) {
                long t = System.nanoTime();
                VpdqHash h = hasher.hash(v, sampling, DecodeLimits.DEFAULT);
                double ms = (System.nanoTime() - t) / 1e6;
                out.printf(
                        "%-34s %-11s %8d %7d %9.0f %10.0f %10.2f%n",
                        v.getFileName(),
                        sampling.secondsPerHash() == 0 ? "every" : "1/s",
                        h.framesDecoded(),
                        h.frames().size(),
                        ms,
                        h.framesDecoded() / (ms / 1000),
                        ms / h.frames().size());
            }
        }
        return 0;
    }
}
