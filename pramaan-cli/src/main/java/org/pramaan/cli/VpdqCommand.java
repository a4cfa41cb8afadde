package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.hash.VpdqHash;
import org.pramaan.hash.VpdqHasher;
import org.pramaan.hash.VpdqSampling;
import org.pramaan.json.Json;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.decode.DecodeLimits;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pramaan hash vpdq}: per-frame PDQ of videos in vpdq-hash-video's line format. */
@Command(
        name = "vpdq",
        description =
                "vPDQ of videos: 'frame,timestamp,quality,hash' per sampled frame (--json: one object per video).")
final class VpdqCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @ArgGroup(exclusive = true)
    Rate rate = new Rate();

    static final class Rate {
        @Option(names = "--fps", paramLabel = "N", description = "frames hashed per second (default 1, as pytx)")
        double fps = 1;

        @Option(names = "--every-frame", description = "hash every decoded frame (the reference's -r 0)")
        boolean everyFrame;
    }

    @Option(names = "--json", description = "one JSON object per video: file, frameRate, framesDecoded, frames[]")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PramaanCli.LazyRuntime runtime;

    VpdqCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        VpdqSampling sampling = rate.everyFrame ? VpdqSampling.EVERY_FRAME : VpdqSampling.perSecond(rate.fps);
        VpdqHasher hasher =
                new VpdqHasher(runtime.get().videoDecoder(), runtime.get().pdqHasher());
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path f : files) {
            try {
                VpdqHash h = hasher.hash(f, sampling, DecodeLimits.DEFAULT);
                if (json) out.println(Json.mapper().writeValueAsString(asJson(f, h)));
                else for (VpdqFrame fr : h.frames()) out.println(line(fr, files.size() > 1 ? f : null));
            } catch (MediaRejectedException e) {
                failed++;
                spec.commandLine().getErr().println(f + ": " + e.code().code() + ": " + e.getMessage());
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** frame,timestamp,quality,hash (and the file when several are given). */
    private static String line(VpdqFrame f, Path file) {
        String l = f.frameNumber() + "," + String.format(Locale.ROOT, "%.3f", f.timestampSeconds()) + "," + f.quality()
                + "," + f.hash().toHex();
        return file == null ? l : l + "," + file;
    }

    record FrameJson(long frame, double timestamp, int quality, String hash) {}

    private static Map<String, Object> asJson(Path file, VpdqHash h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("frameRate", h.frameRate());
        m.put("framesDecoded", h.framesDecoded());
        m.put(
                "frames",
                h.frames().stream()
                        .map(f -> new FrameJson(
                                f.frameNumber(),
                                f.timestampSeconds(),
                                f.quality(),
                                f.hash().toHex()))
                        .toList());
        return m;
    }
}
