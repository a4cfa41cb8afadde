package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.json.Json;
import org.pramaan.testkit.TestImages;

/**
 * Issue 11 defect 9: a retried request with the same {@code Idempotency-Key} never creates a second
 * case (or upload, or bank item); real server, real HTTP, the store read back to count.
 */
class IdempotencyKeyTest extends ServerTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    record Reply(int status, String body, String type, boolean replayed) {
        JsonNode json() throws java.io.IOException {
            return Json.mapper().readTree(body);
        }
    }

    private Reply post(String path, String key, String idempotencyKey, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBase() + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(
                r.statusCode(),
                r.body(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.headers()
                        .firstValue("Idempotent-Replayed")
                        .map("true"::equals)
                        .orElse(false));
    }

    private Reply postJson(String path, String key, String idempotencyKey, String json) throws Exception {
        return post(path, key, idempotencyKey, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private int openCases() throws Exception {
        return api.get("/v1/cases", reviewer).json().size();
    }

    private String complaint(String media, String complainant) {
        return "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + media + "\",\"fields\":{\"complainant\":\""
                + complainant + "\"}}";
    }

    @Test
    void defect9_aRetriedNoticeWithTheSameKeyOpensOneCaseAndReplaysTheFirstAnswer() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 21)));
        String key = UUID.randomUUID().toString();
        Reply first = postJson("/v1/notices", ingest, key, complaint(media, "self"));
        Reply retry = postJson("/v1/notices", ingest, key, complaint(media, "self"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.type()).startsWith("application/json");
        assertThat(retry.replayed()).isTrue();
        assertThat(openCases()).isEqualTo(1);
        // Quoted as an RFC 8941 sf-string, as the draft writes it: the same key.
        assertThat(postJson("/v1/notices", ingest, "\"" + key + "\"", complaint(media, "self"))
                        .replayed())
                .isTrue();
        assertThat(openCases()).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIs409NamingTheKey() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 22)));
        assertThat(postJson("/v1/notices", ingest, "k-1", complaint(media, "self"))
                        .status())
                .isEqualTo(201);
        Reply other = postJson("/v1/notices", ingest, "k-1", complaint(media, "someone else"));
        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.json().path("error").path("code").asText()).isEqualTo("idempotency.conflict");
        assertThat(other.json().path("error").path("message").asText()).contains("Idempotency-Key 'k-1'");
        String caseId = api.get("/v1/cases", reviewer).json().get(0).path("id").asText();
        Reply elsewhere = postJson("/v1/cases/" + caseId + "/actions", reviewer, "k-1", "{\"action\":\"dismiss\"}");
        assertThat(elsewhere.status())
                .as("another key's k-1 is its own: " + elsewhere.body())
                .isEqualTo(200);
        Reply sameKeyOtherPath =
                postJson("/v1/cases/" + caseId + "X/actions", reviewer, "k-1", "{\"action\":\"dismiss\"}");
        assertThat(sameKeyOtherPath.status()).as(sameKeyOtherPath.body()).isEqualTo(409);
        assertThat(openCases()).isZero();
    }

    @Test
    void aJsonBodySentAsFormOrTextIsReadTheSameWithAKey() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 29)));
        byte[] body = complaint(media, "self").getBytes(StandardCharsets.UTF_8);
        Reply form =
                post("/v1/notices", ingest, "curl-d", "application/x-www-form-urlencoded", body); // what curl -d sends
        assertThat(form.status()).as(form.body()).isEqualTo(201);
        assertThat(post("/v1/notices", ingest, "curl-d", "application/x-www-form-urlencoded", body)
                        .replayed())
                .isTrue();
        assertThat(openCases()).isEqualTo(1);
    }

    @Test
    void aRetentionShorterThanADayStopsStartUpNamingTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> config(dataDir, java.util.Map.of("PRAMAAN_IDEMPOTENCY_RETENTION", "PT23H")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotency.retention")
                .hasMessageContaining("PT24H");
        assertThat(config(dataDir, java.util.Map.of("PRAMAAN_IDEMPOTENCY_RETENTION", "P7D"))
                        .storage()
                        .idempotencyRetention())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void keysAreScopedPerApiKey() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 23)));
        assertThat(postJson("/v1/notices", ingest, "shared", complaint(media, "self"))
                        .replayed())
                .isFalse();
        Reply byReviewer = postJson("/v1/notices", reviewer, "shared", complaint(media, "self"));
        assertThat(byReviewer.status()).isEqualTo(201);
        assertThat(byReviewer.replayed()).isFalse();
        assertThat(openCases()).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeaderAndNothingIsDone() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 24)));
        for (String bad : new String[] {"x".repeat(256), "with space", "quote\"inside", "\"\"", "tab\there"}) {
            Reply r = postJson("/v1/notices", ingest, bad, complaint(media, "self"));
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("idempotency.key_invalid");
            assertThat(r.json().path("error").path("message").asText()).contains("Idempotency-Key");
        }
        assertThat(openCases()).isZero();
        assertThat(postJson("/v1/notices", ingest, "x".repeat(255), complaint(media, "self"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aRefusedRequestFreesItsKeyForTheCorrectedOne() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 25)));
        Reply refused =
                postJson("/v1/notices", ingest, "fix-me", "{\"noticeType\":\"IN_NOPE\",\"mediaId\":\"" + media + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        Reply corrected = postJson("/v1/notices", ingest, "fix-me", complaint(media, "self"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.replayed()).isFalse();
    }

    @Test
    void keysAreKeptForTheRetentionThenForgotten() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 26)));
        assertThat(postJson("/v1/notices", ingest, "daily", complaint(media, "self"))
                        .status())
                .isEqualTo(201);
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(postJson("/v1/notices", ingest, "daily", complaint(media, "self"))
                        .replayed())
                .as("kept 24 h")
                .isTrue();
        assertThat(app.idempotency().sweep()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(app.idempotency().sweep()).isEqualTo(1);
        Reply later = postJson("/v1/notices", ingest, "daily", complaint(media, "self"));
        assertThat(later.replayed()).isFalse();
        assertThat(openCases()).isEqualTo(2);
    }

    @Test
    void uploadsBankImportsAndHmaContentAreNotRepeatedEither() throws Exception {
        byte[] png = TestImages.png(TestImages.photo(90, 60, 27));
        Reply raw = post("/v1/media", ingest, "up-1", "application/octet-stream", png);
        Reply rawRetry = post("/v1/media", ingest, "up-1", "application/octet-stream", png);
        assertThat(raw.status()).as(raw.body()).isEqualTo(201);
        assertThat(rawRetry.body()).isEqualTo(raw.body());
        assertThat(rawRetry.replayed()).isTrue();
        String media = raw.json().path("id").asText();
        assertThat(api.get("/v1/media/" + media, ingest).json().path("uploads"))
                .as("one upload recorded")
                .hasSize(1);
        byte[] other = TestImages.png(TestImages.photo(90, 60, 28));
        assertThat(post("/v1/media", ingest, "up-1", "application/octet-stream", other)
                        .status())
                .isEqualTo(409);

        String boundary = "b-" + UUID.randomUUID();
        Reply multi = post(
                "/v1/media",
                ingest,
                "up-2",
                "multipart/form-data; boundary=" + boundary,
                multipart(boundary, other, "not_synthetic"));
        String boundary2 = "b-" + UUID.randomUUID();
        Reply multiRetry = post(
                "/v1/media",
                ingest,
                "up-2",
                "multipart/form-data; boundary=" + boundary2,
                multipart(boundary2, other, "not_synthetic"));
        assertThat(multi.status()).as(multi.body()).isIn(200, 201);
        assertThat(multiRetry.replayed())
                .as("a new boundary is the same request")
                .isTrue();
        assertThat(api.get("/v1/media/" + multi.json().path("id").asText(), ingest)
                        .json()
                        .path("uploads"))
                .hasSize(1);

        assertThat(api.postJson("/v1/banks", reviewer, "{\"name\":\"feed\",\"kind\":\"partner-feed\"}")
                        .status())
                .isEqualTo(201);
        String lines = "f".repeat(16) + "0".repeat(48) + "\n" + "0".repeat(48) + "f".repeat(16) + "\n";
        Reply imported = post(
                "/v1/banks/feed/items?format=lines",
                reviewer,
                "imp-1",
                "text/plain",
                lines.getBytes(StandardCharsets.UTF_8));
        Reply reimported = post(
                "/v1/banks/feed/items?format=lines",
                reviewer,
                "imp-1",
                "text/plain",
                lines.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(reimported.replayed()).isTrue();
        assertThat(api.get("/v1/banks/feed/items", reviewer).json().path("items"))
                .hasSize(2);

        String signal = "{\"signal_type\":\"pdq\",\"signal\":\"" + "a".repeat(64) + "\"}";
        Reply hma = postJson("/c/bank/feed/content", reviewer, "hma-1", signal);
        assertThat(postJson("/c/bank/feed/content", reviewer, "hma-1", signal).body())
                .isEqualTo(hma.body());
        assertThat(api.get("/v1/banks/feed/items", reviewer).json().path("items"))
                .hasSize(3);
        assertThat(dataDir.resolve("tmp")).as("no spool file is left behind").isEmptyDirectory();
    }

    private static byte[] multipart(String boundary, byte[] file, String declaration) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"declaration\"\r\n\r\n"
                        + declaration + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return body;
    }
}
