package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoDecoder;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;

/** Bad and oversized input is refused with a code and a message naming the problem, never a crash or hang. */
@Timeout(30)
class BadVideoTest {
    private static final VideoDecoder DECODER = FfmpegMedia.videoDecoder();

    @TempDir
    static Path dir;

    private static byte[] good;

    @BeforeAll
    static void makeVideo() throws Exception {
        Path f = dir.resolve("good.mp4");
        SyntheticVideo scene = new SyntheticVideo(3, 6);
        try (VideoWriter w = VideoWriter.open(f, VideoWriter.Format.MPEG4_MP4, 96, 64, 10, 5)) {
            for (int i = 0; i < 30; i++) w.write(scene.frame(i / 10.0, 96, 64));
        }
        good = Files.readAllBytes(f);
    }

    private static final VideoFrameSink COUNT = new VideoFrameSink() {
        @Override
        public void accept(VideoFrame frame) {
            assertThat(frame.rgb()).hasSize(frame.width() * frame.height() * 3);
        }
    };

    private static MediaRejectedException refusal(byte[] bytes, String name, DecodeLimits limits) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        try {
            DECODER.decode(f, limits, 0, COUNT);
        } catch (MediaRejectedException e) {
            assertThat(e.getMessage()).startsWith(f.toString());
            return e;
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void theGoodVideoDecodes() throws Exception {
        Path f = dir.resolve("good.mp4");
        VideoDecoder.DecodedVideo v = DECODER.decode(f, DecodeLimits.DEFAULT, 0, COUNT);
        assertThat(v.framesDecoded()).isEqualTo(30);
        assertThat(v.info().width()).isEqualTo(96);
        assertThat(v.info().frameRate()).isEqualTo(10.0);
        assertThat(DECODER.decode(f, DecodeLimits.DEFAULT, 32, new VideoFrameSink() {
                            @Override
                            public void accept(VideoFrame frame) {
                                assertThat(frame.width()).isEqualTo(32);
                            }
                        })
                        .framesDecoded())
                .isEqualTo(30);
    }

    @Test
    void aZeroLengthFileIsEmpty() throws Exception {
        assertThat(refusal(new byte[0], "empty.mp4", DecodeLimits.DEFAULT).code())
                .isEqualTo(RejectionCode.EMPTY);
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertThatThrownBy(() -> DECODER.decode(dir.resolve("nope.mp4"), DecodeLimits.DEFAULT, 0, COUNT))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.UNREADABLE));
    }

    @Test
    void randomBytesAreNotAContainer() throws Exception {
        byte[] noise = new byte[20_000];
        new Random(1).nextBytes(noise);
        MediaRejectedException e = refusal(noise, "noise.mp4", DecodeLimits.DEFAULT);
        assertThat(e.code()).isEqualTo(RejectionCode.CORRUPT);
        assertThat(e.getMessage()).contains("not a readable media container");
    }

    @Test
    void aTruncatedMp4IsRefused() throws Exception {
        // The moov box (frame index) is written last: cutting the file loses it.
        MediaRejectedException e =
                refusal(java.util.Arrays.copyOf(good, good.length / 2), "truncated.mp4", DecodeLimits.DEFAULT);
        assertThat(e.code()).isEqualTo(RejectionCode.CORRUPT);
        assertThat(e.getMessage()).contains("truncated");
    }

    @Test
    void damagedFramesAreSurvivedOrRefusedNeverCrash() throws Exception {
        Random r = new Random(5);
        for (int round = 0; round < 20; round++) {
            byte[] bad = good.clone();
            for (int i = 0; i < 200; i++) bad[48 + r.nextInt(bad.length - 48)] = (byte) r.nextInt(256);
            Path f = dir.resolve("damaged-" + round + ".mp4");
            Files.write(f, bad);
            try {
                assertThat(DECODER.decode(f, DecodeLimits.DEFAULT, 0, COUNT).framesDecoded())
                        .isBetween(1L, 40L);
            } catch (MediaRejectedException e) {
                assertThat(e.code())
                        .isIn(
                                RejectionCode.CORRUPT,
                                RejectionCode.NO_STREAM,
                                RejectionCode.UNKNOWN_TYPE,
                                RejectionCode.TOO_MANY_PIXELS);
            }
        }
    }

    @Test
    void limitsOnFramesDurationAndPixelsAreEnforced() throws Exception {
        assertThat(refusal(good, "frames.mp4", new DecodeLimits(Duration.ofHours(1), 10, 1_000_000))
                        .code())
                .isEqualTo(RejectionCode.TOO_LONG);
        MediaRejectedException longer =
                refusal(good, "long.mp4", new DecodeLimits(Duration.ofMillis(1500), 1000, 1_000_000));
        assertThat(longer.code()).isEqualTo(RejectionCode.TOO_LONG);
        assertThat(longer.getMessage()).contains("duration");
        assertThat(refusal(good, "pixels.mp4", new DecodeLimits(Duration.ofHours(1), 1000, 96 * 64 - 1))
                        .code())
                .isEqualTo(RejectionCode.TOO_MANY_PIXELS);
    }

    /** A playlist naming another file must not make FFmpeg open it (the HLS/concat file-read hole). */
    @Test
    void playlistsThatNameOtherFilesAreNotFollowed() throws Exception {
        String target = dir.resolve("good.mp4").toAbsolutePath().toString();
        for (String[] p : new String[][] {
            {"hls.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:3,\nfile://" + target + "\n#EXT-X-ENDLIST\n"},
            {"concat.txt", "ffconcat version 1.0\nfile '" + target + "'\n"}
        }) {
            MediaRejectedException e =
                    refusal(p[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), p[0], DecodeLimits.DEFAULT);
            assertThat(e.code()).as(p[0]).isEqualTo(RejectionCode.CORRUPT);
        }
    }

    @Test
    void anAudioOnlyFileHasNoVideoStream() throws Exception {
        MediaRejectedException e = refusal(wav(), "audio-only.wav", DecodeLimits.DEFAULT);
        assertThat(e.code()).isEqualTo(RejectionCode.NO_STREAM);
        assertThat(e.getMessage()).contains("no decodable video stream");
    }

    static byte[] wav() throws Exception {
        float[] tone = new float[8000];
        for (int i = 0; i < tone.length; i++) tone[i] = (float) Math.sin(2 * Math.PI * 440 * i / 8000.0) * 0.5f;
        return AudioDecoderTest.wav(tone, 8000, 1);
    }
}
