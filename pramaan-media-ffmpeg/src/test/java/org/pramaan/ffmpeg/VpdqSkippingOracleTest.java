package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.VpdqHash;
import org.pramaan.hash.VpdqHasher;
import org.pramaan.hash.VpdqSampling;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;

/**
 * The skipping decode (non-reference frames no sample needs are dropped, frames numbered by pts
 * rank) against the plain every-frame decode, the oracle: same frame numbers, timestamps and RGB
 * bytes of every sampled frame, same frame count, and no silent fallback to the plain path.
 */
class VpdqSkippingOracleTest {
    private static final Path VIDEOS = SharedTestData.folder("vpdq").resolve("sample-videos");

    static Stream<String> samples() throws IOException {
        try (Stream<Path> s = Files.list(VIDEOS)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleVideosDecodeTheSameSampledFramesAtOneFramePerSecond(String name) throws Exception {
        Path video = VIDEOS.resolve(name);
        long dropped = compare(video, 30);
        long frames;
        try (VideoSession s = VideoSession.open(video, DecodeLimits.DEFAULT)) {
            frames = s.run(0, new Recorder(1_000_000, false), false);
        }
        // Keyframes (IDR) every 60 frames, samples every 30: the frames between a mid-GOP sample
        // and the next IDR (about half) drop as well as non-reference frames elsewhere.
        assertThat(dropped).as("frames dropped in " + name).isGreaterThan(frames * 2 / 5);
    }

    @Test
    void theHasherGivesTheSameVpdqEitherWay() throws Exception {
        VpdqHasher hasher = new VpdqHasher(FfmpegMedia.videoDecoder(), new PdqHasher());
        Path video = VIDEOS.resolve("chair-19-sd-bar.mp4");
        VpdqHash plain = hasher.decodingEveryFrame().hash(video, VpdqSampling.ONE_PER_SECOND, DecodeLimits.DEFAULT);
        VpdqHash skipping = hasher.hash(video, VpdqSampling.ONE_PER_SECOND, DecodeLimits.DEFAULT);
        assertThat(skipping.frames()).hasSizeGreaterThan(10);
        assertThat(skipping).isEqualTo(plain);
    }

    /** Generated with the ffmpeg tool: B-pyramids, HEVC, MPEG-4 part 2, variable frame rate. */
    @Test
    void generatedVideosWithBFramesAndVariableFrameRate(@TempDir Path dir) throws Exception {
        String src = "testsrc2=size=320x240:rate=30";
        String[][] encodes = {
            {"x264-pyramid.mp4", "-c:v", "libx264", "-bf", "3", "-b-pyramid", "normal", "-g", "48"},
            {"x264-open-gop.mkv", "-c:v", "libx264", "-bf", "5", "-x264-params", "open-gop=1:keyint=37"},
            {"x265-b.mp4", "-c:v", "libx265", "-x265-params", "bframes=4:b-pyramid=1:log-level=error"},
            {"mpeg4-b.avi", "-c:v", "mpeg4", "-bf", "2"},
            {
                "x264-vfr.mp4",
                "-vf",
                "select='lt(mod(n\\,10)\\,7)+eq(mod(n\\,13)\\,0)'",
                "-fps_mode",
                "vfr",
                "-c:v",
                "libx264",
                "-bf",
                "3"
            },
        };
        for (String[] e : encodes) {
            Path out = dir.resolve(e[0]);
            List<String> cmd = new ArrayList<>(
                    List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", src, "-t", "9", "-pix_fmt", "yuv420p"));
            cmd.addAll(List.of(e).subList(1, e.length));
            cmd.add(out.toString());
            runFfmpeg(cmd);
            for (int mod : new int[] {30, 7, 2}) {
                if (e[0].endsWith(".avi")) {
                    // AVI packets carry no pts: the numbering cannot be proven, the decoder falls back.
                    assertThatThrownBy(() -> compare(out, mod)).isInstanceOf(SkipNumbering.Fallback.class);
                    Recorder viaFallback = new Recorder(mod, true), plain = new Recorder(mod, false);
                    long a = FfmpegMedia.videoDecoder()
                            .decode(out, DecodeLimits.DEFAULT, 0, viaFallback)
                            .framesDecoded();
                    long b = FfmpegMedia.videoDecoder()
                            .decode(out, DecodeLimits.DEFAULT, 0, plain)
                            .framesDecoded();
                    assertThat(viaFallback.restarts).isEqualTo(1);
                    assertThat(a).isEqualTo(b);
                    assertThat(viaFallback.lines).isEqualTo(plain.lines);
                } else {
                    long dropped = compare(out, mod);
                    // Every 2nd frame leaves no room outside the reorder window: nothing may drop.
                    if (mod == 30)
                        assertThat(dropped).as(e[0] + " dropped frames").isPositive();
                }
            }
        }
    }

    /** Decodes {@code video} both ways sampling every {@code mod}-th frame; returns frames dropped. */
    private static long compare(Path video, int mod) throws Exception {
        Recorder plain = new Recorder(mod, false), skipping = new Recorder(mod, true);
        long plainFrames, skipFrames, dropped;
        try (VideoSession s = VideoSession.open(video, DecodeLimits.DEFAULT)) {
            plainFrames = s.run(0, plain, false);
        }
        try (VideoSession s = VideoSession.open(video, DecodeLimits.DEFAULT)) {
            skipFrames = s.run(0, skipping, true); // a Fallback here fails the test: numbering not proven
            dropped = s.dropped();
        }
        assertThat(skipFrames).as(video + " frame count, every " + mod).isEqualTo(plainFrames);
        assertThat(skipping.lines).as(video + " sampled frames, every " + mod).isEqualTo(plain.lines);
        assertThat(plain.lines).hasSize((int) ((plainFrames + mod - 1) / mod));
        return dropped;
    }

    private static void runFfmpeg(List<String> cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException absent) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError("the ffmpeg tool is required in CI");
            Assumptions.abort("the ffmpeg tool is not installed: generated B-frame/VFR videos not checked");
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("ffmpeg " + cmd + ": " + log).isZero();
    }

    private static final class Recorder implements VideoFrameSink {
        final int mod;
        final boolean skipping;
        final List<String> lines = new ArrayList<>();
        int restarts;

        Recorder(int mod, boolean skipping) {
            this.mod = mod;
            this.skipping = skipping;
        }

        @Override
        public boolean allowsSkipping() {
            return skipping;
        }

        @Override
        public void restart() {
            restarts++;
            lines.clear();
        }

        @Override
        public boolean wants(long frameNumber) {
            return frameNumber % mod == 0;
        }

        @Override
        public void accept(VideoFrame f) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(f.rgb());
                lines.add(f.frameNumber() + " " + f.ptsSeconds() + " " + f.width() + "x" + f.height() + " "
                        + HexFormat.of().formatHex(d));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
