package org.pramaan.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.pramaan.labels.LabelProfiles;
import org.pramaan.labels.VideoLabelWriter;
import org.pramaan.labels.VisibleLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Visible-label speed: an image labelled end to end (decode, draw, encode, metadata) at 1024² and
 * 3840×2160; a 720p H.264/AAC clip labelled by the ffmpeg-backed writer for the first 2 s
 * (CN) and throughout (IN), as multiples of real time (run under {@code taskset -c 0} for one core), beside the reference: the same clip re-encoded
 * by the same ffmpeg with the same settings and no label. Video rows also give CPU seconds (this JVM
 * plus the ffmpeg children it waited for, from /proc/self/stat) and real time per CPU second: on a
 * loaded shared machine wall time measures the neighbours, CPU time measures the work.
 */
@Command(
        name = "labels",
        description = "Time visible labels: images end to end; 720p video on one core vs a plain re-encode.")
final class BenchLabels implements Callable<Integer>, PramaanCli.RuntimeAware {
    /** The video writer is the shipped runtime's (the ffmpeg module), as {@code pramaan label apply} uses it. */
    private final PramaanCli.LazyRuntime runtime;

    BenchLabels(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Option(names = "--rounds", defaultValue = "10")
    int rounds;

    @Option(names = "--video-seconds", defaultValue = "10")
    int videoSeconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("machine: %s%n", BenchCommand.machine());
        out.printf("%-34s %-9s %-9s %-9s%n", "image step (JPEG q0.92)", "mean ms", "p50 ms", "max ms");
        for (int[] size : new int[][] {{1024, 1024}, {3840, 2160}}) {
            byte[] jpeg = photo(size[0], size[1]);
            VisibleLabels.Request req = VisibleLabels.Request.of(LabelProfiles.bundled("CN"));
            for (int i = 0; i < 3; i++) VisibleLabels.apply(jpeg, req, Optional.empty());
            long[] t = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long s = System.nanoTime();
                VisibleLabels.apply(jpeg, req, Optional.empty());
                t[i] = System.nanoTime() - s;
            }
            Arrays.sort(t);
            out.printf(
                    "%-34s %-9.1f %-9.1f %-9.1f%n",
                    "label " + size[0] + "x" + size[1], mean(t) / 1e6, t[t.length / 2] / 1e6, t[t.length - 1] / 1e6);
        }
        Optional<VideoLabelWriter> writer = runtime.get().videoLabels();
        if (writer.isEmpty()) {
            out.println("video: skipped, ffmpeg with libx264 not on PATH");
            return 0;
        }
        Path dir = Files.createTempDirectory("pramaan-bench-labels");
        try {
            Path clip = dir.resolve("clip.mp4");
            exec(List.of(
                    "ffmpeg",
                    "-nostdin",
                    "-v",
                    "error",
                    "-y",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc2=size=1280x720:rate=30:duration=" + videoSeconds,
                    "-f",
                    "lavfi",
                    "-i",
                    "sine=frequency=440:duration=" + videoSeconds,
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-pix_fmt",
                    "yuv420p",
                    "-c:a",
                    "aac",
                    "-shortest",
                    clip.toString()));
            out.printf(
                    "%-34s %-9s %-9s %-9s %-9s%n",
                    "video step (1280x720, 30 fps)", "seconds", "x real", "cpu s", "x per cpu");
            long s = System.nanoTime();
            double c = cpuSeconds();
            exec(List.of(
                    "ffmpeg",
                    "-nostdin",
                    "-v",
                    "error",
                    "-y",
                    "-i",
                    clip.toString(),
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-crf",
                    "20",
                    "-pix_fmt",
                    "yuv420p",
                    "-c:a",
                    "copy",
                    dir.resolve("plain.mp4").toString()));
            video(out, "reference: plain re-encode", System.nanoTime() - s, cpuSeconds() - c);
            java.awt.Rectangle inLabel = new java.awt.Rectangle();
            for (String j : List.of("CN", "IN")) {
                s = System.nanoTime();
                c = cpuSeconds();
                VideoLabelWriter.Result r = writer.get()
                        .label(
                                clip,
                                dir.resolve(j + ".mp4"),
                                VisibleLabels.Request.of(LabelProfiles.bundled(j)),
                                Optional.empty());
                video(
                        out,
                        "label " + j + " (" + (j.equals("CN") ? "first 2 s" : "continuous") + ")",
                        System.nanoTime() - s,
                        cpuSeconds() - c);
                if (r.labelSeconds() <= 0) throw new IllegalStateException("no label burned in");
                if (j.equals("IN")) inLabel = r.drawn().area();
            }
            // The same clip with 2 s GOPs (keyframe every 60 frames, as streaming encoders write): a CN
            // label re-encodes only the first GOP and stream-copies the rest (GOP splice, issue 14).
            Path gop = dir.resolve("clip-gop2s.mp4");
            exec(List.of(
                    "ffmpeg",
                    "-nostdin",
                    "-v",
                    "error",
                    "-y",
                    "-i",
                    clip.toString(),
                    "-c:v",
                    "libx264",
                    "-preset",
                    "veryfast",
                    "-g",
                    "60",
                    "-pix_fmt",
                    "yuv420p",
                    "-c:a",
                    "copy",
                    gop.toString()));
            s = System.nanoTime();
            c = cpuSeconds();
            writer.get()
                    .label(
                            gop,
                            dir.resolve("CN-gop2s.mp4"),
                            VisibleLabels.Request.of(LabelProfiles.bundled("CN")),
                            Optional.empty());
            video(out, "label CN (first 2 s), 2 s GOPs", System.nanoTime() - s, cpuSeconds() - c);
            // Quality outside the label: frames after the CN label's 2 s against the source clip, for the
            // labelled output and for the reference re-encode (same frames, same metric).
            out.printf("%-34s %-9s %-9s%n", "quality after 2 s vs source", "PSNR dB", "SSIM");
            for (String f : List.of("plain", "CN")) {
                Path o = dir.resolve(f + ".mp4");
                out.printf(
                        "%-34s %-9s %-9s%n",
                        f.equals("plain") ? "reference: plain re-encode" : "label CN",
                        quality(o, clip, "psnr", ""),
                        quality(o, clip, "ssim", ""));
            }
            // IN shows its label throughout: the same metrics over the picture beside the label, i.e. the
            // band of full-width rows above or below it (whichever is taller), for IN and the reference.
            int top = inLabel.y, bottom = 720 - (inLabel.y + inLabel.height);
            String band = bottom >= top
                    ? "crop=iw:" + even(bottom) + ":0:" + (720 - even(bottom)) + ","
                    : "crop=iw:" + even(top) + ":0:0,";
            for (String f : List.of("plain", "IN")) {
                Path o = dir.resolve(f + ".mp4");
                out.printf(
                        "%-34s %-9s %-9s%n",
                        (f.equals("plain") ? "reference" : "label IN") + ", rows beside IN label",
                        quality(o, clip, "psnr", band),
                        quality(o, clip, "ssim", band));
            }
        } finally {
            try (var f = Files.list(dir)) {
                for (Path p : f.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
        return 0;
    }

    private void video(PrintWriter out, String name, long nanos, double cpu) {
        out.printf(
                "%-34s %-9.2f %-9.1f %-9.2f %-9.1f%n",
                name, nanos / 1e9, videoSeconds / (nanos / 1e9), cpu, cpu > 0 ? videoSeconds / cpu : 0.0);
    }

    /**
     * CPU seconds of this process and its reaped children (utime, stime, cutime, cstime: fields 14-17
     * of proc(5) stat, in clock ticks of 1/100 s on Linux); 0 where /proc is absent.
     */
    static double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String rest = stat.substring(stat.lastIndexOf(')') + 2);
            long ticks = 0;
            int field = 3;
            int from = 0;
            while (field <= 17 && from < rest.length()) {
                int end = rest.indexOf(' ', from);
                if (end < 0) end = rest.length();
                if (field >= 14) ticks += Long.parseLong(rest.substring(from, end));
                from = end + 1;
                field++;
            }
            return ticks / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double mean(long[] t) {
        return Arrays.stream(t).average().orElse(0);
    }

    private static byte[] photo(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(14);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                img.setRGB(x, y, ((x * 255 / w) << 16) | ((y * 255 / h) << 8) | (r.nextInt(64) + 96));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", b);
        return b.toByteArray();
    }

    /** ffmpeg's psnr or ssim over the frames from 3 s on, after {@code crop} (a filter and comma, or empty): the figure after "average:" or "All:". */
    private static String quality(Path a, Path b, String metric, String crop) throws Exception {
        String graph = "[0:v]" + crop + "trim=start=3,setpts=PTS-STARTPTS[a];[1:v]" + crop
                + "trim=start=3,setpts=PTS-STARTPTS[b];[a][b]" + metric;
        Process p = new ProcessBuilder(List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-i",
                        a.toString(),
                        "-i",
                        b.toString(),
                        "-lavfi",
                        graph,
                        "-f",
                        "null",
                        "-"))
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        String key = metric.equals("psnr") ? "average:" : "All:";
        int at = log.lastIndexOf(key);
        if (at < 0) return "n/a";
        int from = at + key.length();
        int end = from;
        while (end < log.length() && (Character.isDigit(log.charAt(end)) || log.charAt(end) == '.')) end++;
        return log.substring(from, end);
    }

    /** Rounded down to even: 4:2:0 chroma is cropped in whole pairs of rows. */
    private static int even(int rows) {
        return Math.max(2, rows & ~1);
    }

    private static void exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] o = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0)
            throw new IllegalStateException(
                    String.join(" ", cmd) + ": " + new String(o, java.nio.charset.StandardCharsets.UTF_8));
    }
}
