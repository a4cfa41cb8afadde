package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.json.Json;
import org.pramaan.testkit.TestImages;

/**
 * Issue 11's crash test: the real server in its own process, killed with SIGKILL at random points
 * of a mixed workload (uploads, notices, bank imports, item removals), at least 20 times, and
 * restarted each time. Requests cut off by a kill are retried after the restart with the same
 * {@code Idempotency-Key}, as a client would. At the end:
 * <ul>
 *   <li>every acknowledged write is there (media, uploads, cases, bank items, removals);</li>
 *   <li>no retried request was applied twice (one upload per upload key, one case per notice key,
 *       each imported hash once);</li>
 *   <li>the in-memory matcher agrees with the database for every hash ever imported, so no phantom
 *       entry blocks uploads and no stored one is missing;</li>
 *   <li>no spool file is left in the data directory's {@code tmp/};</li>
 *   <li>{@code GET /v1/audit/verify} finds the chain intact.</li>
 * </ul>
 * The workload runs on one client thread while the test thread kills the server after a random
 * delay, so kills land before, inside and after requests' transactions.
 */
class SigkillMixedWorkloadTest {
    static final String ADMIN = "pmn_sigkill_test_admin_key_0123456789";
    static final int KILLS = 22;
    static final String BANK = "crash-removed";

    @TempDir
    Path dir;

    Process server;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final PdqHasher pdq = new PdqHasher();

    /** A write the client sent; {@code acked} once a 2xx came back. */
    record Op(String kind, String key, String path, String contentType, byte[] body, String marker) {}

    // The ledger: what the server acknowledged, and what was cut off and must be retried.
    final List<Op> pending = new ArrayList<>();
    final Map<String, String> uploadMedia = new LinkedHashMap<>(); // upload marker -> media id
    final Map<String, String> noticeCases = new LinkedHashMap<>(); // notice marker -> case id
    final Map<String, Long> importedItems = new LinkedHashMap<>(); // pdq hex -> item id (acknowledged)
    final Set<String> everImported = new HashSet<>(); // every pdq hex ever sent in an import
    final Set<String> removedAcked = new HashSet<>(); // pdq hex whose removal was acknowledged
    final Set<String> removalAttempted = new HashSet<>(); // pdq hex whose removal was sent (maybe applied)
    final List<String> mediaIds = new ArrayList<>();
    int next;

    @AfterEach
    void kill() {
        if (server != null) server.destroyForcibly();
    }

    @Test
    void killedTwentyTimesMidWorkloadItKeepsEveryAcknowledgedWriteAndDuplicatesNothing() throws Exception {
        Path clockFile = dir.resolve("clock");
        Path data = dir.resolve("data");
        ClockFileServer.FileClock.set(clockFile, Instant.parse("2026-06-01T09:00:00Z"));
        Random random = new Random(20261204);
        int port = start(clockFile, data);
        assertThat(send(
                                port,
                                "POST",
                                "/v1/banks",
                                "application/json",
                                ("{\"name\":\"" + BANK + "\",\"kind\":\"removed\"}").getBytes(StandardCharsets.UTF_8),
                                null)
                        .statusCode())
                .isEqualTo(201);
        String seedMedia = ack(send(
                        port, "POST", "/v1/media?externalId=seed", "application/octet-stream", image(1), "seed-upload"))
                .path("id")
                .asText();
        mediaIds.add(seedMedia);
        long ops = 0;
        long cutOff = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            retryPending(port);
            AtomicBoolean stop = new AtomicBoolean();
            final int p = port;
            long[] counts = new long[2];
            Thread worker = new Thread(
                    () -> {
                        Random r = new Random(random.nextLong());
                        while (!stop.get()) {
                            counts[0]++;
                            if (!step(p, r)) {
                                counts[1]++;
                                return; // the server is gone
                            }
                        }
                    },
                    "workload");
            worker.start();
            Thread.sleep(150 + random.nextInt(900)); // a random point of the workload, not a deadline
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
            stop.set(true);
            worker.join(30_000);
            assertThat(worker.isAlive())
                    .as("the workload thread ends once the server is gone")
                    .isFalse();
            ops += counts[0];
            cutOff += counts[1];
            port = start(clockFile, data);
        }
        retryPending(port);
        assertThat(pending).as("every cut-off request went through on retry").isEmpty();
        System.out.printf(
                "sigkill: %d kills, %d requests, %d cut off and retried; %d uploads, %d cases, %d items imported, %d removed%n",
                KILLS, ops, cutOff, uploadMedia.size(), noticeCases.size(), importedItems.size(), removedAcked.size());
        assertThat(cutOff).as("kills landed while requests were in flight").isPositive();

