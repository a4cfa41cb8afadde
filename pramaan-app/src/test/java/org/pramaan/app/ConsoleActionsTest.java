package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pramaan.cases.CaseEvent;

/** The review console's case actions over real HTTP: each one recorded with the person who took it. */
class ConsoleActionsTest extends ServerTestBase {

    @Test
    void anAppealIsDecidedFromTheCaseViewByThePersonSignedIn() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(21)));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());
        assertThat(c.post(
                                "/cases/" + id + "/act",
                                ConsoleClient.form("_csrf", token, "action", "REMOVE", "reason", "morphed image"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(c.get("/cases/" + id).body()).doesNotContain("appeal-form");
        ApiClient.Response appeal = api.postJson(
                "/v1/cases/" + id + "/appeals", reviewer, "{\"appellant\":\"u1\",\"statement\":\"it is satire\"}");
        assertThat(appeal.status()).as(appeal.raw()).isIn(200, 201);
        assertThat(c.get("/cases/" + id).body()).contains("id=\"appeal-form\"");

        HttpResponse<String> missingReason =
                c.post("/cases/" + id + "/appeal-decision", ConsoleClient.form("_csrf", token, "decision", "reverse"));
        assertThat(missingReason.statusCode()).isEqualTo(400);
        assertThat(missingReason.body()).contains("a reason is required");
        HttpResponse<String> decided = c.post(
                "/cases/" + id + "/appeal-decision",
                ConsoleClient.form("_csrf", token, "decision", "reverse", "reason", "satire is lawful here"));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(303);

        String actor = "key:" + app.keys().authenticate(reviewer).orElseThrow().keyId();
        var events = app.cases().find(id).orElseThrow().events();
        assertThat(events)
                .filteredOn(e -> e instanceof CaseEvent.AppealDecided)
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsValue(actor));
        assertThat(c.get("/cases/" + id).body()).doesNotContain("id=\"appeal-form\"");
    }

    @Test
    void theContentAndTheEvidenceBundleAreServedOnlyToASession() throws Exception {
        byte[] jpeg = TestMedia.cameraJpeg(22);
        String id = notice("IN_3_2_B_COMPLAINT", upload(jpeg));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        HttpResponse<String> media = c.get("/cases/" + id + "/media");
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("image/jpeg"));
        assertThat(media.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> bundle = c.get("/cases/" + id + "/bundle");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(bundle.body()).startsWith("PK");

        ConsoleClient stranger = new ConsoleClient(port);
        assertThat(stranger.get("/cases/" + id + "/media").statusCode()).isEqualTo(303);
        assertThat(stranger.get("/cases/" + id + "/bundle").statusCode()).isEqualTo(303);
    }

    @Test
    void theStatementPreviewStoresNothing() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(23)));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());
        int before = app.cases().find(id).orElseThrow().events().size();
        HttpResponse<String> preview = c.post(
                "/cases/" + id + "/preview",
                ConsoleClient.form("_csrf", token, "action", "REMOVE", "reason", "<b>bold</b> reason"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("DECISION_VISIBILITY_CONTENT_REMOVED")
                .contains("&lt;b&gt;bold");
        assertThat(app.cases().find(id).orElseThrow().events()).hasSize(before);
        HttpResponse<String> dismiss = c.post(
                "/cases/" + id + "/preview", ConsoleClient.form("_csrf", token, "action", "ACKNOWLEDGE", "reason", ""));
        assertThat(dismiss.body()).contains("id=\"sor-none\"");
        HttpResponse<String> unknown = c.post(
                "/cases/" + id + "/preview", ConsoleClient.form("_csrf", token, "action", "NUKE", "reason", "x"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown action");
    }
}
