package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.cases.CaseState;
import org.pramaan.console.Console;

/** The review console's security over real HTTP (issue 13, "Done when": security tests). */
class ConsoleSecurityTest extends ServerTestBase {

    private ConsoleClient signedIn() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> r = c.signIn(reviewer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return c;
    }

    private String complaint(Map<String, String> fields) throws Exception {
        String media = upload(TestMedia.cameraJpeg(7));
        StringBuilder f = new StringBuilder();
        fields.forEach((k, v) -> {
            if (f.length() > 0) f.append(',');
            f.append(org.pramaan.json.Json.write(k)).append(':').append(org.pramaan.json.Json.write(v));
        });
        ApiClient.Response r = api.postJson(
                "/v1/notices",
                reviewer,
                "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + media + "\",\"fields\":{" + f + "}}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    @Test
    void signInGivesAnHttpOnlyStrictSessionCookieAndTheQueue() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> r = c.signIn(reviewer);
        assertThat(r.statusCode()).isEqualTo(303);
        String cookie = ConsoleClient.setCookie(r).orElseThrow();
        assertThat(cookie)
                .startsWith(Console.COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/")
                .doesNotContain("Secure"); // plain HTTP here: Secure only when the request came over TLS
        assertThat(cookie.substring(Console.COOKIE.length() + 1, cookie.indexOf(';')))
                .hasSize(64); // 256 random bits in hex
        HttpResponse<String> queue = c.get("/");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("trust &amp; safety");
        assertThat(app.audit()
                        .forSubject("key:"
                                + app.keys()
                                        .authenticate(reviewer)
                                        .orElseThrow()
                                        .keyId()))
                .anyMatch(e -> e.type().equals("console.signed_in"));
    }

    @Test
    void anIngestKeyCannotSignIn() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> r = c.signIn(ingest);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(ConsoleClient.setCookie(r)).isEmpty();
        assertThat(r.body()).contains("an ingest key cannot sign in");
        assertThat(c.get("/").statusCode()).isEqualTo(303);
        assertThat(new ConsoleClient(port).signIn("pmn_not_a_key").statusCode()).isEqualTo(403);
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/signin"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Origin", "https://evil.example")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("apiKey=" + reviewer))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(ConsoleClient.setCookie(r)).isEmpty();
    }

    @Test
    void withoutASessionEveryPageRedirectsToSignIn() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(3)));
        for (String path : List.of("/", "/cases/" + id, "/cases/" + id + "/media", "/cases/" + id + "/bundle")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(path).contains("/signin");
        }
        c.cookie = Console.COOKIE + "=" + "a".repeat(64);
        assertThat(c.get("/").statusCode()).isEqualTo(303);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(4)));
        ConsoleClient c = signedIn();
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());
        HttpResponse<String> none =
                c.post("/cases/" + id + "/act", ConsoleClient.form("action", "REMOVE", "reason", "r"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("CSRF");
        HttpResponse<String> wrong = c.post(
                "/cases/" + id + "/act",
                ConsoleClient.form("_csrf", "0".repeat(token.length()), "action", "REMOVE", "reason", "r"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(c.post("/signout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(app.cases().find(id).orElseThrow().state()).isEqualTo(CaseState.OPEN);

        HttpResponse<String> ok = c.post(
                "/cases/" + id + "/act",
                ConsoleClient.form("_csrf", token, "action", "REMOVE", "reason", "impersonation of the complainant"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        var closed = app.cases().find(id).orElseThrow();
        assertThat(closed.state()).isEqualTo(CaseState.CLOSED);
        String keyId = app.keys().authenticate(reviewer).orElseThrow().keyId();
        assertThat(closed.events())
                .anyMatch(e -> ("key:" + keyId).equals(e.details().get("actor")));
    }

    @Test
    void hostileNoticeFieldsRenderInert() throws Exception {
        String id = complaint(Map.of(
                "complainant", "<script>alert(1)</script>",
                "url", "javascript:alert(document.cookie)",
                "description", "\"><img src=x onerror=alert(1)>"));
        ConsoleClient c = signedIn();
        String html = c.get("/cases/" + id).body();
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("<img src=x")
                .doesNotContainIgnoringCase("href=\"javascript:")
                .doesNotContain("onerror=alert(1)>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<dd>\"&gt;&lt;img src=x onerror=alert(1)&gt;</dd>"); // text content: < and > escaped, so no
        // tag
        // The only scripts are the console's own files.
        assertThat(html.split("<script", -1).length - 1).isEqualTo(2);
        assertThat(c.get("/").body()).doesNotContain("<script>alert");
    }

    @Test
    void theCookieStopsWorkingAfterSignOut() throws Exception {
        ConsoleClient c = signedIn();
        String token = ConsoleClient.csrf(c.get("/").body());
        HttpResponse<String> out = c.post("/signout", ConsoleClient.form("_csrf", token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(ConsoleClient.setCookie(out).orElseThrow()).contains("Max-Age=0");
        HttpResponse<String> after = c.get("/");
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location")).contains("/signin");
    }

    @Test
    void theCookieStopsWorkingAfterTheIdleTimeoutButNotBefore() throws Exception {
        ConsoleClient c = signedIn();
        clock.advance(Duration.ofMinutes(29));
        assertThat(c.get("/").statusCode()).isEqualTo(200); // a request restarts the idle time
        clock.advance(Duration.ofMinutes(29));
        assertThat(c.get("/").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        assertThat(c.get("/").statusCode()).isEqualTo(303);
        clock.advance(Duration.ofMinutes(-30));
        assertThat(c.get("/").statusCode())
                .as("an expired session is gone, not merely hidden")
                .isEqualTo(303);
    }

    @Test
    void everyConsoleResponseCarriesTheSecurityHeaders() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(5)));
        ConsoleClient anonymous = new ConsoleClient(port);
        ConsoleClient c = signedIn();
        List<HttpResponse<String>> pages = List.of(
                anonymous.get("/signin"),
                anonymous.get("/"),
                c.get("/"),
                c.get("/?jurisdiction=IN"),
                c.get("/cases/" + id),
                c.get("/cases/no-such-case"),
                c.get("/overview"),
                c.get("/console/static/console.js"),
                c.get("/console/static/htmx.min.js"),
                c.post("/cases/" + id + "/act", Map.of()));
        for (HttpResponse<String> r : pages) {
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .as(r.uri().toString())
                    .contains(Console.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        }
        assertThat(Console.CSP).contains("frame-ancestors 'none'").contains("script-src 'self'");
        assertThat(c.get("/cases/no-such-case").statusCode()).isEqualTo(404);
        assertThat(c.get("/console/static/htmx.min.js").body()).contains("htmx");
        // The Devanagari face for Hindi pages comes from this server, like every other console file.
        HttpResponse<String> font = c.get("/console/static/NotoSansDevanagari-Regular.ttf");
        assertThat(font.statusCode()).isEqualTo(200);
        assertThat(font.headers().firstValue("Content-Type")).contains("font/ttf");
        assertThat(font.body().length()).as("the whole font").isGreaterThan(50_000);
        assertThat(c.get("/console/static/console.css").body())
                .contains("url(\"/console/static/NotoSansDevanagari-Regular.ttf\")")
                .contains("unicode-range: U+0900-097F");
    }

    // ---- Banks pages (issue 13) ----

    private void hostileBank() throws Exception {
        ApiClient.Response b = api.postJson(
                "/v1/banks",
                ADMIN,
                "{\"name\":\"hostile\",\"kind\":\"partner-feed\",\"state\":\"shadow\","
                        + "\"description\":\"<script>alert(1)</script>\"}");
        assertThat(b.status()).as(b.raw()).isEqualTo(201);
        ApiClient.Response i = api.sendBytes(
                "/v1/banks/hostile/items?format=jsonl",
                ADMIN,
                "application/x-ndjson",
                ("{\"pdq\":\"" + "ab".repeat(32) + "\",\"quality\":90,\"note\":\"<script>alert(2)</script>\","
                                + "\"source\":\"\\\"><img src=x onerror=alert(3)>\"}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(i.status()).as(i.raw()).isEqualTo(201);
    }

    @Test
    void bankDescriptionsNotesAndSourcesHoldingMarkupRenderInert() throws Exception {
        hostileBank();
        ConsoleClient c = signedIn();
        for (String path : List.of("/banks", "/banks/hostile", "/banks/hostile?q=script")) {
            String html = c.get(path).body();
            assertThat(html)
                    .as(path)
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(");
            assertThat(html.split("<script", -1).length - 1).as(path).isEqualTo(2); // the console's own two files
        }
        assertThat(c.get("/banks/hostile").body())
                .contains("&lt;script&gt;alert(2)&lt;/script&gt;")
                .contains(
                        "<td class=\"details\">\"&gt;&lt;img src=x onerror=alert(3)&gt;</td>"); // text: no tag can open
    }

    @Test
    void anIngestKeyCannotReachTheBankPages() throws Exception {
        hostileBank();
        ConsoleClient c = new ConsoleClient(port);
        assertThat(c.signIn(ingest).statusCode()).isEqualTo(403);
        for (String path : List.of("/banks", "/banks/hostile")) {
            HttpResponse<String> r = c.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(path).contains("/signin");
        }
        // The key itself is no session either: the console reads only its own cookie.
        HttpResponse<String> withKey = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/banks"))
                                .header("Authorization", "Bearer " + ingest)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isIn(302, 303);
        assertThat(c.post("/banks/hostile/state", ConsoleClient.form("state", "enabled"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(app.banks().bank("hostile").orElseThrow().state()).isEqualTo(org.pramaan.banks.BankState.SHADOW);
    }

    @Test
    void aBankFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        hostileBank();
        ConsoleClient c = signedIn();
        String token = ConsoleClient.csrf(c.get("/banks").body());
        HttpResponse<String> toggle = c.post("/banks/hostile/state", ConsoleClient.form("state", "enabled"));
        assertThat(toggle.statusCode()).isEqualTo(403);
        assertThat(toggle.body()).contains("CSRF");
        HttpResponse<String> upload = c.multipart(
                "/banks/hostile/import",
                ConsoleClient.form("format", "lines"),
                "x.txt",
                ("cd".repeat(32) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(c.post(
                                "/banks/hostile/import/confirm",
                                ConsoleClient.form("_csrf", "0".repeat(token.length()), "token", "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(app.banks().bank("hostile").orElseThrow().state()).isEqualTo(org.pramaan.banks.BankState.SHADOW);
        assertThat(app.banks().items("hostile")).hasSize(1);
    }
}
