package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.cases.CaseEvent;

/**
 * Quality review and the overview's audit verification over real HTTP on a real server with a fake clock (issue 13):
 * blindness, the first decider kept out, CSRF, admin-only verification, each action in the audit log with the person.
 */
class ConsoleQualityTest extends ServerTestBase {
    String second;

    /** Every decided case sampled (console.quality-sample-rate = 1), so the test does not depend on the hash. */
    @BeforeEach
    @Override
    void startServer() throws Exception {
        start(Map.of("PRAMAAN_CONSOLE_QUALITY_SAMPLE_RATE", "1"));
        ingest = app.keys().create(Role.INGEST, "uploads").secret();
        reviewer = app.keys().create(Role.REVIEWER, "first reviewer").secret();
        second = app.keys().create(Role.REVIEWER, "second reviewer").secret();
    }

    String idOf(String key) {
        return "key:" + app.keys().authenticate(key).orElseThrow().keyId();
    }

    /**
     * A case opened by the admin key (the notice records who submitted it, so a notice from the deciding key would name
     * them on the blind form) and removed by the first reviewer 20 minutes after receipt.
     */
    String decided(int seed) throws Exception {
        ApiClient.Response n = api.postJson(
                "/v1/notices",
                ADMIN,
                "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + upload(TestMedia.cameraJpeg(seed))
                        + "\",\"fields\":{\"complainant\":\"self\",\"url\":\"https://example.org/p/1\"}}");
        assertThat(n.status()).as(n.raw()).isEqualTo(201);
        String id = n.json().path("id").asText();
        clock.advance(Duration.ofMinutes(20));
        ApiClient.Response r =
                api.postJson("/v1/cases/" + id + "/actions", reviewer, "{\"action\":\"REMOVE\",\"note\":\"morphed\"}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return id;
    }

    @Test
    void aSecondReviewerDecidesBlindAndTheFirstDeciderCannotReviewTheirOwnDecision() throws Exception {
        String id = decided(31);
        String first = idOf(reviewer);

        ConsoleClient mine = new ConsoleClient(port);
        mine.signIn(reviewer);
        HttpResponse<String> myQueue = mine.get("/quality");
        assertThat(myQueue.statusCode()).isEqualTo(200);
        assertThat(myQueue.body()).doesNotContain("data-case=\"" + id + "\"");
        assertThat(mine.get("/quality/" + id).statusCode()).isEqualTo(403);

        ConsoleClient other = new ConsoleClient(port);
        other.signIn(second);
        HttpResponse<String> queue = other.get("/quality");
        assertThat(queue.body()).contains("data-case=\"" + id + "\"").contains("class=\"no-data\"");
        // Nothing of the result before it exists: the result page is refused, the form shows neither decision nor
        // decider.
        assertThat(other.get("/quality/" + id + "/result").statusCode()).isEqualTo(404);
        HttpResponse<String> form = other.get("/quality/" + id);
        assertThat(form.statusCode()).isEqualTo(200);
        // The case page would show the first decision: a possible second reviewer is sent to the blind
        // form instead, unless they ask for the whole case; the first decider sees the case page.
        HttpResponse<String> casePage = other.get("/cases/" + id);
        assertThat(casePage.statusCode()).isEqualTo(303);
        assertThat(casePage.headers().firstValue("Location")).contains("/quality/" + id);
        assertThat(other.get("/cases/" + id + "?full=1").statusCode()).isEqualTo(200);
        assertThat(mine.get("/cases/" + id).statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("/cases/" + id + "?full=1");
        assertThat(form.body())
                .contains("https://example.org/p/1")
                .doesNotContain(first)
                .doesNotContain("morphed")
                .doesNotContain("id=\"first-decision\"");
        String csrf = ConsoleClient.csrf(form.body());

        HttpResponse<String> forged =
                other.post("/quality/" + id, ConsoleClient.form("decision", "DISMISS", "note", "no token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> bad =
                other.post("/quality/" + id, ConsoleClient.form("_csrf", csrf, "decision", "ACKNOWLEDGE"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("decision");
        assertThat(app.cases().find(id).orElseThrow().events()).noneMatch(e -> e instanceof CaseEvent.QualityReviewed);

        HttpResponse<String> done = other.post(
                "/quality/" + id, ConsoleClient.form("_csrf", csrf, "decision", "DISMISS", "note", "a parody"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location")).contains("/quality/" + id + "/result");
        HttpResponse<String> result = other.get("/quality/" + id + "/result");
        assertThat(result.body())
                .contains("id=\"first-decision\">REMOVE · " + first)
                .contains("id=\"second-decision\">DISMISS · " + idOf(second))
                .contains("differs");
        assertThat(app.audit().forSubject("case:" + id))
                .filteredOn(e -> e.type().equals("case.quality_reviewed"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains(idOf(second)).contains("\"agrees\":\"false\""));

        HttpResponse<String> rates = other.get("/quality");
        assertThat(rates.body())
                .doesNotContain("data-case=\"" + id + "\"")
                .contains("<tr data-key=\"" + first + "\"><th scope=\"row\">" + first
                        + "</th><td>1</td><td>0</td><td class=\"rate\">0 %</td></tr>")
                .contains("<tr data-key=\"IN_3_2_B_COMPLAINT\"><th scope=\"row\">IN_3_2_B_COMPLAINT"
                        + "</th><td>1</td><td>0</td><td class=\"rate\">0 %</td></tr>");
        // Recorded once: a second post is a conflict, not a second review.
        assertThat(other.post("/quality/" + id, ConsoleClient.form("_csrf", csrf, "decision", "REMOVE"))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void overviewShowsThisWeeksBreachesTheMedianAndOnlyAnAdminVerifiesTheAuditChain() throws Exception {
        decided(32); // acted after 20 minutes
        notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(33)));
        clock.advance(Duration.ofHours(3)); // past the second case's 2-hour deadline (Monday 2026-03-02)

        ConsoleClient r = new ConsoleClient(port);
        r.signIn(reviewer);
        HttpResponse<String> page = r.get("/overview");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"breach-count\" data-count=\"1\"")
                .contains("<td class=\"median\">0:20:00</td>")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"tta-chart\"")
                .contains("data-status=\"never\"")
                .doesNotContain("id=\"verify-audit\"");
        HttpResponse<String> refused =
                r.post("/overview/verify-audit", ConsoleClient.form("_csrf", ConsoleClient.csrf(page.body())));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(app.audit().forSubject("audit:chain")).isEmpty();

        ConsoleClient admin = new ConsoleClient(port);
        admin.signIn(ADMIN);
        HttpResponse<String> adminPage = admin.get("/overview");
        assertThat(adminPage.body()).contains("id=\"verify-audit\"");
        assertThat(admin.post("/overview/verify-audit", ConsoleClient.form()).statusCode())
                .isEqualTo(403); // no CSRF token
        HttpResponse<String> verified =
                admin.post("/overview/verify-audit", ConsoleClient.form("_csrf", ConsoleClient.csrf(adminPage.body())));
        assertThat(verified.statusCode()).isEqualTo(303);
        assertThat(admin.get("/overview").body()).contains("data-status=\"ok\"");
        assertThat(app.audit().forSubject("audit:chain")).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("console.audit_verified");
            assertThat(e.details()).contains(idOf(ADMIN)).contains("\"valid\":true");
        });
    }
}
