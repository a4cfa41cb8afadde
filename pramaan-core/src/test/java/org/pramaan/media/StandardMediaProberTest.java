package org.pramaan.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pramaan.media.MediaFixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StandardMediaProberTest {
    private final MediaProber prober = MediaProber.standard();

    MediaInfo probe(byte[] b) throws Exception {
        return prober.probe(MediaSource.of(b), MediaLimits.defaults());
    }

    RejectionCode refusal(byte[] b, MediaLimits limits) {
        try {
            prober.probe(MediaSource.of(b), limits);
        } catch (MediaRejectedException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.code();
        } catch (Exception e) {
            throw new AssertionError("expected a refusal, got " + e, e);
        }
        throw new AssertionError("expected a refusal, but the file was accepted");
    }

    RejectionCode refusal(byte[] b) {
        return refusal(b, MediaLimits.defaults());
    }

    static Stream<Arguments> everyType() {
        return Stream.of(
                Arguments.of("jpeg", jpeg(), MediaType.JPEG, "40x30", null),
                Arguments.of("png", png(), MediaType.PNG, "40x30", null),
                Arguments.of("gif", gif(), MediaType.GIF, "40x30", null),
                Arguments.of("tiff", tiff(), MediaType.TIFF, "40x30", null),
                Arguments.of("webp lossless", webp(300, 200), MediaType.WEBP, "300x200", null),
                Arguments.of("webp extended", webpExtended(5000, 4000), MediaType.WEBP, "5000x4000", null),
                Arguments.of("heif", heif("heic", 4032, 3024), MediaType.HEIF, "4032x3024", null),
                Arguments.of("avif", heif("avif", 1920, 1080), MediaType.AVIF, "1920x1080", null),
                Arguments.of("mp4", mp4("isom", "vide", 1280, 720, 1000, 5000), MediaType.MP4, "1280x720", "PT5S"),
                Arguments.of("mov", mp4("qt  ", "vide", 640, 480, 600, 1800), MediaType.MOV, "640x480", "PT3S"),
                Arguments.of("m4a", mp4("M4A ", "soun", 0, 0, 44100, 441000), MediaType.M4A, null, "PT10S"),
                Arguments.of("webm", matroska("webm", 854, 480, 2500.0), MediaType.WEBM, "854x480", "PT2.5S"),
                Arguments.of("mkv", matroska("matroska", 1920, 800, 61000.0), MediaType.MKV, "1920x800", "PT1M1S"),
                Arguments.of("wav", wav(2.0), MediaType.WAV, null, "PT2S"),
                Arguments.of("mp3", mp3(20, true), MediaType.MP3, null, null),
                Arguments.of("flac", flac(88200), MediaType.FLAC, null, "PT2S"),
                Arguments.of("ogg vorbis", oggVorbis(48000, 96000), MediaType.OGG, null, "PT2S"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void sniffsEveryTypeAndReadsItsHeaders(String name, byte[] bytes, MediaType type, String dims, String duration)
            throws Exception {
        MediaInfo info = probe(bytes);
        assertThat(info.type()).isEqualTo(type);
        assertThat(info.sizeBytes()).isEqualTo(bytes.length);
        assertThat(info.dimensions().map(Dimensions::toString)).isEqualTo(Optional.ofNullable(dims));
        if (duration != null) assertThat(info.duration()).contains(Duration.parse(duration));
    }

    @Test
    void mp3DurationIsEstimatedFromTheBitrate() throws Exception {
        MediaInfo info = probe(mp3(100, false));
        assertThat(info.duration().orElseThrow().toMillis()).isBetween(2600L, 2620L); // 100 × 417 bytes at 128 kbit/s
    }

    @Test
    void theBytesDecideNotTheFileName(@TempDir Path dir) throws Exception {
        Path misnamed = Files.write(dir.resolve("holiday.txt"), png());
        try (MediaSource src = MediaSource.open(misnamed)) {
            assertThat(prober.probe(src, MediaLimits.defaults()).type()).isEqualTo(MediaType.PNG);
        }
        Path fake = Files.write(dir.resolve("photo.jpg"), "<html>not a photo</html>".getBytes());
        try (MediaSource src = MediaSource.open(fake)) {
            assertThatThrownBy(() -> prober.probe(src, MediaLimits.defaults()))
                    .isInstanceOf(MediaRejectedException.class)
                    .hasMessageContaining("first bytes");
        }
    }

    @Test
    void refusesEmptyOversizedAndUnknownFiles() {
        assertThat(refusal(new byte[0])).isEqualTo(RejectionCode.EMPTY);
        assertThat(refusal(png(), new MediaLimits(100, 1_000_000))).isEqualTo(RejectionCode.TOO_LARGE);
        assertThat(refusal("hello, world".getBytes())).isEqualTo(RejectionCode.UNKNOWN_TYPE);
        assertThat(refusal(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).isEqualTo(RejectionCode.UNKNOWN_TYPE);
    }

    @Test
    void refusesTooManyPixelsFromTheHeaderAlone() {
        assertThat(refusal(pngHeaderOnly(60_000, 60_000))).isEqualTo(RejectionCode.TOO_MANY_PIXELS);
        assertThat(refusal(webpExtended(12_000, 9_000))).isEqualTo(RejectionCode.TOO_MANY_PIXELS);
        assertThat(refusal(png(), new MediaLimits(1 << 20, 1000))).isEqualTo(RejectionCode.TOO_MANY_PIXELS);
    }

    @Test
    void refusesTruncatedFiles() {
        for (byte[] whole : new byte[][] {
            jpeg(),
            png(),
            wav(1.0),
            mp4("isom", "vide", 320, 240, 1000, 1000),
            flac(1000),
            gif(),
            matroska("webm", 320, 240, 1000.0),
            webp(10, 10),
            oggVorbis(44100, 1000)
        }) {
            byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
            RejectionCode code;
            try {
                code = refusal(cut);
            } catch (AssertionError e) {
                throw new AssertionError("cut at 2/3 accepted: " + probeName(whole), e);
            }
            assertThat(code).as("cut at 2/3: %s", probeName(whole)).isEqualTo(RejectionCode.TRUNCATED);
        }
        byte[] noMoov = concat(ftyp("isom"), box("mdat", new byte[100]));
        assertThat(refusal(noMoov)).isEqualTo(RejectionCode.TRUNCATED);
    }

    @Test
    void refusesCorruptStructures() {
        byte[] badCrc = png();
        badCrc[40] ^= 0x55;
        assertThat(refusal(badCrc)).isEqualTo(RejectionCode.CORRUPT);
        byte[] zeroWidth = pngHeaderOnly(0, 10);
        assertThat(refusal(zeroWidth)).isEqualTo(RejectionCode.CORRUPT);
        assertThat(refusal(concat(
                        ftyp("isom"),
                        new MediaFixtures.Buf().u32be(4).ascii("moov").get())))
                .isEqualTo(RejectionCode.CORRUPT);
        assertThat(refusal(new MediaFixtures.Buf()
                        .ascii("fLaC")
                        .bytes(0x84, 0, 0, 10)
                        .zeros(20)
                        .get()))
                .isEqualTo(RejectionCode.CORRUPT);
    }

    @Test
    void aJpegOfEndlessFillBytesIsRefusedWithoutCrawlingIt() throws Exception {
        byte[] b = new byte[200_000];
        java.util.Arrays.fill(b, (byte) 0xFF);
        b[1] = (byte) 0xD8;
        assertThat(refusal(b)).isEqualTo(RejectionCode.CORRUPT);
        assertThat(MediaSource.of(new byte[3]).readUpTo(3, 10))
                .as("reading at the end gives nothing, not an error")
                .isEmpty();
    }

    @Test
    void aSourceThatFailsToReadIsUnreadable() {
        MediaSource failing = new MediaSource() {
            @Override
            public long size() {
                return 1000;
            }

            @Override
            public void readFully(long position, byte[] dst, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("disk error at " + position);
            }
        };
        assertThatThrownBy(() -> prober.probe(failing, MediaLimits.defaults()))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining("disk error")
                .extracting(e -> ((MediaRejectedException) e).code())
                .isEqualTo(RejectionCode.UNREADABLE);
    }

    private static String probeName(byte[] b) {
        return new String(b, 0, Math.min(12, b.length), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("[^ -~]", ".");
    }
}