        // Every acknowledged upload is there, once.
        for (Map.Entry<String, String> u : uploadMedia.entrySet()) {
            JsonNode m = ack(send(port, "GET", "/v1/media/" + u.getValue(), null, null, null));
            List<String> ext = new ArrayList<>();
            m.path("uploads").forEach(x -> ext.add(x.path("externalId").asText()));
            assertThat(ext).as("uploads of %s", u.getKey()).containsExactly(u.getKey());
        }
        // Every acknowledged notice is one case.
        Map<String, Integer> casesByMarker = new HashMap<>();
        ack(send(port, "GET", "/v1/cases", null, null, null))
                .forEach(c ->
                        casesByMarker.merge(c.path("notice").path("complainant").asText(), 1, Integer::sum));
        for (Map.Entry<String, String> n : noticeCases.entrySet()) {
            assertThat(casesByMarker.get(n.getKey()))
                    .as("cases for notice %s", n.getKey())
                    .isEqualTo(1);
            assertThat(send(port, "GET", "/v1/cases/" + n.getValue(), null, null, null)
                            .statusCode())
                    .isEqualTo(200);
        }
        // The bank holds each acknowledged hash once, none whose removal was acknowledged, and the matcher agrees with
        // it.
        Map<String, Integer> stored = new HashMap<>();
        for (String line : new String(
                        send(port, "GET", "/v1/banks/" + BANK + "/export?format=jsonl", null, null, null)
                                .body(),
                        StandardCharsets.UTF_8)
                .split("\n")) {
            if (!line.isBlank())
                stored.merge(Json.mapper().readTree(line).path("pdq").asText(), 1, Integer::sum);
        }
        stored.values().forEach(n -> assertThat(n).as("no hash imported twice").isEqualTo(1));
        for (String h : importedItems.keySet()) {
            if (!removalAttempted.contains(h))
                assertThat(stored).as("acknowledged import %s", h).containsKey(h);
        }
        for (String h : removedAcked)
            assertThat(stored).as("acknowledged removal %s", h).doesNotContainKey(h);
        for (String h : everImported) {
            JsonNode results = ack(send(
                    port,
                    "POST",
                    "/v1/match",
                    "application/json",
                    ("{\"pdq\":[\"" + h + "\"]}").getBytes(StandardCharsets.UTF_8),
                    null));
            boolean matches = false;
            for (JsonNode m : results.path("results").get(0).path("matches"))
                matches |= m.path("bank").asText().equals(BANK)
                        && m.path("distance").asInt() == 0;
            assertThat(matches)
                    .as("matcher and store agree on %s (stored: %s)", h, stored.containsKey(h))
                    .isEqualTo(stored.containsKey(h));
        }
        // No stale spool file; the audit chain is intact.
        try (Stream<Path> files =
                Files.exists(data.resolve("tmp")) ? Files.list(data.resolve("tmp")) : Stream.empty()) {
            assertThat(files.toList()).as("spool files left in tmp/").isEmpty();
        }
        HttpResponse<byte[]> verify = send(port, "GET", "/v1/audit/verify", null, null, null);
        assertThat(verify.statusCode())
                .as(new String(verify.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(Json.mapper().readTree(verify.body()).path("valid").asBoolean())
                .isTrue();
    }

    /** One random write; false when the server went away mid-request (the op is then pending). */
    private boolean step(int port, Random r) {
        int pick = r.nextInt(100);
        Op op;
        if (pick < 35 || mediaIds.isEmpty()) {
            int n = next++;
            String marker = "up-" + n;
            op = new Op(
                    "upload",
                    "idem-" + marker,
                    "/v1/media?externalId=" + marker,
                    "application/octet-stream",
                    image(1000 + n),
                    marker);
        } else if (pick < 60) {
            int n = next++;
            String marker = "nt-" + n;
            String media = mediaIds.get(r.nextInt(mediaIds.size()));
            op = new Op(
                    "notice",
                    "idem-" + marker,
                    "/v1/notices",
                    "application/json",
                    ("{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + media
                                    + "\",\"fields\":{\"complainant\":\"" + marker + "\"}}")
                            .getBytes(StandardCharsets.UTF_8),
                    marker);
        } else if (pick < 80 || importedItems.size() <= removalAttempted.size()) {
            int n = next++;
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                PdqResult h = pdq.hash(TestImages.photo(64, 64, 500_000 + 2L * n + i));
                everImported.add(h.hash().toHex());
                lines.append("{\"pdq\":\"")
                        .append(h.hash().toHex())
                        .append("\",\"quality\":")
                        .append(h.quality())
                        .append(",\"note\":\"imp-")
                        .append(n)
                        .append("\"}\n");
            }
            op = new Op(
                    "import",
                    "idem-imp-" + n,
                    "/v1/banks/" + BANK + "/items?format=jsonl",
                    "application/x-ndjson",
                    lines.toString().getBytes(StandardCharsets.UTF_8),
                    "imp-" + n);
        } else {
            List<String> candidates = importedItems.keySet().stream()
                    .filter(h -> !removalAttempted.contains(h))
                    .toList();
            String h = candidates.get(r.nextInt(candidates.size()));
            removalAttempted.add(h);
            try {
                int status = send(
                                port,
                                "DELETE",
                                "/v1/banks/" + BANK + "/items/" + importedItems.get(h),
                                null,
                                null,
                                null)
                        .statusCode();
                assertThat(status).isIn(204, 404);
                if (status == 204) removedAcked.add(h);
                return true;
            } catch (IOException e) {
                return false; // maybe applied, maybe not: the final check accepts either, but store and matcher must
                // agree
            }
        }
        try {
            record(op, send(port, "POST", op.path(), op.contentType(), op.body(), op.key()));
            return true;
        } catch (IOException e) {
            pending.add(op);
            return false;
        }
    }

