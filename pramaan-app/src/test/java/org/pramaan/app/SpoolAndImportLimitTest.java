package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.json.Json;
import org.pramaan.testkit.TestImages;

/**
 * Issue 11 defects 6 and 10: the upload spool is emptied on every error path and swept at start-up;
 * bank imports are streamed under a configurable byte and item limit, refused with 413
 * {@code bank.import_too_large} (chunked bodies too), all items stored or none.
 */
class SpoolAndImportLimitTest extends ServerTestBase {
    @TempDir
    Path scratch;

    @Test
    void leftoversOfAKilledServerAreSweptWhenTheServerStarts() throws Exception {
        stop();
        Path tmp = Files.createDirectories(dataDir.resolve("tmp"));
        // What a SIGKILL mid-request leaves: our spool files and Jetty's multipart cache file.
        Files.write(tmp.resolve("upload-123.bin"), new byte[1 << 20]);
        Files.write(tmp.resolve("import-456.bin"), "f".repeat(64).getBytes(StandardCharsets.US_ASCII));
        Files.write(tmp.resolve("MultiPart7890.multipart"), new byte[4096]);
        assertThat(spoolFiles()).hasSize(3);
        start(Map.of());
        assertThat(spoolFiles()).as("spool after restart").isEmpty();
        assertThat(api.get("/v1/banks", ADMIN).status()).isEqualTo(200);
    }

    @Test
    void theSweepRemovesFilesButNotFoldersAndCountsThem() throws Exception {
        Files.write(scratch.resolve("upload-1.bin"), new byte[10]);
        Files.write(scratch.resolve("upload-2.bin"), new byte[0]);
        Files.createDirectories(scratch.resolve("keep"));
        Files.write(scratch.resolve("keep").resolve("inner.bin"), new byte[1]);
        assertThat(SpoolSweep.sweep(scratch)).isEqualTo(2);
        assertThat(scratch.resolve("keep").resolve("inner.bin")).exists();
        assertThat(SpoolSweep.sweep(scratch.resolve("absent"))).isZero();
    }

    @Test
    void aClientThatGoesAwayMidUploadLeavesNoSpoolFile() throws Exception {
        for (String route : List.of("/v1/media", "/v1/hash", "/v1/banks/gone/items")) {
            api.postJson("/v1/banks", ADMIN, "{\"name\":\"gone\",\"kind\":\"known-deepfake\"}");
            try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write(("POST " + route + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ADMIN
                                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (8 << 20)
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[2 << 20]);
                out.flush();
                awaitSpool(route, true);
            }
            awaitSpool(route, false);
        }
    }

