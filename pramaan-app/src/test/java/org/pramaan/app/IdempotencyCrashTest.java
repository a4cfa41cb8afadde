package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseFile;
import org.pramaan.json.Json;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;

/**
 * Issue 11 defect 9 under SIGKILL: a client sends notices, each with its own Idempotency-Key, while
 * the server is killed at random points (20 kills); after each restart it retries every key it had
 * sent. No key may ever open two cases, every answer the client saw must replay byte for byte, and a
 * retry is either that replay, a first run (the kill came before anything took effect) or 409
 * {@code idempotency.interrupted} (the effect committed, its response was lost).
 */
class IdempotencyCrashTest {
    static final String ADMIN = "pmn_idem_crash_admin_key_0123456789";
    static final int KILLS = 20;

    @TempDir
    Path dir;

    Process server;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void kill() {
        if (server != null) server.destroyForcibly();
    }

    record Answer(int status, String body, boolean replayed) {}

    @Test
    void aRetriedRequestIsNeverDuplicatedWhereverTheServerIsKilled() throws Exception {
        Path clockFile = dir.resolve("clock");
        Path data = dir.resolve("data");
        ClockFileServer.FileClock.set(clockFile, Instant.parse("2026-05-04T06:00:00Z"));
        int port = start(clockFile, data);
        JsonNode up = Json.mapper()
                .readTree(send(
                                port,
                                "/v1/media",
                                null,
                                "application/octet-stream",
                                TestImages.png(TestImages.photo(90, 60, 31)))
                        .body());
        String media = up.path("id").asText();
        Random random = new Random(20261204);
        Map<String, Answer> seen = new ConcurrentHashMap<>(); // what the client was told before a kill
        List<String> sent = new ArrayList<>();
        int interrupted = 0;
        int rerun = 0;
        for (int round = 0; round < KILLS; round++) {
            int r = round;
            int roundPort = port;
            List<String> roundKeys = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread client = new Thread(
                    () -> {
                        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                            String key = "r" + r + "-" + i;
                            roundKeys.add(key);
                            try {
                                seen.put(
                                        key,
                                        send(roundPort, "/v1/notices", key, "application/json", notice(media, key)));
                            } catch (Exception e) {
                                return; // the server died under this request
                            }
                        }
                    },
                    "idempotent-client");
            client.setDaemon(true);
            client.start();
            Thread.sleep(40 + random.nextInt(400)); // a random point in the stream of requests, not a deadline
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
            client.join(10_000);
            sent.addAll(roundKeys);
            port = start(clockFile, data);
            for (String key : roundKeys) {
                Answer retry = send(port, "/v1/notices", key, "application/json", notice(media, key));
                Answer before = seen.get(key);
                if (before != null && before.status() == 201) {
                    assertThat(retry.replayed())
                            .as("key %s was answered before the kill", key)
                            .isTrue();
                    assertThat(retry.body()).isEqualTo(before.body());
                } else if (retry.status() == 409) {
                    assertThat(Json.mapper()
                                    .readTree(retry.body())
                                    .path("error")
                                    .path("code")
                                    .asText())
                            .as(retry.body())
                            .isEqualTo("idempotency.interrupted");
                    interrupted++;
                } else {
                    assertThat(retry.status())
                            .as("key %s: %s", key, retry.body())
                            .isEqualTo(201);
                    rerun++;
                }
                assertThat(send(port, "/v1/notices", key, "application/json", notice(media, key))
                                .status())
                        .isIn(201, 409);
            }
        }
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        server = null;
        Map<String, String> env =
                new HashMap<>(Map.of("PRAMAAN_DATA_DIR", data.toString(), "PRAMAAN_ADMIN_KEY", ADMIN));
        try (Embedded app = new Embedded(
                PramaanConfig.load(env, new java.util.Properties()), FakeClock.at("2026-05-04T06:00:00Z"))) {
            Map<String, Integer> casesPerKey = new HashMap<>();
            for (CaseFile c : app.cases().open()) casesPerKey.merge(c.notice().get("complainant"), 1, Integer::sum);
            assertThat(casesPerKey.values()).as("no key opened two cases").allMatch(n -> n == 1);
            assertThat(casesPerKey.keySet())
                    .as("every case came from a key the client sent")
                    .isSubsetOf(sent);
            assertThat(app.audit().verify().valid()).isTrue();
            System.out.printf(
                    "idempotency-crash: %d kills, %d keys sent, %d cases, %d retries ran first time, %d interrupted%n",
                    KILLS, sent.size(), casesPerKey.size(), rerun, interrupted);
            assertThat(casesPerKey).as("the client got work done between kills").isNotEmpty();
        }
    }

    private static byte[] notice(String media, String key) {
        return ("{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + media + "\",\"fields\":{\"complainant\":\""
                        + key + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Answer send(int port, String path, String key, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) b.header("Idempotency-Key", key);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                r.statusCode(),
                r.body(),
                r.headers().firstValue("Idempotent-Replayed").isPresent());
    }

    private int start(Path clockFile, Path data) throws Exception {
        ClockFileServer.Launched l = ClockFileServer.launch(
                clockFile, Map.of("PRAMAAN_DATA_DIR", data.toString(), "PRAMAAN_ADMIN_KEY", ADMIN));
        server = l.process();
        return l.port();
    }
}
