package org.pramaan.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;
import org.pramaan.json.Json;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.notify.DeliveryState;
import org.pramaan.store.sqlite.EmbeddedStore;

/**
 * Refusals are mapped once, at the edge, by kind (issue 12 item 3): a {@code DomainException} answers
 * its kind's status with its own code; anything else a service throws, an
 * {@code IllegalArgumentException} included, is a defect and answers 500 {@code server.error},
 * never a 400 that blames the client. Real server, real port, real SQLite store; the deliveries
 * repository is wrapped so a test can make a service throw what it likes.
 */
class ErrorMappingTest {
    @TempDir
    Path dir;

    private EmbeddedStore store;
    private Javalin server;
    private String admin;
    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code GET /v1/deliveries?caseId=<x>} reaches {@link DeliveryRepository#forCase}; these ids make it throw. */
    private final class Throwing implements DeliveryRepository {
        private final DeliveryRepository inner;

        Throwing(DeliveryRepository inner) {
            this.inner = inner;
        }

        @Override
        public void enqueue(Delivery d) {
            inner.enqueue(d);
        }

        @Override
        public void save(Delivery d) {
            inner.save(d);
        }

        @Override
        public Optional<Delivery> find(String id) {
            return inner.find(id);
        }

        @Override
        public List<Delivery> due(Instant now, int limit) {
            return inner.due(now, limit);
        }

        @Override
        public List<Delivery> withState(DeliveryState state, int limit) {
            return inner.withState(state, limit);
        }

        @Override
        public List<Delivery> forCase(String caseId) {
            return switch (caseId) {
                case "defect-iae" -> throw new IllegalArgumentException("a programming error, not the client's");
                case "defect-ise" -> throw new IllegalStateException("a programming error, not a conflict");
                case "not-found" -> throw new NotFound("thing.not_found", "no thing 'x'");
                case "invalid" -> throw new Invalid("caseId", "'caseId' is not acceptable");
                case "invalid-unnamed" ->
                    throw new Invalid(Invalid.REQUEST_INVALID, null, "nothing names a field here", null);
                case "conflict" -> throw new Conflict("thing.closed", "thing 'x' is closed");
                case "forbidden" -> throw new Forbidden("thing.held", "thing 'x' is on hold");
                default -> inner.forCase(caseId);
            };
        }
    }

    @BeforeEach
    void start() throws Exception {
        store = EmbeddedStore.open(dir);
        HttpApiTestSupport.Wired wired = HttpApiTestSupport.wire(
                store, Clock.systemUTC(), new Throwing(store.deliveries()), dir.resolve("uploads"));
        admin = wired.keys().create(Role.ADMIN, "error mapping test").secret();
        HttpApi api = new HttpApi(wired.services());
        server = api.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        store.close();
    }

    private record Answer(int status, JsonNode body) {
        String code() {
            return body.path("error").path("code").asText();
        }

        String message() {
            return body.path("error").path("message").asText();
        }
    }

    private Answer send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + admin);
        b = json == null
                ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), Json.mapper().readTree(r.body()));
    }

    private Answer get(String path) throws Exception {
        return send("GET", path, null);
    }

    @Test
    void anUnexpectedIllegalArgumentExceptionIsAServerErrorNotTheClientsFault() throws Exception {
        Answer a = get("/v1/deliveries?caseId=defect-iae");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(500);
        assertThat(a.code()).isEqualTo("server.error");
        assertThat(a.message()).as("a defect's own message stays in the log").doesNotContain("programming error");
    }

    @Test
    void anUnexpectedIllegalStateExceptionIsAServerErrorNotAConflict() throws Exception {
        Answer a = get("/v1/deliveries?caseId=defect-ise");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(500);
        assertThat(a.code()).isEqualTo("server.error");
    }

    @Test
    void eachDomainKindAnswersItsStatusWithItsOwnCode() throws Exception {
        record Expect(String id, int status, String code, String message) {}
        for (Expect e : List.of(
                new Expect("not-found", 404, "thing.not_found", "no thing 'x'"),
                new Expect("invalid", 400, "request.invalid", "'caseId' is not acceptable"),
                new Expect("conflict", 409, "thing.closed", "thing 'x' is closed"),
                new Expect("forbidden", 403, "thing.held", "thing 'x' is on hold"))) {
            Answer a = get("/v1/deliveries?caseId=" + e.id());
            assertThat(a.status()).as(e.id() + ": " + a.body()).isEqualTo(e.status());
            assertThat(a.code()).as(e.id()).isEqualTo(e.code());
            assertThat(a.message()).as(e.id()).isEqualTo(e.message());
        }
    }

    @Test
    void anInvalidNamesItsFieldBesideTheUsualCodeAndMessage() throws Exception {
        Answer named = get("/v1/deliveries?caseId=invalid");
        assertThat(named.body().path("error").path("field").asText()).isEqualTo("caseId");
        Answer unnamed = get("/v1/deliveries?caseId=invalid-unnamed");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(iterable(unnamed.body().path("error").fieldNames()))
                .as("no field, no 'field'")
                .containsExactly("code", "message");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** The core refusals these routes reach keep today's statuses and codes now that a bare IllegalArgumentException is a 500. */
    @Test
    void bankRefusalsFromTheCoreKeepTheirStatusAndCode() throws Exception {
        Answer badKind = send("POST", "/v1/banks", "{\"name\":\"b1\",\"kind\":\"nonsense\"}");
        assertThat(badKind.status()).as(badKind.body().toString()).isEqualTo(400);
        assertThat(badKind.code()).isEqualTo("request.invalid");
        assertThat(badKind.message()).contains("nonsense");
        assertThat(badKind.body().path("error").path("field").asText()).isEqualTo("kind");

        Answer badState = send("POST", "/v1/banks", "{\"name\":\"b1\",\"kind\":\"ncii\",\"state\":\"sideways\"}");
        assertThat(badState.status()).as(badState.body().toString()).isEqualTo(400);
        assertThat(badState.code()).isEqualTo("request.invalid");

        Answer badName = send("POST", "/v1/banks", "{\"name\":\"Not A Name\",\"kind\":\"ncii\"}");
        assertThat(badName.status()).as(badName.body().toString()).isEqualTo(400);
        assertThat(badName.code()).isEqualTo("request.invalid");
        assertThat(badName.body().path("error").path("field").asText()).isEqualTo("name");

        assertThat(send("POST", "/v1/banks", "{\"name\":\"b1\",\"kind\":\"ncii\"}")
                        .status())
                .isEqualTo(201);
        Answer again = send("POST", "/v1/banks", "{\"name\":\"b1\",\"kind\":\"ncii\"}");
        assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("request.conflict");

        Answer stringThreshold =
                send("POST", "/v1/banks", "{\"name\":\"b3\",\"kind\":\"ncii\",\"pdqThreshold\":\"31\"}");
        assertThat(stringThreshold.status())
                .as(stringThreshold.body().toString())
                .isEqualTo(400);
        assertThat(stringThreshold.code()).isEqualTo("request.invalid");
        assertThat(stringThreshold.body().path("error").path("field").asText()).isEqualTo("pdqThreshold");

        Answer hmaKind = send("POST", "/c/banks", "{\"name\":\"b2\",\"kind\":\"nonsense\"}");
        assertThat(hmaKind.status()).as(hmaKind.body().toString()).isEqualTo(400);
        assertThat(hmaKind.code()).isEqualTo("request.invalid");

        Answer badFormat = send("POST", "/v1/banks/b1/items?format=xml", "{}");
        assertThat(badFormat.status()).as(badFormat.body().toString()).isEqualTo(400);
        assertThat(badFormat.code()).isEqualTo("request.invalid");
        Answer badExport = get("/v1/banks/b1/export?format=xml");
        assertThat(badExport.status()).as(badExport.body().toString()).isEqualTo(400);
        assertThat(badExport.code()).isEqualTo("request.invalid");
    }

    @Test
    void deliveryRetryRefusalsKeepTheirStatusAndCode() throws Exception {
        Answer unknown = send("POST", "/v1/deliveries/no-such-delivery/retry", "{}");
        assertThat(unknown.status())
                .as(unknown.body().toString())
                .isEqualTo(400); // openapi.json: 400 "no such delivery"
        assertThat(unknown.code()).isEqualTo("request.invalid");
        assertThat(unknown.message()).contains("no-such-delivery");

        Delivery pending = Delivery.pending(
                "evt-1",
                "complainant",
                org.pramaan.notify.Channel.WEBHOOK,
                "https://receiver.example/hook",
                "case-1",
                "case.opened",
                "subject",
                "{}",
                Instant.now());
        store.deliveries().enqueue(pending);
        Answer notDead = send(
                "POST",
                "/v1/deliveries/"
                        + java.net.URLEncoder.encode(pending.id(), java.nio.charset.StandardCharsets.UTF_8)
                                .replace("+", "%20")
                        + "/retry",
                "{}");
        assertThat(notDead.status())
                .as(notDead.body().toString())
                .isEqualTo(409); // openapi.json: 409 "not a dead letter"
        assertThat(notDead.code()).isEqualTo("request.conflict");
        assertThat(notDead.message()).contains("only dead letters");
    }

    @Test
    void anUploaderDeclarationThatIsNeitherAnswers400NamingIt() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/v1/media?declaration=perhaps"))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                .build();
        HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
        Answer a = new Answer(res.statusCode(), Json.mapper().readTree(res.body()));
        assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("request.invalid");
        assertThat(a.body().path("error").path("field").asText()).isEqualTo("declaration");
    }
}
