package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.watermark.VideoAttacks;

/**
 * Our keyed watermark in generated video (issue 14 item 2), over real HTTP: a generated MP4 comes back
 * with every frame marked; re-encoded at H.264 CRF 28 with all metadata dropped, "is this ours?" still
 * finds its record by the watermark, and intake reports the same STRONG watermark signal as for an
 * image; a clean video gets none; a corrupt MP4 is refused naming the file, with no output. Needs the
 * system ffmpeg with libx264 (skipped with a message without it, never under CI=true).
 */
class GenerationVideoWatermarkEndToEndTest extends ServerTestBase {
    private static final String KEY = "gen1:"
            + Base64.getEncoder()
                    .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final Map<String, String> CONFIG = Map.of(
            "PRAMAAN_WATERMARK_KEYS", KEY,
            "PRAMAAN_WATERMARK_SIGNING_KEY", "gen1",
            "PRAMAAN_WATERMARK_OPERATOR_ID", "77");
    private static final String CONTEXT =
            "{\"modelId\":\"videogen\",\"modelVersion\":\"1.0\",\"prompt\":\"a kite over a field\","
                    + "\"userId\":\"u-42\",\"realName\":{\"verified\":true,\"method\":\"phone-sms\"},\"profile\":\"CN\"}";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aGeneratedVideoIsFoundByItsWatermarkAfterCrf28WithoutMetadataAndIntakeSeesTheMark() throws Exception {
        Path in = clip(dir.resolve("in.mp4"), "testsrc2", 4);
        stop();
        start(CONFIG);
        String service = app.keys().create(Role.INGEST, "generator").secret();
        HttpResponse<byte[]> made =
                GenerationRequests.post(http, apiBase(), service, Files.readAllBytes(in), CONTEXT, Map.of());
        assertThat(made.statusCode())
                .as(new String(made.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
        assertThat(made.headers().firstValue("Pramaan-Generation-Marks").orElseThrow())
                .contains("watermark");

        Path marked = Files.write(dir.resolve("marked.mp4"), made.body());
        Path reencoded = dir.resolve("crf28.mp4");
        List<String> attack = VideoAttacks.CRF_28.ffmpegArgs(marked.toString(), reencoded.toString());
        // TestMedia.ffmpeg adds the "-nostdin -v error -y" the attack's arguments start with
        TestMedia.ffmpeg("libx264", attack.subList(4, attack.size()).toArray(String[]::new));
        byte[] copy = Files.readAllBytes(reencoded);
        ApiClient.Response found = api.postBytes("/v1/generations/lookup", service, copy);
        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.json().path("method").asText()).isEqualTo("watermark");
        assertThat(found.json().path("record").path("id").asText()).isEqualTo(id);

        ApiClient.Response screened = api.postBytes("/v1/media", service, copy);
        assertThat(screened.status()).as(screened.raw()).isIn(200, 201);
        List<JsonNode> marks = watermarkSignals(screened.json());
        assertThat(marks).as(screened.raw()).hasSize(1);
        assertThat(marks.get(0).path("value").asText()).isEqualTo("pramaan:gen1");
        assertThat(marks.get(0).path("strength").asText()).isEqualTo("STRONG");
    }

    @Test
    void aCleanVideoHasNoWatermarkSignalAndACorruptOneIsRefusedWithNoOutput() throws Exception {
        Path clean = clip(dir.resolve("clean.mp4"), "testsrc2", 3);
        stop();
        start(CONFIG);
        String service = app.keys().create(Role.INGEST, "generator").secret();
        ApiClient.Response screened = api.postBytes("/v1/media", service, Files.readAllBytes(clean));
        assertThat(screened.status()).as(screened.raw()).isIn(200, 201);
        assertThat(watermarkSignals(screened.json())).as(screened.raw()).isEmpty();

        byte[] bytes = Files.readAllBytes(clean);
        for (int i = 2048; i < bytes.length; i++) bytes[i] = (byte) (i * 31); // header kept, frames garbled
        HttpResponse<byte[]> refused = GenerationRequests.post(http, apiBase(), service, bytes, CONTEXT, Map.of());
        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertThat(refused.statusCode()).as(body).isBetween(400, 499);
        assertThat(body).contains("file");
        assertThat(refused.headers().firstValue("Pramaan-Generation-Id")).isEmpty();
    }

    private static List<JsonNode> watermarkSignals(JsonNode media) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode s : media.path("signals")) if (s.path("type").asText().equals("INVISIBLE_WATERMARK")) out.add(s);
        return out;
    }

    /** A 640×360 25 fps H.264/AAC clip; skips (never in CI) without ffmpeg and libx264. */
    private static Path clip(Path out, String source, int seconds) throws InterruptedException {
        TestMedia.ffmpeg(
                "libx264",
                "-f",
                "lavfi",
                "-i",
                source + "=size=640x360:rate=25:duration=" + seconds,
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
                out.toString());
        return out;
    }
}
