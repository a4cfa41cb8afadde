package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.labels.LabelProfiles;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.VideoLabelWriter;
import org.pramaan.labels.VisibleLabels;

/** Labels burned into real H.264/AAC MP4s, found again by decoding the output's frames. */
class VideoLabelTest {
    @TempDir
    Path dir;

    private final FfmpegVideoLabeller labeller = new FfmpegVideoLabeller();

    @BeforeEach
    void needsFfmpeg() {
        if (!labeller.available()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("ffmpeg with libx264 is required in CI");
            Assumptions.abort("ffmpeg with libx264 not found on PATH: video label tests skipped");
        }
    }

    @Test
    void cnShowsTheLabelForTheFirstTwoSecondsAndCopiesTheAudio() throws Exception {
        Path in = video("in.mp4", 4);
        Path out = dir.resolve("out.mp4");
        VideoLabelWriter.Result r =
                labeller.label(in, out, VisibleLabels.Request.of(LabelProfiles.bundled("CN")), Optional.empty());
        assertThat(r.labelSeconds()).isEqualTo(2.0);
        assertThat(r.audioCopied()).isTrue();
        Rectangle area = r.drawn().area();
        assertThat(r.drawn().glyphs().height).isGreaterThanOrEqualTo(18); // 5 % of 360
        assertThat(diff(frame(in, 0.1), frame(out, 0.1), area))
                .as("label at 0.1 s")
                .isGreaterThan(40);
        assertThat(diff(frame(in, 1.9), frame(out, 1.9), area))
                .as("label at 1.9 s")
                .isGreaterThan(40);
        assertThat(diff(frame(in, 3.0), frame(out, 3.0), area))
                .as("no label at 3 s")
                .isLessThan(12);
        assertThat(audioMd5(out)).isEqualTo(audioMd5(in));
        assertThat(probe(out)).contains("h264").contains("aac");
        assertThat(MetadataLabels.read(Files.readAllBytes(out)).digitalSourceTypes())
                .hasSize(1);
    }

    @Test
    void cnOnAClipWithThreeSecondGopsReencodesOnlyTheHeadAndCopiesTheTailBitForBit() throws Exception {
        // 3 s GOPs at 25 fps: keyframes at 0 and 3 s, so the re-encoded head runs a second past the label.
        Path in = video("gop.mp4", 6, 75);
        Path out = dir.resolve("gop-out.mp4");
        VideoLabelWriter.Result r =
                labeller.label(in, out, VisibleLabels.Request.of(LabelProfiles.bundled("CN")), Optional.empty());
        assertThat(r.labelSeconds()).isEqualTo(2.0);
        assertThat(r.audioCopied()).isTrue();
        Rectangle area = r.drawn().area();
        assertThat(diff(frame(in, 0.1), frame(out, 0.1), area))
                .as("label at 0.1 s")
                .isGreaterThan(40);
        assertThat(diff(frame(in, 1.9), frame(out, 1.9), area))
                .as("label at 1.9 s")
                .isGreaterThan(40);
        assertThat(diff(frame(in, 2.5), frame(out, 2.5), area))
                .as("no label at 2.5 s, re-encoded head")
                .isLessThan(12);
        assertThat(diff(frame(in, 4.0), frame(out, 4.0), area))
                .as("no label at 4 s, copied tail")
                .isLessThan(12);
        // Every frame decodes; same count and container duration as the input.
        List<String> a = frameHashes(in);
        List<String> b = frameHashes(out);
        assertThat(b).hasSize(150).hasSameSizeAs(a);
        assertThat(formatDuration(out)).isEqualTo(formatDuration(in));
        // The head (first 75 frames, to the keyframe at 3 s) was re-encoded; the tail is the input's, bit
        // for bit: the full re-encode this replaces changes every frame.
        assertThat(b.subList(0, 50)).doesNotContainAnyElementsOf(a.subList(0, 50));
        assertThat(b.subList(75, 150)).isEqualTo(a.subList(75, 150));
        assertThat(audioMd5(out)).isEqualTo(audioMd5(in));
        assertThat(probe(out)).contains("h264").contains("aac");
        assertThat(MetadataLabels.read(Files.readAllBytes(out)).digitalSourceTypes())
                .hasSize(1);
    }

    @Test
    void inShowsTheLabelThroughout() throws Exception {
        Path in = video("in.mp4", 4);
        Path out = dir.resolve("out.mp4");
        VideoLabelWriter.Result r =
                labeller.label(in, out, VisibleLabels.Request.of(LabelProfiles.bundled("IN")), Optional.empty());
        assertThat(r.labelSeconds()).isEqualTo(r.durationSeconds());
        assertThat(diff(frame(in, 3.5), frame(out, 3.5), r.drawn().area())).isGreaterThan(40);
    }

