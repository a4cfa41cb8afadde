package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pramaan.ffmpeg.FfmpegMedia;
import org.pramaan.ffmpeg.VideoWriter;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;
import org.pramaan.testkit.TestAudio;

/**
 * Issue 3, items 3-5: a removed video or sound is banked with its vPDQ frames and audio
 * fingerprint, and a re-encoded excerpt of it is blocked at upload with where it came from.
 * Videos are small (160×120, 10 fps) so the whole class runs in a few seconds.
 */
class AvBanksEndToEndTest extends ServerTestBase {
    private static final double FPS = 10;

    /** Shapes on slow orbits over a turning gradient: frames a second apart differ, neighbours stay close. */
    static BufferedImage scene(long seed, double t, int w, int h) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        float hue = (float) ((t / 90.0 + seed * 0.13) % 1.0);
        g.setPaint(new java.awt.GradientPaint(
                0, 0, Color.getHSBColor(hue, 0.6f, 0.9f), w, h, Color.getHSBColor(hue + 0.5f, 0.7f, 0.2f)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 12; i++) {
            double px = 30 + r.nextDouble() * 50,
                    py = 30 + r.nextDouble() * 50,
                    fx = r.nextDouble() * 6.3,
                    fy = r.nextDouble() * 6.3;
            int size = (int) ((0.1 + r.nextDouble() * 0.3) * Math.min(w, h));
            g.setColor(Color.getHSBColor(r.nextFloat(), 0.9f, 0.3f + 0.7f * r.nextFloat()));
            int x = (int) ((0.5 + 0.45 * Math.sin(2 * Math.PI * t / px + fx)) * w),
                    y = (int) ((0.5 + 0.45 * Math.cos(2 * Math.PI * t / py + fy)) * h);
            if (i % 2 == 0) g.fillOval(x - size / 2, y - size / 2, size, size);
            else g.fillRect(x - size / 2, y - size / 4, size, size / 2);
        }
        g.dispose();
        return img;
    }

    Path video(String name, long seed, double seconds) throws Exception {
        Path f = dataDir.resolve(name);
        try (VideoWriter w = VideoWriter.open(f, VideoWriter.Format.MPEG4_MP4, 160, 120, FPS, 4)) {
            for (int i = 0; i < seconds * FPS; i++) w.write(scene(seed, i / FPS, 160, 120));
        }
        return f;
    }

