package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.cli.PramaanCli;

/**
 * Generated MP3 and M4A get the profile's audio prompt (GB 45438-2025 §4) through the ffmpeg writer,
 * over real HTTP on a real server, and an audio-only MP4 with a generic brand goes to the audio writer.
 */
class GenerationAudioEndToEndTest extends ServerTestBase {
    private static final String CONTEXT = "{\"modelId\":\"musicgen\",\"modelVersion\":\"1\",\"prompt\":\"a tune\","
            + "\"userId\":\"u-7\",\"realName\":{\"verified\":true,\"method\":\"phone-sms\"},\"profile\":\"CN\"}";

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aGeneratedMp3M4aAndIsomMp4CarryThePromptAndTheRecordListsTheVisibleLabel() throws Exception {
        String service = app.keys().create(Role.INGEST, "generator").secret();
        for (String[] kind : List.of(
                new String[] {"libmp3lame", "mp3"}, new String[] {"aac", "ipod"}, new String[] {"aac", "mp4"})) {
            Path in = TestMedia.tone(dir.resolve("in-" + kind[1]), kind[0], kind[1]);
            HttpResponse<byte[]> made =
                    GenerationRequests.post(http, apiBase(), service, Files.readAllBytes(in), CONTEXT, Map.of());
            assertThat(made.statusCode())
                    .as(new String(made.body(), StandardCharsets.UTF_8))
                    .isEqualTo(201);
            assertThat(made.headers().firstValue("Pramaan-Generation-Marks"))
                    .as(kind[1])
                    .hasValueSatisfying(v -> assertThat(v).startsWith("visible-label,"));
            String id = made.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
            assertThat(api.get("/v1/generations/" + id, ADMIN).raw()).contains("visible-label");
            // 3 s of tone plus the 1.98 s rhythm "AI" at the start.
            Path out = Files.write(dir.resolve("out-" + kind[1]), made.body());
            assertThat(seconds(in)).as(kind[1]).isBetween(2.9, 3.2);
            assertThat(seconds(out)).as(kind[1]).isBetween(4.8, 5.3);
        }
    }

    @Test
    void anAudioOnlyMp4WithAGenericBrandGoesToTheAudioWriterNotTheVideoOne() throws Exception {
        Path mp4 = TestMedia.tone(dir.resolve("in.mp4"), "aac", "mp4");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(mp4), 12);
        assertThat(new String(head, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("isom");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(
                        ServerTestBase.config(dir.resolve("data"), Map.of()), Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "label",
                "apply",
                "--profile",
                "CN",
                mp4.toString(),
                dir.resolve("out.m4a").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("labelled MP4 for CN:").contains(" aac ");
        assertThat(seconds(dir.resolve("out.m4a"))).isBetween(4.8, 5.3);

        HttpResponse<byte[]> r = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(apiBase() + "/v1/labels/apply?profile=CN"))
                        .header("Authorization", "Bearer " + ingest)
                        .header("Content-Type", "application/octet-stream")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(mp4)))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("audio/mp4"));
        assertThat(r.headers().firstValue("Pramaan-Label-Prompt-Seconds")).contains("1.980");
    }

    private static double seconds(Path f) throws Exception {
        Process p = new ProcessBuilder(List.of(
                        "ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", f.toString()))
                .start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(p.waitFor()).as(s).isZero();
        return Double.parseDouble(s);
    }
}
