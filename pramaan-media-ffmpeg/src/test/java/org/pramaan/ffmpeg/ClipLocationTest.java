package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.VpdqHash;
import org.pramaan.hash.VpdqHasher;
import org.pramaan.hash.VpdqMatch;
import org.pramaan.hash.VpdqMatcher;
import org.pramaan.hash.VpdqSampling;
import org.pramaan.hash.VpdqSegment;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;

/**
 * The re-upload case vPDQ exists for: a 20 s clip cut from a removed 3-minute video, re-encoded at
 * another size and codec, is found and placed in the original by time.
 */
class ClipLocationTest {
    private static final double FPS = 10, CLIP_FROM = 61.5 /* between two 1 fps instants */, CLIP_SECONDS = 20;
    private static final VpdqHasher HASHER = new VpdqHasher(FfmpegMedia.videoDecoder(), new PdqHasher());

    @TempDir
    static Path dir;

    private static VpdqHash original;

    @BeforeAll
    static void makeOriginal() throws Exception {
        Path file = dir.resolve("original.mp4");
        SyntheticVideo scene = new SyntheticVideo(42, 16);
        try (VideoWriter w = VideoWriter.open(file, VideoWriter.Format.MPEG4_MP4, 160, 120, FPS, 4)) {
            for (int i = 0; i < 180 * FPS; i++) w.write(scene.frame(i / FPS, 160, 120));
        }
        // Stored densely (5 per second), queried at 1 per second: a cut rarely falls on a stored
        // sampling instant, and PDQ drifts past 31 bits within half a second of camera-speed motion
        // (measured on this scene: 38-84 bits at a 0.5 s phase, 10-30 bits in phase).
        original = HASHER.hash(file, VpdqSampling.perSecond(5), DecodeLimits.DEFAULT);
        assertThat(original.framesDecoded()).isEqualTo(1800);
        assertThat(original.frames()).hasSize(900);
    }

    @Test
    void aReencodedClipIsFoundAtItsPlace() throws Exception {
        Path clip = dir.resolve("clip.avi");
        // Cut by decoding the original and re-encoding the frames in range: a new size and codec.
        try (VideoWriter w = VideoWriter.open(clip, VideoWriter.Format.MJPEG_AVI, 224, 168, FPS, 6)) {
            FfmpegMedia.videoDecoder().decode(dir.resolve("original.mp4"), DecodeLimits.DEFAULT, 0, new Cut(w));
        }
        VpdqHash query = HASHER.hash(clip, VpdqSampling.ONE_PER_SECOND, DecodeLimits.DEFAULT);
        VpdqMatch m = VpdqMatcher.defaults().match(query.frames(), original.frames());
        System.out.printf(
                Locale.ROOT,
                "clip location: query %.1f %%, stored %.1f %%, segments %s%n",
                m.queryMatchPercent(),
                m.storedMatchPercent(),
                m.segments());
        assertThat(m.queryMatchPercent()).isGreaterThanOrEqualTo(80);
        assertThat(m.storedMatchPercent()).isBetween(1.0, 100.0 * CLIP_SECONDS / 180);
        VpdqSegment top = m.segments().get(0);
        assertThat(top.storedStart()).isCloseTo(CLIP_FROM, within(1.5));
        assertThat(top.storedEnd())
                .isCloseTo(CLIP_FROM + CLIP_SECONDS - 1, within(1.5)); // last sampled query frame is at 19 s
        assertThat(top.queryStart()).isCloseTo(0, within(1.5));
        assertThat(top.matchedFrames()).isGreaterThanOrEqualTo(16);
    }

    @Test
    void anotherVideoIsNotMatched() throws Exception {
        Path other = dir.resolve("other.mp4");
        SyntheticVideo scene = new SyntheticVideo(7, 7);
        try (VideoWriter w = VideoWriter.open(other, VideoWriter.Format.MPEG4_MP4, 160, 120, FPS, 4)) {
            for (int i = 0; i < CLIP_SECONDS * FPS; i++) w.write(scene.frame(i / FPS, 160, 120));
        }
        VpdqMatch m = VpdqMatcher.defaults()
                .match(
                        HASHER.hash(other, VpdqSampling.ONE_PER_SECOND, DecodeLimits.DEFAULT)
                                .frames(),
                        original.frames());
        System.out.printf(
                Locale.ROOT,
                "unrelated video: query %.1f %%, stored %.1f %%, segments %s%n",
                m.queryMatchPercent(),
                m.storedMatchPercent(),
                m.segments());
        assertThat(m.queryMatchPercent()).isLessThan(30);
        assertThat(m.segments()).allSatisfy(s -> assertThat(s.matchedFrames()).isLessThan(6));
    }

    /** Re-encodes the original's frames in [CLIP_FROM, CLIP_FROM + CLIP_SECONDS) at the writer's size. */
    private record Cut(VideoWriter out) implements VideoFrameSink {
        @Override
        public boolean wants(long n) {
            return n >= CLIP_FROM * FPS && n < (CLIP_FROM + CLIP_SECONDS) * FPS;
        }

        @Override
        public void accept(VideoFrame f) {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(
                    f.width(), f.height(), java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            byte[] bgr = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < bgr.length; i += 3) {
                bgr[i] = f.rgb()[i + 2];
                bgr[i + 1] = f.rgb()[i + 1];
                bgr[i + 2] = f.rgb()[i];
            }
            java.awt.image.BufferedImage scaled =
                    new java.awt.image.BufferedImage(224, 168, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(
                    java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, 224, 168, null);
            g.dispose();
            try {
                out.write(scaled);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