    /** Cuts [from, from + seconds) out of {@code original} by decoding it and re-encoding those frames at another size and quality. */
    Path clip(Path original, double from, double seconds) throws Exception {
        Path f = dataDir.resolve("clip.mp4");
        try (VideoWriter w = VideoWriter.open(f, VideoWriter.Format.MPEG4_MP4, 224, 168, FPS, 8)) {
            FfmpegMedia.videoDecoder().decode(original, DecodeLimits.DEFAULT, 0, new VideoFrameSink() {
                @Override
                public boolean wants(long n) {
                    return n >= from * FPS && n < (from + seconds) * FPS;
                }

                @Override
                public void accept(VideoFrame fr) {
                    BufferedImage img = new BufferedImage(fr.width(), fr.height(), BufferedImage.TYPE_INT_RGB);
                    for (int i = 0, p = 0; i < fr.width() * fr.height(); i++, p += 3) {
                        img.setRGB(
                                i % fr.width(),
                                i / fr.width(),
                                (fr.rgb()[p] & 0xFF) << 16 | (fr.rgb()[p + 1] & 0xFF) << 8 | (fr.rgb()[p + 2] & 0xFF));
                    }
                    BufferedImage big = new BufferedImage(224, 168, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = big.createGraphics();
                    g.setRenderingHint(
                            java.awt.RenderingHints.KEY_INTERPOLATION,
                            java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(img, 0, 0, 224, 168, null);
                    g.dispose();
                    try {
                        w.write(big);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        }
        return f;
    }

    ApiClient.Response post(Path file) throws Exception {
        return api.postBytes("/v1/media", ingest, Files.readAllBytes(file));
    }

    void remove(String mediaId) throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", mediaId);
        ApiClient.Response acted =
                api.postJson("/v1/cases/" + id + "/actions", reviewer, "{\"action\":\"remove\",\"note\":\"NCII\"}");
        assertThat(acted.status()).as(acted.raw()).isEqualTo(200);
    }

    static String decision(ApiClient.Response r) {
        return r.json().path("decision").path("decision").asText();
    }

    @Test
    void aReencodedClipOfARemovedVideoIsBlockedWithItsTimeRangeAndAnUnrelatedVideoIsNot() throws Exception {
        Path original = video("original.mp4", 7, 60);
        ApiClient.Response first = post(original);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        JsonNode frames = first.json().path("hashes").path("vpdq");
        assertThat(frames.size()).as("1 frame a second of a 60 s video").isEqualTo(60);
        assertThat(frames.get(5).path("timestampSeconds").asDouble()).isEqualTo(5.0, within(1e-9));
        remove(first.json().path("id").asText());

        // Cut on a whole second so the clip's 1 fps samples fall on the original's (see docs/performance.md, vPDQ at
        // intake).
        ApiClient.Response again = post(clip(original, 30, 20));
        assertThat(decision(again)).as(again.raw()).isEqualTo("BLOCK");
        JsonNode m = again.json().path("matches").get(0);
        assertThat(m.path("method").asText()).isEqualTo("vpdq");
        assertThat(m.path("kind").asText()).isEqualTo("removed");
        assertThat(m.path("details").path("queryMatchPercent").asDouble()).isGreaterThanOrEqualTo(80);
        assertThat(m.path("details").path("storedMatchPercent").asDouble()).isLessThan(50);
        JsonNode seg = m.path("segments").get(0);
        assertThat(seg.path("storedStartSeconds").asDouble()).isCloseTo(30, within(1.01));
        assertThat(seg.path("storedEndSeconds").asDouble()).isCloseTo(49, within(1.01));
        assertThat(seg.path("queryEndSeconds").asDouble()
                        - seg.path("queryStartSeconds").asDouble())
                .isGreaterThanOrEqualTo(15);

        ApiClient.Response other = post(video("other.mp4", 99, 20));
        assertThat(decision(other)).as(other.raw()).isNotEqualTo("BLOCK");
        assertThat(other.json().path("matches").size()).isZero();

        ApiClient.Response matched =
                api.postBytes("/v1/match", ingest, Files.readAllBytes(dataDir.resolve("clip.mp4")));
        assertThat(matched.status()).as(matched.raw()).isEqualTo(200);
        assertThat(matched.json().path("vpdq").size()).isEqualTo(20);
        assertThat(matched.json().path("matches").get(0).path("method").asText())
                .isEqualTo("vpdq");

        // The same by hashes alone, in the vPDQ reference tools' line form.
        StringBuilder lines = new StringBuilder();
        for (JsonNode f : matched.json().path("vpdq")) {
            lines.append(lines.isEmpty() ? "" : ",")
                    .append('"')
                    .append(f.path("frame").asLong())
                    .append(',')
                    .append(f.path("quality").asInt())
                    .append(',')
                    .append(f.path("hash").asText())
                    .append(',')
                    .append(f.path("timestampSeconds").asDouble())
                    .append('"');
        }
        ApiClient.Response byHash = api.postJson("/v1/match", ingest, "{\"vpdq\":[[" + lines + "]]}");
        assertThat(byHash.json()
                        .path("results")
                        .get(0)
                        .path("matches")
                        .get(0)
                        .path("segments")
                        .get(0)
                        .path("storedStartSeconds")
                        .asDouble())
                .as(byHash.raw())
                .isCloseTo(30, within(1.01));
        assertThat(api.postJson("/v1/match", ingest, "{\"vpdq\":[[\"1,2,3\"]]}")
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .startsWith("vpdq[0][0]:");
    }

    /** 16 kHz → 22.05 kHz by linear interpolation, 0.6× volume, the first {@code cut} seconds dropped: a re-encoded excerpt. */
    static float[] reencoded(float[] src, int rate, int newRate, double cut) {
        float[] in = TestAudio.from(src, cut, rate);
        float[] out = new float[(int) ((long) in.length * newRate / rate)];
        for (int i = 0; i < out.length; i++) {
            double x = (double) i * rate / newRate;
            int k = (int) x;
            double f = x - k, b = k + 1 < in.length ? in[k + 1] : in[k];
            out[i] = (float) (0.6 * (in[k] * (1 - f) + b * f));
        }
        return out;
    }

    @Test
    void aCutReencodedCopyOfRemovedAudioIsBlockedWithItsOffsetAndBitErrorRate() throws Exception {
        float[] speech = TestAudio.chords(11, 30, 16_000);
        ApiClient.Response first = api.postBytes("/v1/media", ingest, TestAudio.wav(speech, 16_000));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.json()
                        .path("hashes")
                        .path("audio")
                        .path("subFingerprints")
                        .asInt())
                .isGreaterThan(200);
        remove(first.json().path("id").asText());
        stop(); // banked fingerprints come back from the store after a restart
        start(Map.of());

        ApiClient.Response copy =
                api.postBytes("/v1/media", ingest, TestAudio.wav(reencoded(speech, 16_000, 22_050, 7.3), 22_050));
        assertThat(decision(copy)).as(copy.raw()).isEqualTo("BLOCK");
        JsonNode m = copy.json().path("matches").get(0);
        assertThat(m.path("method").asText()).isEqualTo("audio");
        assertThat(m.path("details").path("offsetSeconds").asDouble()).isCloseTo(7.3, within(0.3));
        assertThat(m.path("details").path("bitErrorRate").asDouble()).isLessThan(0.2);

        ApiClient.Response other =
                api.postBytes("/v1/media", ingest, TestAudio.wav(TestAudio.chords(12, 20, 16_000), 16_000));
        assertThat(decision(other)).as(other.raw()).isNotEqualTo("BLOCK");
    }

    /** A video with a sound track: MPEG-4 Part 2 video and AAC audio (encoders the bundled LGPL build has). */
    Path videoWithSound(String name, long seed, double seconds, float[] sound, int rate) throws Exception {
        FfmpegMedia.audioDecoder(); // loads the bundled natives
        Path f = dataDir.resolve(name);
        org.bytedeco.javacv.FFmpegFrameRecorder r =
                new org.bytedeco.javacv.FFmpegFrameRecorder(f.toFile(), 160, 120, 1);
        r.setFormat("mp4");
        r.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4);
        r.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(FPS);
        r.setVideoQuality(4);
        r.setAudioCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC);
        r.setSampleRate(rate);
        r.setAudioBitrate(96_000);
        r.start();
        org.bytedeco.javacv.Java2DFrameConverter conv = new org.bytedeco.javacv.Java2DFrameConverter();
        int perFrame = (int) (rate / FPS);
        for (int i = 0; i < seconds * FPS; i++) {
            r.record(conv.convert(scene(seed, i / FPS, 160, 120)));
            r.recordSamples(
                    rate,
                    1,
                    java.nio.FloatBuffer.wrap(sound, i * perFrame, Math.min(perFrame, sound.length - i * perFrame)));
        }
        r.stop();
        r.release();
        return f;
    }

    @Test
    void theSoundOfARemovedVideoIsBankedSoItsRippedAudioIsBlocked() throws Exception {
        float[] sound = TestAudio.chords(21, 20, 16_000);
        ApiClient.Response first = post(videoWithSound("talk.mp4", 5, 20, sound, 16_000));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.json().path("hashes").path("vpdq").size()).isEqualTo(20);
        assertThat(first.json()
                        .path("hashes")
                        .path("audio")
                        .path("durationSeconds")
                        .asDouble())
                .as(first.raw())
                .isCloseTo(20, within(0.5));
        remove(first.json().path("id").asText());

        ApiClient.Response ripped =
                api.postBytes("/v1/media", ingest, TestAudio.wav(reencoded(sound, 16_000, 22_050, 4.4), 22_050));
        assertThat(decision(ripped)).as(ripped.raw()).isEqualTo("BLOCK");
        assertThat(ripped.json().path("matches").get(0).path("method").asText()).isEqualTo("audio");
        assertThat(ripped.json()
                        .path("matches")
                        .get(0)
                        .path("details")
                        .path("offsetSeconds")
                        .asDouble())
                .isCloseTo(4.4, within(0.3));
    }

    @Test
    void anAudioFingerprintImportedAsJsonLinesIntoAHashOnlyBankBlocksACopy() throws Exception {
        float[] sound = TestAudio.chords(13, 20, 16_000);
        ApiClient.Response hashed = api.postBytes("/v1/hash", ingest, TestAudio.wav(sound, 16_000));
        String fp = hashed.json().path("audio").path("fingerprint").asText();
        assertThat(fp).as(hashed.raw()).isNotEmpty();
        api.postJson("/v1/banks", reviewer, "{\"name\":\"ncii\",\"kind\":\"ncii\"}");
        ApiClient.Response imported = api.send(
                "POST",
                "/v1/banks/ncii/items?format=jsonl",
                reviewer,
                "application/x-ndjson",
                "{\"audio\":\"" + fp + "\",\"note\":\"victim\"}\n");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        ApiClient.Response export = api.get("/v1/banks/ncii/export?format=jsonl", reviewer);
        assertThat(export.raw()).contains("\"audio\":\"" + fp + "\"");

        ApiClient.Response copy =
                api.postBytes("/v1/media", ingest, TestAudio.wav(reencoded(sound, 16_000, 22_050, 3.1), 22_050));
        assertThat(decision(copy)).as(copy.raw()).isEqualTo("BLOCK");
        assertThat(copy.json().path("matches").get(0).path("kind").asText()).isEqualTo("ncii");
        assertThat(copy.json().path("matches").get(0).path("method").asText()).isEqualTo("audio");
        ApiClient.Response byHash = api.postJson("/v1/match", ingest, "{\"audio\":[\"" + fp + "\"]}");
        assertThat(byHash.json()
                        .path("results")
                        .get(0)
                        .path("matches")
                        .get(0)
                        .path("details")
                        .path("bitErrorRate")
                        .asDouble())
                .as(byHash.raw())
                .isZero();
    }

    @Test
    void badVideoAndAudioGetClearErrorsAndAnUndecodableVideoKeepsItsExactHashes() throws Exception {
        byte[] good = Files.readAllBytes(video("short.mp4", 3, 8));
        ApiClient.Response truncated =
                api.postBytes("/v1/media", ingest, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(truncated.status()).isEqualTo(422);
        assertThat(truncated.json().path("error").path("code").asText())
                .as(truncated.raw())
                .isEqualTo("media.truncated");
        ApiClient.Response noSamples = api.postBytes("/v1/media", ingest, TestAudio.wav(new float[0], 16_000));
        assertThat(noSamples.status()).as("kept by its exact hashes").isEqualTo(201);
        assertThat(noSamples.json().path("hashes").path("errors").get(0).asText())
                .as(noSamples.raw())
                .startsWith("audio: media.corrupt")
                .contains("no audio sample")
                .doesNotContain(dataDir.toString());
        assertThat(api.postBytes("/v1/media", ingest, new byte[0])
                        .json()
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("media.empty");

        // A video its decoder refuses (here: over the configured duration) is stored with its exact hashes and a note,
        // and a removal still blocks its bytes.
        stop();
        start(Map.of("PRAMAAN_MEDIA_MAX_AV_DURATION", "PT5S"));
        ApiClient.Response tooLong = api.postBytes("/v1/media", ingest, good);
        assertThat(tooLong.status()).as(tooLong.raw()).isEqualTo(201);
        assertThat(tooLong.json().path("hashes").has("vpdq")).isFalse();
        assertThat(tooLong.json().path("hashes").path("errors").get(0).asText())
                .as(tooLong.raw())
                .startsWith("vpdq: media.too_long");
        remove(tooLong.json().path("id").asText());
        ApiClient.Response same = api.postBytes("/v1/media", ingest, good);
        assertThat(decision(same)).isEqualTo("BLOCK");
        assertThat(same.json().path("matches").get(0).path("method").asText()).isEqualTo("sha256");
    }
}
