package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.testkit.TestImages;

/** {@code Idempotency-Key} on {@code POST /v1/generations} (issue 14) over real HTTP, a real SQLite file and a restart. */
class GenerationIdempotencyEndToEndTest extends ServerTestBase {
    private final HttpClient http = HttpClient.newHttpClient();

    private static final String CONTEXT =
            "{\"modelId\":\"imagegen\",\"modelVersion\":\"2.1\",\"prompt\":\"%s\",\"userId\":\"u-42\",\"profile\":\"CN\"}";

    private String service;
    private byte[] input;

    @BeforeEach
    void generator() throws Exception {
        service = app.keys().create(Role.INGEST, "generator").secret();
        input = TestImages.jpeg(TestImages.photo(160, 120, 3), 0.9f);
    }

    private HttpResponse<byte[]> generate(String idempotencyKey, byte[] file, String prompt) throws Exception {
        return GenerationRequests.post(
                http, apiBase(), service, file, CONTEXT.formatted(prompt), Map.of("Idempotency-Key", idempotencyKey));
    }

    private static String id(HttpResponse<byte[]> r) {
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        return r.headers().firstValue("Pramaan-Generation-Id").orElseThrow();
    }

    /** How many items of the generated bank name this record (its note is "generation <id>"). */
    private int bankedFor(String id) throws Exception {
        ApiClient.Response items = api.get("/v1/banks/generated/items", ADMIN);
        assertThat(items.status()).as(items.raw()).isEqualTo(200);
        int n = 0;
        for (int at = items.raw().indexOf("generation " + id);
                at >= 0;
                at = items.raw().indexOf("generation " + id, at + 1)) n++;
        return n;
    }

    @Test
    void aRetryGetsTheSameRecordAndFileBackWithoutASecondRecordOrBankEntry() throws Exception {
        HttpResponse<byte[]> first = generate("gen-retry-1", input, "a red kite");
        String id = id(first);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        HttpResponse<byte[]> again = generate("gen-retry-1", input, "a red kite");
        assertThat(id(again)).isEqualTo(id);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/jpeg"));
        assertThat(again.body()).isEqualTo(first.body()); // byte for byte: the C2PA/AIGC output of the first call
        assertThat(bankedFor(id)).isEqualTo(1);

        // Without the key, the same request is a new generation.
        assertThat(id(generate("gen-retry-2", input, "a red kite"))).isNotEqualTo(id);
    }

    @Test
    void theSameKeyWithAnotherContextOrFileIsRefusedWith422() throws Exception {
        String id = id(generate("gen-k", input, "a red kite"));

        HttpResponse<byte[]> otherPrompt = generate("gen-k", input, "a blue kite");
        String body = new String(otherPrompt.body(), StandardCharsets.UTF_8);
        assertThat(otherPrompt.statusCode()).as(body).isEqualTo(422);
        assertThat(body)
                .contains("generation.idempotency_key_reused")
                .contains("Idempotency-Key")
                .contains(id);

        HttpResponse<byte[]> otherFile =
                generate("gen-k", TestImages.jpeg(TestImages.photo(160, 120, 4), 0.9f), "a red kite");
        assertThat(otherFile.statusCode()).isEqualTo(422);
        assertThat(bankedFor(id)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesMakeOneRecord() throws Exception {
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<HttpResponse<byte[]>>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) calls.add(() -> generate("gen-race", input, "a red kite"));
            Set<String> ids = new HashSet<>();
            Set<String> bodies = new HashSet<>();
            for (Future<HttpResponse<byte[]>> f : pool.invokeAll(calls)) {
                ids.add(id(f.get()));
                bodies.add(java.util.HexFormat.of().formatHex(f.get().body()));
            }
            assertThat(ids).hasSize(1);
            assertThat(bodies).hasSize(1);
            assertThat(bankedFor(ids.iterator().next())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterARestartIsReplayedFromTheStore() throws Exception {
        HttpResponse<byte[]> first = generate("gen-restart", input, "a red kite");
        String id = id(first);

        stop();
        start(Map.of());

        HttpResponse<byte[]> again = generate("gen-restart", input, "a red kite");
        assertThat(id(again)).isEqualTo(id);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(bankedFor(id)).isEqualTo(1);
    }
}
