package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.watermark.KeyedDetection;
import org.pramaan.watermark.KeyedWatermark;
import org.pramaan.watermark.VideoAttacks;
import org.pramaan.watermark.VideoWatermarkReader;
import org.pramaan.watermark.VideoWatermarkWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 14's robustness table for our watermark in video: generated 720p clips (testsrc2 with a tone,
 * and a slowly zooming photo of the test data with film grain) plus every video under
 * {@code vpdq/sample-videos}, each marked with a random payload by the shipped writer and attacked by
 * {@link VideoAttacks} (ffmpeg re-encodes, metadata dropped); per attack the bit accuracy and detection
 * rate from the sampled frames combined (a miss counts 16 of 32 bits). Then Y-plane PSNR of the marked
 * output and of a plain re-encode (same x264 settings, no mark) against the source, the clean videos'
 * best scores (false positives), and the embed cost: CPU seconds (this JVM and its ffmpeg children)
 * and seconds of video per CPU second, beside the plain re-encode.
 */
@Command(
        name = "watermark-video",
        description = "Keyed watermark in video: attack x bit accuracy x detection rate, PSNR, embed speed (720p).")
final class BenchWatermarkVideo implements Callable<Integer>, PramaanCli.RuntimeAware {
    private final PramaanCli.LazyRuntime runtime;

