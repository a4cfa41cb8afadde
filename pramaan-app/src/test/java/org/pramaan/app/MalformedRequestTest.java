package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.testkit.TestImages;

/**
 * Issue 11 defect 4 (and the spool half of defect 6): requests that no honest client sends are
 * refused with a 4xx in the JSON error shape, never a 500 or a plain-text page, and leave nothing
 * behind in the upload spool. Real server, real sockets: the bytes go out exactly as written here.
 */
class MalformedRequestTest extends ServerTestBase {
    /** Every route that reads a multipart body. */
    static final List<String> MULTIPART_ROUTES = List.of(
            "/v1/media",
            "/v1/notices",
            "/v1/hash",
            "/v1/match",
            "/v1/provenance/verify",
            "/h/hash",
            "/m/lookup",
            "/c/bank/known/content");

    static Stream<Arguments> malformedMultipart() {
        List<Arguments> out = new ArrayList<>();
        for (String route : MULTIPART_ROUTES) {
            out.add(Arguments.of(route, "no boundary"));
            out.add(Arguments.of(route, "empty boundary"));
            out.add(Arguments.of(route, "unterminated"));
            out.add(Arguments.of(route, "cut short"));
            out.add(Arguments.of(route, "20000 parts"));
            out.add(Arguments.of(route, "2 MB part header"));
            out.add(Arguments.of(route, "garbage"));
            out.add(Arguments.of(route, "unterminated 2 MB file"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedMultipart")
    void malformedMultipartIsA4xxJsonErrorAndLeavesNoSpoolFile(String route, String variant) throws Exception {
        api.postJson("/v1/banks", ADMIN, "{\"name\":\"known\",\"kind\":\"known-deepfake\"}");
        String b = "b0undary";
        String ok = "multipart/form-data; boundary=" + b;
        byte[] png = TestImages.png(TestImages.photo(64, 48, 5));
        String partHead = "--" + b
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\n";
        RawHttp raw = new RawHttp(port);
        RawHttp.Response r = switch (variant) {
            case "no boundary" ->
                raw.request(
                        "POST",
                        route,
                        ADMIN,
                        Map.of("Content-Type", "multipart/form-data"),
                        concat(partHead, png, "\r\n--" + b + "--\r\n"));
            case "empty boundary" ->
                raw.request(
                        "POST",
                        route,
                        ADMIN,
                        Map.of("Content-Type", "multipart/form-data; boundary="),
                        concat(partHead, png, "\r\n--" + b + "--\r\n"));
            case "unterminated" ->
                raw.request("POST", route, ADMIN, Map.of("Content-Type", ok), concat(partHead, png, ""));
            case "cut short" -> {
                byte[] body = concat(partHead, png, "\r\n--" + b + "--\r\n");
                String head = "POST " + route + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                        + ADMIN + "\r\nContent-Type: " + ok + "\r\nContent-Length: " + (body.length + 5000);
                yield raw.send(head, body, true);
            }
            case "20000 parts" -> {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < 20_000; i++)
                    s.append("--")
                            .append(b)
                            .append("\r\nContent-Disposition: form-data; name=\"p")
                            .append(i)
                            .append("\"\r\n\r\nx\r\n");
                yield raw.request(
                        "POST",
                        route,
                        ADMIN,
                        Map.of("Content-Type", ok),
                        concat(s.toString(), png, "--" + b + "--\r\n"));
            }
            case "2 MB part header" ->
                raw.request(
                        "POST",
                        route,
                        ADMIN,
                        Map.of("Content-Type", ok),
                        concat(
                                "--" + b
                                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\nX-Pad: "
                                        + "a".repeat(2 * 1024 * 1024) + "\r\n\r\n",
                                png,
                                "\r\n--" + b + "--\r\n"));
            case "unterminated 2 MB file" ->
                raw.request(
                        "POST",
                        route,
                        ADMIN,
                        Map.of("Content-Type", ok),
                        concat(partHead, new byte[2 * 1024 * 1024], ""));
            case "garbage" ->
                raw.request(
                        "POST",
                        route,
                        ADMIN,
                        Map.of("Content-Type", ok),
                        "this is not multipart at all".getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(variant);
        };
        assertThat(r.status()).as(variant + ": " + r.body()).isBetween(400, 499);
        assertThat(r.isJson()).as(r.headers() + " " + r.body()).isTrue();
        assertThat(r.errorCode()).as(r.body()).startsWith("request.");
        assertThat(r.errorMessage()).as(r.body()).isNotBlank();
        assertThat(spoolFiles()).as("spool after " + variant + " on " + route).isEmpty();
    }

    @Test
    void tooManyPartsAndOversizedPartHeadersNameTheLimit() throws Exception {
        String b = "lim";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
            s.append("--")
                    .append(b)
                    .append("\r\nContent-Disposition: form-data; name=\"p")
                    .append(i)
                    .append("\"\r\n\r\nx\r\n");
        s.append("--").append(b).append("--\r\n");
        RawHttp.Response parts = new RawHttp(port)
                .request(
                        "POST",
                        "/v1/media",
                        ADMIN,
                        Map.of("Content-Type", "multipart/form-data; boundary=" + b),
                        s.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(parts.status()).as(parts.body()).isEqualTo(400);
        assertThat(parts.errorCode()).isEqualTo("request.multipart_invalid");
        assertThat(parts.errorMessage()).as(parts.body()).contains("parts").contains("32");
        RawHttp.Response header = new RawHttp(port)
                .request(
                        "POST",
                        "/v1/media",
                        ADMIN,
                        Map.of("Content-Type", "multipart/form-data; boundary=" + b),
                        ("--" + b + "\r\nContent-Disposition: form-data; name=\"file\"\r\nX-Pad: "
                                        + "a".repeat(2 * 1024 * 1024) + "\r\n\r\nx\r\n--" + b + "--\r\n")
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(header.status()).as(header.headers() + parts.body()).isEqualTo(400);
        assertThat(header.errorCode()).isEqualTo("request.multipart_invalid");
        assertThat(header.errorMessage()).as(header.body()).contains("header").contains("8192");
    }

    @Test
    void aWellFormedMultipartUploadStillWorksAndLeavesNoSpoolFile() throws Exception {
        ApiClient.Response r =
                api.postMultipart("/v1/media", ingest, TestImages.png(TestImages.photo(64, 48, 9)), "not_synthetic");
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        assertThat(spoolFiles()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("badLimits")
    void bankItemPagingRefusesLimitsOutsideTheRange(String limit) throws Exception {
        api.postJson("/v1/banks", ADMIN, "{\"name\":\"paged\",\"kind\":\"known-deepfake\"}");
        ApiClient.Response r = api.get("/v1/banks/paged/items?limit=" + limit, ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("request.invalid");
        assertThat(r.json().path("error").path("message").asText())
                .contains("limit")
                .contains("1..10000");
    }

    static Stream<String> badLimits() {
        return Stream.of("0", "-1", "10001", "99999999999999999999", "1.5", "ten", "%20");
    }

    @ParameterizedTest
    @MethodSource("badDurations")
    void dueWithinOutsideTheRangeIsRefusedNamingIt(String duration) throws Exception {
        ApiClient.Response r = api.get("/v1/cases?dueWithin=" + duration, ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("request.invalid");
        assertThat(r.json().path("error").path("message").asText()).contains("dueWithin");
    }

    static Stream<String> badDurations() {
        return Stream.of("P999999999999D", "PT-1H", "P-1D", "PT9223372036854775807S", "P3651D", "soon");
    }

    @Test
    void dueWithinInRangeStillFilters() throws Exception {
        ApiClient.Response r = api.get("/v1/cases?dueWithin=P3650D", ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
    }

    @Test
    void anOversizedJsonBodyIsA413InTheJsonErrorShapeNamingTheLimit() throws Exception {
        String big = "{\"name\":\"x\",\"description\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        ApiClient.Response r = api.postJson("/v1/banks", ADMIN, big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json()).as(r.raw()).isNotNull();
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("request.too_large");
        assertThat(r.json().path("error").path("message").asText()).contains("1048576");
        assertThat(api.get("/v1/banks/x", ADMIN).status()).isEqualTo(404);
        // Chunked, so there is no Content-Length to refuse it by: counted as it arrives. The server
        // answers 413 and closes the connection while the client may still be sending (RFC 9110
        // §15.5.14 allows it); depending on timing the client then reads the 413 or only sees the
        // connection end. Either way nothing may be stored, and a 413 that arrives has the JSON shape.
        try {
            java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(apiBase() + "/v1/banks"))
                                    .header("Authorization", "Bearer " + ADMIN)
                                    .header("Content-Type", "application/json")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                                            new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
            assertThat(chunked.body()).contains("request.too_large").contains("1048576");
        } catch (java.io.IOException closedWhileSending) {
            assertThat(closedWhileSending)
                    .as("only a connection the server closed mid-body")
                    .hasMessageNotContaining("Connection refused");
        }
        assertThat(api.get("/v1/banks/x", ADMIN).status()).isEqualTo(404);
    }

    /** Every guarded GET route, with its path parameters filled in. */
    static Stream<String> guardedGets() {
        return Stream.of(
                "/v1/media/m1",
                "/v1/media/m1/holds",
                "/v1/notice-types",
                "/v1/cases",
                "/v1/cases/c1",
                "/v1/cases/c1/statements",
                "/v1/cases/c1/bundle",
                "/v1/banks",
                "/v1/banks/b",
                "/v1/banks/b/items",
                "/v1/banks/b/export",
                "/v1/audit/verify",
                "/v1/deliveries",
                "/m/lookup?signal_type=pdq&signal=00",
                "/c/banks");
    }

    @ParameterizedTest
    @MethodSource("guardedGets")
    void headAndOptionsOnAGuardedRouteWithoutAKeyAre401(String path) throws Exception {
        for (String method : List.of("HEAD", "OPTIONS")) {
            String head = method + " " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close";
            RawHttp.Response r = new RawHttp(port).send(head, new byte[0], false);
            assertThat(r.status()).as(method + " " + path + " " + r.headers()).isEqualTo(401);
            assertThat(r.body()).as("no body for " + method).doesNotContain("pramaan_");
        }
    }

    @Test
    void headWithAKeyBehavesLikeGetWithoutABody() throws Exception {
        RawHttp.Response r = new RawHttp(port)
                .send(
                        "HEAD /v1/banks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + ADMIN,
                        new byte[0],
                        false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        RawHttp.Response forbidden = new RawHttp(port)
                .send(
                        "HEAD /v1/audit/verify HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                                + ingest,
                        new byte[0],
                        false);
        assertThat(forbidden.status()).isEqualTo(403);
        RawHttp.Response options = new RawHttp(port)
                .send(
                        "OPTIONS /v1/banks/b HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                                + ingest,
                        new byte[0],
                        false);
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.headers().get("allow")).isEqualTo("GET, HEAD, PUT, DELETE, OPTIONS");
        RawHttp.Response badKey = new RawHttp(port)
                .send(
                        "OPTIONS /v1/banks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer pmn_not_a_key_0000000000000000",
                        new byte[0],
                        false);
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.headers()).doesNotContainKey("allow");
    }

    List<Path> spoolFiles() throws IOException {
        Path tmp = dataDir.resolve("tmp");
        if (!Files.isDirectory(tmp)) return List.of();
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    static byte[] concat(String head, byte[] mid, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8), t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + mid.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(mid, 0, out, h.length, mid.length);
        System.arraycopy(t, 0, out, h.length + mid.length, t.length);
        return out;
    }
}
