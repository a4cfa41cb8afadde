package org.pramaan.app;

import java.util.Map;
import org.pramaan.provenance.MetadataEmbedder;
import org.pramaan.provenance.Xmp;
import org.pramaan.testkit.TestImages;

/** Labelled and unlabelled images for the end-to-end tests, generated here. */
final class TestMedia {
    static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    static final String AIGC =
            "{\"Label\":\"1\",\"ContentProducer\":\"001191110108MA01KP2T5U00000\",\"ProduceID\":\"20260301-000042\","
                    + "\"ReservedCode1\":\"\",\"ContentPropagator\":\"\",\"PropagateID\":\"\",\"ReservedCode2\":\"\"}";

    private TestMedia() {}

    /**
     * A 3-second 320×240 H.264 MP4 made by the system's ffmpeg (Debian's, with libx264) at {@code out}. Without it
     * the calling test is skipped, except under {@code CI=true}, where {@code .ci/run} installs ffmpeg.
     */
    static void x264Mp4(java.nio.file.Path out) throws InterruptedException {
        ffmpeg(
                "libx264",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=3",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                out.toString());
    }

    /** A 3 s 330 Hz MP3 at 128 kb/s; skips (never in CI) without ffmpeg and libmp3lame. */
    static void mp3(java.nio.file.Path out) throws InterruptedException {
        tone(out, "libmp3lame", "mp3");
    }

    /** A 3 s 330 Hz tone (44.1 kHz, 128 kb/s where the codec takes a bit rate) in {@code format}; skips as above. */
    static java.nio.file.Path tone(java.nio.file.Path out, String codec, String format) throws InterruptedException {
        ffmpeg(
                codec,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=330:duration=3:sample_rate=44100",
                "-c:a",
                codec,
                "-b:a",
                "128k",
                "-f",
                format,
                out.toString());
        return out;
    }

    /** Runs the system ffmpeg quietly; a missing ffmpeg or {@code encoder} skips the test, except under CI=true. */
    static void ffmpeg(String encoder, String... args) throws InterruptedException {
        java.util.List<String> command =
                new java.util.ArrayList<>(java.util.List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        command.addAll(java.util.List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) throw new java.io.IOException("ffmpeg failed to encode with " + encoder);
        } catch (java.io.IOException e) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("ffmpeg with " + encoder + " is required in CI", e);
            org.junit.jupiter.api.Assumptions.abort("ffmpeg with " + encoder + " not found: " + e.getMessage());
        }
    }

    static byte[] cameraJpeg(long seed) {
        byte[] jpeg = TestImages.jpeg(TestImages.photo(640, 480, seed), 0.9f);
        return MetadataEmbedder.withExif(jpeg, Map.of(0x010F, "Canon", 0x0110, "Canon EOS R6"));
    }

    static byte[] aiJpeg(long seed) {
        return MetadataEmbedder.withXmp(
                TestImages.jpeg(TestImages.photo(640, 480, seed), 0.9f), Xmp.digitalSourceType(TRAINED));
    }

    static byte[] aigcPng(long seed) {
        return MetadataEmbedder.withPngText(TestImages.png(TestImages.photo(320, 240, seed)), "AIGC", AIGC);
    }
}