    /**
     * A continuous label on a clip longer than the keyframe-sampling threshold: the contrast check reads
     * keyframes only and the overlay is only the label's rectangle, so the label must still be at its
     * place at the end and the picture away from it untouched (beyond re-encoding noise).
     */
    @Test
    void aLongContinuousLabelStaysInPlaceAndLeavesTheRestOfThePictureAlone() throws Exception {
        Path in = video("long.mp4", 7);
        Path out = dir.resolve("out.mp4");
        VideoLabelWriter.Result r =
                labeller.label(in, out, VisibleLabels.Request.of(LabelProfiles.bundled("IN")), Optional.empty());
        Rectangle area = r.drawn().area();
        assertThat(r.drawn().contrast()).isGreaterThanOrEqualTo(4.5);
        assertThat(diff(frame(in, 6.5), frame(out, 6.5), area))
                .as("label at 6.5 s")
                .isGreaterThan(40);
        Rectangle away = area.y >= 180 ? new Rectangle(0, 0, 640, 90) : new Rectangle(0, 270, 640, 90);
        assertThat(away.intersects(area)).isFalse();
        assertThat(diff(frame(in, 6.5), frame(out, 6.5), away))
                .as("picture away from the label")
                .isLessThan(12);
    }

    @Test
    void aCorruptVideoIsRefusedAndLeavesNoOutput() throws Exception {
        Path in = video("in.mp4", 2);
        byte[] b = Files.readAllBytes(in);
        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(b, 200));
        Path out = dir.resolve("out.mp4");
        assertThatThrownBy(() -> labeller.label(
                        cut, out, VisibleLabels.Request.of(LabelProfiles.bundled("CN")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file:");
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".pramaan-"));
        }
    }

    private Path video(String name, int seconds) throws Exception {
        return video(name, seconds, 250); // x264's default keyint: one keyframe in a short clip
    }

    private Path video(String name, int seconds, int gop) throws Exception {
        Path p = dir.resolve(name);
        exec(List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=25:duration=" + seconds,
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
                "-g",
                Integer.toString(gop),
                "-c:a",
                "aac",
                "-shortest",
                p.toString()));
        return p;
    }

    /** MD5 of every decoded video frame, in presentation order. */
    private static List<String> frameHashes(Path f) throws Exception {
        String md5 = new String(
                exec(List.of(
                        "ffmpeg", "-nostdin", "-v", "error", "-i", f.toString(), "-map", "0:v", "-f", "framemd5", "-")),
                StandardCharsets.UTF_8);
        return md5.lines()
                .filter(l -> !l.startsWith("#"))
                .map(l -> l.substring(l.lastIndexOf(',') + 1).strip())
                .toList();
    }

    private static String formatDuration(Path f) throws Exception {
        return new String(
                        exec(List.of(
                                "ffprobe",
                                "-v",
                                "error",
                                "-show_entries",
                                "format=duration",
                                "-of",
                                "csv=p=0",
                                f.toString())),
                        StandardCharsets.UTF_8)
                .strip();
    }

    private static BufferedImage frame(Path f, double at) throws Exception {
        byte[] png = exec(List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-ss",
                String.format(Locale.ROOT, "%.2f", at),
                "-i",
                f.toString(),
                "-frames:v",
                "1",
                "-f",
                "image2pipe",
                "-vcodec",
                "png",
                "-"));
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static String audioMd5(Path f) throws Exception {
        return new String(
                exec(List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        f.toString(),
                        "-map",
                        "0:a",
                        "-c",
                        "copy",
                        "-f",
                        "md5",
                        "-")),
                StandardCharsets.UTF_8);
    }

    private static String probe(Path f) throws Exception {
        return new String(
                exec(List.of(
                        "ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv", f.toString())),
                StandardCharsets.UTF_8);
    }

    /** Mean absolute channel difference inside {@code r}. */
    private static double diff(BufferedImage a, BufferedImage b, Rectangle r) {
        double sum = 0;
        for (int y = r.y; y < r.y + r.height; y++)
            for (int x = r.x; x < r.x + r.width; x++)
                for (int s = 0; s <= 16; s += 8)
                    sum += Math.abs(((a.getRGB(x, y) >> s) & 0xFF) - ((b.getRGB(x, y) >> s) & 0xFF));
        return sum / (3.0 * r.width * r.height);
    }

    private static byte[] exec(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(String.join(" ", cmd)).isZero();
        return out;
    }
}
