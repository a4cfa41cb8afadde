package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.pramaan.banks.BankState;

/** The console's Banks pages over real HTTP on a real server (issue 13, Banks). */
class ConsoleBanksTest extends ServerTestBase {

    private ConsoleClient signedIn() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> r = c.signIn(reviewer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return c;
    }

    private void bank(String name, String kind, String state) throws Exception {
        ApiClient.Response r = api.postJson(
                "/v1/banks",
                ADMIN,
                "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"state\":\"" + state + "\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private void importJsonl(String bank, String lines) throws Exception {
        ApiClient.Response r = api.sendBytes(
                "/v1/banks/" + bank + "/items?format=jsonl",
                ADMIN,
                "application/x-ndjson",
                lines.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    private String keyActor() {
        return "key:" + app.keys().authenticate(reviewer).orElseThrow().keyId();
    }

    private static String pdq(long i) {
        return String.format("%064x", i);
    }

    @Test
    void theListShowsEachBanksCountsByHashKindStateAndTheUploadsItsShadowMatched() throws Exception {
        byte[] image = TestMedia.cameraJpeg(21);
        String sha = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(image));
        bank("trial", "known-deepfake", "shadow");
        bank("removed-extra", "removed", "enabled");
        importJsonl(
                "trial",
                "{\"sha256\":\"" + sha + "\",\"note\":\"partner A\"}\n{\"pdq\":\"" + pdq(9)
                        + "\",\"quality\":90,\"source\":\"feed-7\"}\n");
        ConsoleClient c = signedIn();
        String before = c.get("/banks").body();
        assertThat(before)
                .contains("data-bank=\"trial\"", "data-bank=\"removed-extra\"")
                .contains("SHA-256 1 · PDQ 1 · vPDQ 0 · audio 0")
                .contains("data-state=\"shadow\"")
                .contains("<td class=\"shadow-hits\">0</td>")
                .contains("feed-7");

        upload(image); // screened by the ingest key: the shadow bank matches by SHA-256 and changes nothing

        assertThat(app.banks().shadowHits()).containsEntry("trial", 1L);
        assertThat(c.get("/banks").body()).contains("<td class=\"shadow-hits\">1</td>");
        assertThat(c.get("/banks/trial").body()).contains("<dd id=\"bank-shadow-hits\">1</dd>");
    }

    @Test
    void switchingAStateGoesThroughTheCurationUseCaseAndIsAuditedWithThePerson() throws Exception {
        bank("trial", "partner-feed", "shadow");
        ConsoleClient c = signedIn();
        String token = ConsoleClient.csrf(c.get("/banks").body());
        HttpResponse<String> r = c.post("/banks/trial/state", ConsoleClient.form("_csrf", token, "state", "enabled"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(app.banks().bank("trial").orElseThrow().state()).isEqualTo(BankState.ENABLED);
        assertThat(app.audit().forSubject("bank:trial"))
                .anyMatch(e -> e.type().equals("bank.updated")
                        && e.details().contains("\"actor\":\"" + keyActor() + "\"")
                        && e.details().contains("\"state\":\"ENABLED\""));
        assertThat(c.get("/banks").body()).contains("data-state=\"enabled\"");

        HttpResponse<String> bad =
                c.post("/banks/trial/state", ConsoleClient.form("_csrf", token, "state", "sometimes"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown bank state");
        assertThat(c.post("/banks/nope/state", ConsoleClient.form("_csrf", token, "state", "shadow"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void itemsArePagedByAHundredAndSearchedByExactHashNearHashAndText() throws Exception {
        bank("feed", "partner-feed", "enabled");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 150; i++)
            lines.append("{\"pdq\":\"")
                    .append(pdq(i))
                    .append("\",\"quality\":90,\"note\":\"item ")
                    .append(i)
                    .append("\"}\n");
        lines.append("{\"pdq\":\"").append("f".repeat(64)).append("\",\"quality\":90,\"note\":\"far away\"}\n");
        importJsonl("feed", lines.toString());
        ConsoleClient c = signedIn();

        String first = c.get("/banks/feed").body();
        assertThat(first).contains("151 items, oldest first").contains("Page 1 of 2");
        assertThat(first.split("<tr data-item=", -1).length - 1).isEqualTo(100);
        String second = c.get("/banks/feed?page=2").body();
        assertThat(second.split("<tr data-item=", -1).length - 1).isEqualTo(51);
        assertThat(second).contains("far away");
        HttpResponse<String> beyond = c.get("/banks/feed?page=3");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(beyond.body()).contains("page 3 is outside 1..2");
        assertThat(c.get("/banks/feed?page=-1").statusCode()).isEqualTo(400);

        String exact = c.get("/banks/feed?mode=exact&q=" + pdq(7).toUpperCase(java.util.Locale.ROOT))
                .body();
        assertThat(exact).contains("1 items, oldest first").contains("item 7<");

        // PDQ distance from 0: the number of bits set in i (at most 7 for i ≤ 150); all-ones is 256 bits away.
        String near = c.get("/banks/feed?mode=near&q=" + pdq(0)).body();
        assertThat(near).contains("150 items").doesNotContain("far away");
        assertThat(near.indexOf("item 1<")).isLessThan(near.indexOf("item 3<")); // nearest first: 1 bit, then 2
        assertThat(near).contains("<td class=\"distance\">1</td>");

        String text = c.get("/banks/feed?mode=text&q=ITEM+14").body();
        assertThat(text).contains("11 items"); // item 14 and items 140..149

        HttpResponse<String> tooLong = c.get("/banks/feed?q=" + "a".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 200");
        HttpResponse<String> notHex = c.get("/banks/feed?mode=near&q=xyz");
        assertThat(notHex.statusCode()).isEqualTo(400);
        assertThat(notHex.body()).contains("64 hex digits");
    }

    @Test
    void anImportIsPreviewedWithItsFirstErrorsAndNothingIsStoredUntilAGoodFileIsConfirmed() throws Exception {
        bank("feed", "partner-feed", "shadow");
        ConsoleClient c = signedIn();
        String token = ConsoleClient.csrf(c.get("/banks/feed").body());
        String bad = "hash,quality,note\n" + pdq(1) + ",90,good\nnot-a-hash,90,bad\n" + pdq(2) + ",101,bad quality\n";
        HttpResponse<String> preview = c.multipart(
                "/banks/feed/import",
                ConsoleClient.form("_csrf", token, "format", "csv"),
                "feed.csv",
                bad.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body())
                .contains("<dd id=\"import-items\">1</dd>")
                .contains("<dd id=\"import-error-count\">2</dd>")
                .contains("<tr><td>3</td><td><code>hash</code></td>")
                .contains("<tr><td>4</td><td><code>quality</code></td>")
                .contains("quality 101 is outside 0..100")
                .contains("id=\"import-blocked\"")
                .doesNotContain("id=\"import-confirm\"");
        assertThat(app.banks().items("feed")).isEmpty();

        // The API's semantics: a file with a bad line is refused whole, even when its confirmation is forged.
        String pending = between(preview.body(), "name=\"token\" value=\"", "\"");
        HttpResponse<String> forced =
                c.post("/banks/feed/import/confirm", ConsoleClient.form("_csrf", token, "token", pending));
        assertThat(forced.statusCode()).isEqualTo(400);
        assertThat(forced.body()).contains("line 3").contains("nothing was imported");
        assertThat(app.banks().items("feed")).isEmpty();

        String good = "hash,quality,note\n" + pdq(1) + ",90,good\n" + pdq(2) + ",80,also good\n";
        HttpResponse<String> ok = c.multipart(
                "/banks/feed/import",
                ConsoleClient.form("_csrf", token, "format", "csv"),
                "feed.csv",
                good.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.body()).contains("<dd id=\"import-items\">2</dd>").contains("id=\"import-confirm\"");
        assertThat(app.banks().items("feed")).isEmpty();
        String t2 = between(ok.body(), "name=\"token\" value=\"", "\"");
        HttpResponse<String> stored =
                c.post("/banks/feed/import/confirm", ConsoleClient.form("_csrf", token, "token", t2));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(303);
        assertThat(app.banks().items("feed")).extracting(i -> i.note()).containsExactly("good", "also good");
        assertThat(app.banks().items("feed").get(0).source()).isEqualTo("console import by " + keyActor());
        assertThat(app.audit().forSubject("bank:feed"))
                .anyMatch(e -> e.type().equals("bank.items_added")
                        && e.details().contains("\"actor\":\"" + keyActor() + "\"")
                        && e.details().contains("\"count\":2"));
        // A confirmation is used once.
        assertThat(c.post("/banks/feed/import/confirm", ConsoleClient.form("_csrf", token, "token", t2))
                        .statusCode())
                .isEqualTo(409);
        assertThat(app.banks().items("feed")).hasSize(2);
    }

    @Test
    void aCancelledPreviewCannotBeConfirmed() throws Exception {
        bank("feed", "partner-feed", "enabled");
        ConsoleClient c = signedIn();
        String token = ConsoleClient.csrf(c.get("/banks/feed").body());
        HttpResponse<String> p = c.multipart(
                "/banks/feed/import",
                ConsoleClient.form("_csrf", token, "format", "lines"),
                "hashes.txt",
                (pdq(5) + "\n").getBytes(StandardCharsets.UTF_8));
        String t = between(p.body(), "name=\"token\" value=\"", "\"");
        assertThat(c.post("/banks/feed/import/cancel", ConsoleClient.form("_csrf", token, "token", t))
                        .statusCode())
                .isEqualTo(303);
        assertThat(c.post("/banks/feed/import/confirm", ConsoleClient.form("_csrf", token, "token", t))
                        .statusCode())
                .isEqualTo(409);
        assertThat(app.banks().items("feed")).isEmpty();
        HttpResponse<String> badFormat = c.multipart(
                "/banks/feed/import",
                ConsoleClient.form("_csrf", token, "format", "xml"),
                "x.xml",
                "<x/>".getBytes(StandardCharsets.UTF_8));
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("format");
    }

    @Test
    void aMalformedUploadIsRefusedAsABadRequest() throws Exception {
        bank("feed", "partner-feed", "enabled");
        ConsoleClient c = signedIn();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + port + "/banks/feed/import"))
                                .header("Cookie", c.cookie)
                                .header("Content-Type", "multipart/form-data; boundary=xyz")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "--xyz\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(app.banks().items("feed")).isEmpty();
    }

    private static String between(String s, String from, String to) {
        int i = s.indexOf(from);
        assertThat(i).as("'" + from + "' in the page").isNotNegative();
        int a = i + from.length();
        return s.substring(a, s.indexOf(to, a));
    }
}