    BenchWatermarkVideo(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Option(names = "--testdata", description = "the shared test data folder (default: ../shared/testdata)")
    Path testdata;

    @Option(names = "--seconds", defaultValue = "10", description = "length of the generated 720p clips")
    int seconds;

    @Option(
            names = "--max-videos",
            defaultValue = "100",
            description = "at most this many test-data videos, in name order")
    int maxVideos;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 4 || seconds > 120) throw new IllegalArgumentException("--seconds must be 4-120, got " + seconds);
        if (maxVideos < 0) throw new IllegalArgumentException("--max-videos must be 0 or more, got " + maxVideos);
        Optional<VideoWatermarkWriter> writer = runtime.get().videoWatermark();
        if (writer.isEmpty()) {
            out.println("skipped: ffmpeg with libx264 not on PATH");
            return 0;
        }
        Path root = testdata != null ? testdata : Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"));
        KeyedWatermark wm = new KeyedWatermark(BenchWatermarkRobustness.KEY);
        VideoWatermarkReader reader = new VideoWatermarkReader(runtime.get().videoDecoder(), DecodeLimits.DEFAULT, 1);
        Path dir = Files.createTempDirectory("pramaan-bench-wmv");
        try {
            List<Path> clips = clips(root, dir);
            out.printf(
                    "machine: %s; %d videos (2 generated 720p x %d s, %d from %s); threshold %.3f (FPR 1e-6 per video)%n",
                    BenchCommand.machine(), clips.size(), seconds, clips.size() - 2, root, KeyedWatermark.threshold());
            Random rnd = new Random(14);
            Map<VideoAttacks, double[]> stats = new EnumMap<>(VideoAttacks.class);
            List<String> quality = new ArrayList<>();
            double cleanMax = Double.NEGATIVE_INFINITY;
            int cleanHits = 0, cleanCount = 0;
            String speed = "";
            for (Path clip : clips) {
                int payload = rnd.nextInt();
                Path marked = dir.resolve("m-" + clip.getFileName());
                double c0 = BenchLabels.cpuSeconds();
                long t0 = System.nanoTime();
                VideoWatermarkWriter.Result r =
                        writer.get().mark(clip, marked, wm, payload, 0).orElseThrow();
                double markCpu = BenchLabels.cpuSeconds() - c0, markWall = (System.nanoTime() - t0) / 1e9;
                Path plain = dir.resolve("p-" + clip.getFileName());
                double c1 = BenchLabels.cpuSeconds();
                exec(plainReencode(clip, plain));
                double plainCpu = BenchLabels.cpuSeconds() - c1;
                if (clip.getFileName().toString().startsWith("gen-testsrc"))
                    speed = String.format(
                            Locale.ROOT,
                            "%-40s %-8.2f %-8.2f %-10.1f | plain re-encode: cpu %.2f s, %.1f s video per cpu s",
                            r.width() + "x" + r.height() + " " + r.frames() + " frames, " + r.seconds() + " s",
                            markWall,
                            markCpu,
                            r.seconds() / markCpu,
                            plainCpu,
                            r.seconds() / plainCpu);
                quality.add(String.format(
                        Locale.ROOT, "%-40s %-12s %-12s", clip.getFileName(), psnrY(marked, clip), psnrY(plain, clip)));
                for (VideoAttacks a : VideoAttacks.values()) {
                    Path attacked = marked;
                    if (a != VideoAttacks.NONE) {
                        attacked = dir.resolve("a-" + a + "-" + clip.getFileName());
                        exec(withProgram(a.ffmpegArgs(marked.toString(), attacked.toString())));
                    }
                    KeyedDetection d = wm.detect(reader.read(attacked));
                    double[] s = stats.computeIfAbsent(a, k -> new double[4]);
                    long want = Integer.toUnsignedLong(payload);
                    s[0] += d.detected() ? 32 - Long.bitCount(d.payload().getAsLong() ^ want) : 16;
                    s[1] += d.detected() ? 1 : 0;
                    s[2]++;
                    s[3] += d.score();
                    if (a != VideoAttacks.NONE) Files.deleteIfExists(attacked);
                }
                for (Path clean : List.of(clip, plain)) {
                    KeyedDetection d = wm.detect(reader.read(clean));
                    cleanMax = Math.max(cleanMax, d.score());
                    cleanHits += d.detected() ? 1 : 0;
                    cleanCount++;
                }
                Files.deleteIfExists(marked);
                Files.deleteIfExists(plain);
            }
            out.printf("%n%-32s %-13s %-15s %-10s%n", "attack", "bit accuracy", "detection rate", "mean score");
            for (var e : stats.entrySet()) {
                double[] s = e.getValue();
                out.printf(
                        Locale.ROOT,
                        "%-32s %-13.4f %-15s %-10.2f%n",
                        e.getKey().label(),
                        s[0] / (32 * s[2]),
                        (int) s[1] + "/" + (int) s[2],
                        s[3] / s[2]);
            }
            out.printf("%n%-40s %-12s %-12s%n", "Y PSNR vs source (dB)", "marked", "plain re-enc");
            quality.forEach(out::println);
            out.printf(
                    Locale.ROOT,
                    "%nclean videos (sources and their plain re-encodes): %d, detected %d, best score %.2f%n",
                    cleanCount,
                    cleanHits,
                    cleanMax);
            out.printf("%n%-40s %-8s %-8s %-10s%n", "embed (testsrc2 720p)", "wall s", "cpu s", "x per cpu");
            out.println(speed);
        } finally {
            try (var f = Files.list(dir)) {
                for (Path p : f.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private List<Path> clips(Path root, Path dir) throws Exception {
        List<Path> clips = new ArrayList<>();
        Path testsrc = dir.resolve("gen-testsrc2-720p.mp4");
        exec(List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=1280x720:rate=30:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=" + seconds,
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                testsrc.toString()));
        clips.add(testsrc);
        Path photo = null;
        Path pdq = root.resolve("pdq");
        if (Files.isDirectory(pdq)) {
            try (var s = Files.walk(pdq)) {
                photo = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
                        .sorted()
                        .findFirst()
                        .orElse(null);
            }
        }
        String natural = photo != null ? photo.toString() : "";
        Path zoom = dir.resolve("gen-photo-zoom-720p.mp4");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        if (photo != null) cmd.addAll(List.of("-loop", "1", "-i", natural));
        else cmd.addAll(List.of("-f", "lavfi", "-i", "mandelbrot=size=1600x900:rate=30"));
        cmd.addAll(List.of(
                "-vf",
                "scale=1600:-2,zoompan=z='1+0.002*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=" + 30 * seconds
                        + ":s=1280x720:fps=30,noise=alls=4:allf=t",
                "-t",
                Integer.toString(seconds),
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-pix_fmt",
                "yuv420p",
                zoom.toString()));
        exec(cmd);
        clips.add(zoom);
        Path videos = root.resolve("vpdq/sample-videos");
        if (Files.isDirectory(videos)) {
            try (var s = Files.list(videos)) {
                s.filter(p -> p.toString().endsWith(".mp4"))
                        .sorted()
                        .limit(maxVideos)
                        .forEach(clips::add);
            }
        }
        return clips;
    }

    private static List<String> plainReencode(Path in, Path out) {
        return List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-i",
                in.toString(),
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "20",
                "-pix_fmt",
                "yuv420p",
                "-x264-params",
                "me=dia:subme=1:bframes=1:partitions=none",
                "-c:a",
                "copy",
                out.toString());
    }

    private static List<String> withProgram(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg"));
        cmd.addAll(args);
        return cmd;
    }

    /** ffmpeg's psnr filter, the luma figure ({@code y:} of the summary line). */
    private static String psnrY(Path a, Path b) throws Exception {
        Process p = new ProcessBuilder(List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-i",
                        a.toString(),
                        "-i",
                        b.toString(),
                        "-lavfi",
                        "[0:v][1:v]psnr",
                        "-f",
                        "null",
                        "-"))
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        int at = log.lastIndexOf("PSNR y:");
        if (at < 0) return "n/a";
        int from = at + "PSNR y:".length(), end = from;
        while (end < log.length() && (Character.isDigit(log.charAt(end)) || log.charAt(end) == '.')) end++;
        return log.substring(from, end);
    }

    private static void exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] o = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0)
            throw new IllegalStateException(String.join(" ", cmd) + ": " + new String(o, StandardCharsets.UTF_8));
    }
}
