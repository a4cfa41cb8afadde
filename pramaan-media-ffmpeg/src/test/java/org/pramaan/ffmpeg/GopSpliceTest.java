package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which inputs may be spliced after an opening-seconds label, and where; everything else is re-encoded whole. */
class GopSpliceTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsFfmpeg() {
        if (!new FfmpegVideoLabeller().available()) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("ffmpeg with libx264 is required in CI");
            Assumptions.abort("ffmpeg with libx264 not found on PATH: GOP splice tests skipped");
        }
    }

    @Test
    void theSplicePointIsTheFirstKeyframeAtOrAfterTheLabel() throws Exception {
        Path in = clip("h264.mp4", "libx264", 60); // 25 fps, keyframes at 0, 2.4, 4.8 s
        Optional<GopSplice.Point> p = GopSplice.find("ffprobe", in, 2.0, 6.0);
        assertThat(p).isPresent();
        assertThat(p.get().keyframeSeconds()).isEqualTo(2.4);
        assertThat(p.get().headFrames()).isEqualTo(60);
        assertThat(p.get().timescale()).isEqualTo(12800); // ffmpeg's MP4 timescale for 25 fps
    }

    @Test
    void noKeyframeAfterTheLabelMeansNoSplice() throws Exception {
        Path in = clip("long-gop.mp4", "libx264", 250); // one keyframe, at 0
        assertThat(GopSplice.find("ffprobe", in, 2.0, 6.0)).isEmpty();
    }

    @Test
    void aKeyframeInTheLastHalfSecondIsNotWorthASplice() throws Exception {
        Path in = clip("late.mp4", "libx264", 140); // keyframes at 0 and 5.6 s of 6 s
        assertThat(GopSplice.find("ffprobe", in, 2.0, 6.0)).isEmpty();
    }

    @Test
    void onlyH264IsSpliced() throws Exception {
        Path in = clip("mpeg4.mp4", "mpeg4", 50); // keyframes every 2 s, but MPEG-4 Part 2
        assertThat(GopSplice.find("ffprobe", in, 2.0, 6.0)).isEmpty();
    }

    private Path clip(String name, String codec, int gop) throws Exception {
        Path p = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x180:rate=25:duration=6",
                "-c:v",
                codec,
                "-g",
                Integer.toString(gop),
                "-pix_fmt",
                "yuv420p"));
        if (codec.equals("libx264")) cmd.addAll(List.of("-sc_threshold", "0")); // keyframes only where -g puts them
        cmd.add(p.toString());
        Process proc = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(proc.waitFor()).as(String.join(" ", cmd)).isZero();
        return p;
    }
}