    @Test
    void aWellFormedLargeMultipartUploadLeavesNoSpoolOrCacheFile() throws Exception {
        byte[] big = TestImages.png(TestImages.photo(1200, 900, 11));
        assertThat(big.length).isGreaterThan(1 << 20); // past Jetty's in-memory part size: it goes through a cache file
        ApiClient.Response r = api.postMultipart("/v1/media", ingest, big, "not_synthetic");
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void anImportOverTheByteLimitIs413AndStoresNothingWithOrWithoutContentLength() throws Exception {
        stop();
        start(Map.of("PRAMAAN_BANKS_MAX_IMPORT_BYTES", "1000"));
        api.postJson("/v1/banks", ADMIN, "{\"name\":\"feed\",\"kind\":\"partner-feed\"}");
        long audit = auditLength();
        String lines = hashLines(20, 1); // 20 x 65 bytes = 1300 bytes
        ApiClient.Response sized = api.sendBytes(
                "/v1/banks/feed/items?format=lines", ADMIN, "text/plain", lines.getBytes(StandardCharsets.US_ASCII));
        assertTooLarge(sized.status(), sized.raw(), "1000");
        // HttpClient sends a stream of unknown length chunked: no Content-Length to check first.
        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(apiBase() + "/v1/banks/feed/items?format=lines"))
                                .header("Authorization", "Bearer " + ADMIN)
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(lines.getBytes(StandardCharsets.US_ASCII))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.request().headers().firstValue("Content-Length")).isEmpty();
        assertTooLarge(chunked.statusCode(), chunked.body(), "1000");
        assertThat(api.get("/v1/banks/feed", ADMIN).json().path("items").asInt())
                .isZero();
        assertThat(auditLength()).isEqualTo(audit);
        assertThat(spoolFiles()).isEmpty();
        ApiClient.Response fits = api.sendBytes(
                "/v1/banks/feed/items?format=lines",
                ADMIN,
                "text/plain",
                hashLines(15, 2).getBytes(StandardCharsets.US_ASCII));
        assertThat(fits.status()).as(fits.raw()).isEqualTo(201);
        assertThat(fits.json().path("imported").asInt()).isEqualTo(15);
    }

    @Test
    void anImportOverTheItemLimitIs413AndStoresNothing() throws Exception {
        stop();
        start(Map.of("PRAMAAN_BANKS_MAX_IMPORT_ITEMS", "3"));
        api.postJson("/v1/banks", ADMIN, "{\"name\":\"feed\",\"kind\":\"partner-feed\"}");
        ApiClient.Response over = api.sendBytes(
                "/v1/banks/feed/items?format=lines",
                ADMIN,
                "text/plain",
                hashLines(4, 3).getBytes(StandardCharsets.US_ASCII));
        assertTooLarge(over.status(), over.raw(), "3");
        assertThat(over.json().path("error").path("message").asText()).contains("banks.max-import-items");
        assertThat(api.get("/v1/banks/feed", ADMIN).json().path("items").asInt())
                .isZero();
        ApiClient.Response fits = api.sendBytes(
                "/v1/banks/feed/items?format=lines",
                ADMIN,
                "text/plain",
                ("# comments and blank lines are not items\n\n" + hashLines(3, 4)).getBytes(StandardCharsets.US_ASCII));
        assertThat(fits.status()).as(fits.raw()).isEqualTo(201);
        assertThat(fits.json().path("imported").asInt()).isEqualTo(3);
    }

    @Test
    void aBadLastLineStoresNothingAndAHugeUnbrokenLineIsRefusedByLength() throws Exception {
        api.postJson("/v1/banks", ADMIN, "{\"name\":\"feed\",\"kind\":\"partner-feed\"}");
        ApiClient.Response bad = api.sendBytes(
                "/v1/banks/feed/items?format=lines",
                ADMIN,
                "text/plain",
                (hashLines(50, 5) + "not-a-hash\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        assertThat(bad.json().path("error").path("code").asText()).isEqualTo("bank.import_invalid");
        assertThat(bad.json().path("error").path("message").asText()).contains("line 51");
        byte[] oneLine = new byte[8 << 20];
        java.util.Arrays.fill(oneLine, (byte) 'a');
        ApiClient.Response huge = api.sendBytes("/v1/banks/feed/items?format=lines", ADMIN, "text/plain", oneLine);
        assertThat(huge.status()).as(huge.raw()).isEqualTo(400);
        assertThat(huge.json().path("error").path("message").asText())
                .contains("line 1")
                .contains("65536");
        assertThat(api.get("/v1/banks/feed", ADMIN).json().path("items").asInt())
                .isZero();
        assertThat(spoolFiles()).isEmpty();
    }

    @Test
    void theLimitsAreConfigurationCheckedAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> config(dataDir, Map.of("PRAMAAN_BANKS_MAX_IMPORT_ITEMS", "0")))
                .hasMessageContaining("banks.max-import-items");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> config(dataDir, Map.of("PRAMAAN_BANKS_MAX_IMPORT_BYTES", "64MB")))
                .hasMessageContaining("banks.max-import-bytes");
        assertThat(config(dataDir, Map.of()).banks().imports()).isEqualTo(org.pramaan.banks.BankFiles.Limits.DEFAULT);
    }

    private static void assertTooLarge(int status, String body, String limit) throws IOException {
        assertThat(status).as(body).isEqualTo(413);
        var json = Json.mapper().readTree(body);
        assertThat(json.path("error").path("code").asText()).as(body).isEqualTo("bank.import_too_large");
        assertThat(json.path("error").path("message").asText()).contains(limit).contains("nothing was imported");
    }

    private static String hashLines(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 64; k++) s.append(Character.forDigit(r.nextInt(16), 16));
            s.append('\n');
        }
        return s.toString();
    }

    private long auditLength() throws Exception {
        return api.get("/v1/audit/verify", ADMIN).json().path("entriesChecked").asLong();
    }

    /** Polls (a condition, not a deadline) until the spool has a file ({@code present}) or none; bounded so a bug fails rather than hangs. */
    private void awaitSpool(String route, boolean present) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            if (spoolFiles().isEmpty() != present) return;
            Thread.sleep(20);
        }
        throw new AssertionError(route + ": the spool " + (present ? "never got a file" : "still has " + spoolFiles()));
    }

    private List<Path> spoolFiles() throws IOException {
        Path tmp = dataDir.resolve("tmp");
        if (!Files.isDirectory(tmp)) return List.of();
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
