package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.watermark.KeyedDetection;
import org.pramaan.watermark.KeyedWatermark;
import org.pramaan.watermark.VideoAttacks;
import org.pramaan.watermark.VideoWatermarkReader;
import org.pramaan.watermark.VideoWatermarkWriter;
import org.pramaan.watermark.WatermarkKey;

/** Our keyed watermark in real H.264/AAC MP4s: marked by the ffmpeg pipeline, attacked by ffmpeg, read back. */
class VideoWatermarkTest {
    @TempDir
    Path dir;

    private final FfmpegVideoWatermarker writer = new FfmpegVideoWatermarker();
    private final VideoWatermarkReader reader =
            new VideoWatermarkReader(new FfmpegVideoDecoder(), DecodeLimits.DEFAULT, 1);
    private final KeyedWatermark ours = new KeyedWatermark(
            new WatermarkKey("ours", "video watermark test key".getBytes(StandardCharsets.US_ASCII)));
    private final KeyedWatermark other =
            new KeyedWatermark(new WatermarkKey("other", "another operator's key".getBytes(StandardCharsets.US_ASCII)));

    @BeforeEach
    void needsFfmpeg() {
        if (!writer.available()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("ffmpeg with libx264 is required in CI");
            Assumptions.abort("ffmpeg with libx264 not found on PATH: video watermark tests skipped");
        }
    }

    @Test
    void everyFrameIsMarkedAudioCopiedAndThePayloadSurvivesCrf28AndAHalfSizeCopy() throws Exception {
        Path in = clip("in.mp4", 640, 360, 4);
        Path out = dir.resolve("marked.mp4");
        int payload = 0x00A_12345;
        Optional<VideoWatermarkWriter.Result> r = writer.mark(in, out, ours, payload, 256);
        assertThat(r).isPresent();
        assertThat(r.get().frames()).isEqualTo(100); // 4 s at 25 fps
        assertThat(r.get().audioCopied()).isTrue();
        assertThat(probe(out)).contains("h264").contains("aac");
        for (VideoAttacks a : List.of(VideoAttacks.NONE, VideoAttacks.CRF_28, VideoAttacks.HALF)) {
            KeyedDetection d = ours.detect(reader.read(attack(out, a)));
            assertThat(d.detected()).as(a.label()).isTrue();
            assertThat(d.payload()).as(a.label()).hasValue(payload);
        }
        assertThat(other.detect(reader.read(out)).detected())
                .as("another key reads nothing")
                .isFalse();
    }

    @Test
    void aCleanVideoHasNoMarkAndTheTestDatasVideosNeither() throws Exception {
        assertThat(ours.detect(reader.read(clip("clean.mp4", 640, 360, 4))).detected())
                .isFalse();
        Path videos = SharedTestData.folder("vpdq/sample-videos");
        try (var files = Files.list(videos)) {
            for (Path v : files.filter(f -> f.toString().endsWith(".mp4")).toList()) {
                KeyedDetection d = ours.detect(reader.read(v));
                assertThat(d.detected()).as(v.getFileName().toString()).isFalse();
                assertThat(d.score())
                        .as(v.getFileName() + " below the threshold")
                        .isLessThan(d.threshold());
            }
        }
    }

    @Test
    void aCorruptVideoIsRefusedByNameAndNothingIsWritten() throws Exception {
        Path good = clip("good.mp4", 640, 360, 2);
        byte[] bytes = Files.readAllBytes(good);
        Path bad = dir.resolve("bad.mp4");
        // keep the header boxes, garble everything after the first 2 KB
        for (int i = 2048; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Files.write(bad, bytes);
        Path out = dir.resolve("out.mp4");
        assertThatThrownBy(() -> writer.mark(bad, out, ours, 1, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file: ");
        assertThat(out).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temporary output left behind")
                    .noneMatch(n -> n.startsWith(".pramaan-"));
        }
    }

    @Test
    void framesUnderTheMinimumSideAndAudioOnlyFilesAreLeftAlone() throws Exception {
        Path small = clip("small.mp4", 320, 240, 1);
        assertThat(writer.mark(small, dir.resolve("s.mp4"), ours, 1, 256)).isEmpty();
        Path audio = dir.resolve("tone.m4a");
        ffmpeg(List.of("-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac", audio.toString()));
        assertThat(writer.mark(audio, dir.resolve("a.mp4"), ours, 1, 256)).isEmpty();
        assertThat(dir.resolve("s.mp4")).doesNotExist();
    }

    private Path attack(Path marked, VideoAttacks a) throws Exception {
        if (a == VideoAttacks.NONE) return marked;
        Path out = dir.resolve(a + ".mp4");
        List<String> args = new ArrayList<>(a.ffmpegArgs(marked.toString(), out.toString()));
        ffmpeg(args.subList(4, args.size()));
        return out;
    }

    /** testsrc2 (moving, coloured) with a tone, H.264/AAC at 25 fps. */
    private Path clip(String name, int w, int h, int seconds) throws Exception {
        Path out = dir.resolve(name);
        ffmpeg(List.of(
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + w + "x" + h + ":rate=25:duration=" + seconds,
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
                out.toString()));
        return out;
    }

    private static void ffmpeg(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError("ffmpeg failed: " + log);
    }

    private static String probe(Path f) throws Exception {
        Process p = new ProcessBuilder(
                        "ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", f.toString())
                .redirectErrorStream(true)
                .start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return s;
    }
}