    private void retryPending(int port) throws Exception {
        List<Op> again = new ArrayList<>(pending);
        pending.clear();
        for (Op op : again) record(op, send(port, "POST", op.path(), op.contentType(), op.body(), op.key()));
    }

    private void record(Op op, HttpResponse<byte[]> resp) throws IOException {
        JsonNode body = ack(resp);
        switch (op.kind()) {
            case "upload" -> {
                uploadMedia.put(op.marker(), body.path("id").asText());
                mediaIds.add(body.path("id").asText());
            }
            case "notice" -> noticeCases.put(op.marker(), body.path("id").asText());
            case "import" -> {
                List<String> hashes = new ArrayList<>();
                for (String line : new String(op.body(), StandardCharsets.UTF_8).split("\n"))
                    hashes.add(Json.mapper().readTree(line).path("pdq").asText());
                JsonNode ids = body.path("ids");
                assertThat(ids.size()).as("items stored by %s", op.marker()).isEqualTo(hashes.size());
                for (int i = 0; i < hashes.size(); i++)
                    importedItems.put(hashes.get(i), ids.get(i).asLong());
            }
            default -> throw new AssertionError(op.kind());
        }
    }

    private static JsonNode ack(HttpResponse<byte[]> resp) throws IOException {
        assertThat(resp.statusCode())
                .as(new String(resp.body(), StandardCharsets.UTF_8))
                .isBetween(200, 299);
        return Json.mapper().readTree(resp.body());
    }

    private HttpResponse<byte[]> send(
            int port, String method, String path, String contentType, byte[] body, String idempotencyKey)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN);
        if (contentType != null) b.header("Content-Type", contentType);
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] image(long seed) {
        return TestImages.png(TestImages.photo(64, 48, seed));
    }

    private int start(Path clockFile, Path data) throws Exception {
        // Rate limits off: the file clock stands still, so a key's bucket would never refill.
        ClockFileServer.Launched l = ClockFileServer.launch(
                clockFile,
                Map.of(
                        "PRAMAAN_DATA_DIR",
                        data.toString(),
                        "PRAMAAN_ADMIN_KEY",
                        ADMIN,
                        "PRAMAAN_HTTP_RATE_LIMIT_ENABLED",
                        "false"),
                "-Xmx512m");
        server = l.process();
        return l.port();
    }
}
