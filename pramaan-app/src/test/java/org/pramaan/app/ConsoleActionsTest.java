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

    @Test
    void aCaseIsClaimedReassignedAndEscalatedFromTheConsoleAndTheQueueFiltersFollow() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(24)));
        String admin =
                app.keys().create(org.pramaan.access.Role.ADMIN, "senior-1").secret();
        String adminId = "key:" + app.keys().authenticate(admin).orElseThrow().keyId();
        String me = "key:" + app.keys().authenticate(reviewer).orElseThrow().keyId();
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());

        assertThat(c.get("/?assigned=none").body()).contains("data-case=\"" + id + "\"");
        assertThat(c.get("/?assigned=me").body()).doesNotContain("data-case=\"" + id + "\"");
        assertThat(c.post("/cases/" + id + "/claim", ConsoleClient.form("_csrf", token))
                        .statusCode())
                .isEqualTo(303);
        assertThat(app.cases().find(id).orElseThrow().assignee()).contains(me);
        assertThat(c.get("/?assigned=me").body()).contains("data-case=\"" + id + "\"");
        assertThat(c.get("/?assigned=none").body()).doesNotContain("data-case=\"" + id + "\"");
        assertThat(c.get("/?type=IN_3_2_B_COMPLAINT&assigned=me").body()).contains("data-case=\"" + id + "\"");

        // Reassigned to the admin, then back to no one; an unknown person is refused by name.
        assertThat(c.post("/cases/" + id + "/assign", ConsoleClient.form("_csrf", token, "assignee", adminId))
                        .statusCode())
                .isEqualTo(303);
        assertThat(app.cases().find(id).orElseThrow().assignee()).contains(adminId);
        HttpResponse<String> nobody =
                c.post("/cases/" + id + "/assign", ConsoleClient.form("_csrf", token, "assignee", "key:nope"));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(app.cases().find(id).orElseThrow().assignee()).contains(adminId);

        // Escalation needs a note and a senior; the case view then names the senior.
        HttpResponse<String> noNote =
                c.post("/cases/" + id + "/escalate", ConsoleClient.form("_csrf", token, "to", adminId, "note", ""));
        assertThat(noNote.statusCode()).isEqualTo(400);
        HttpResponse<String> escalated = c.post(
                "/cases/" + id + "/escalate",
                ConsoleClient.form("_csrf", token, "to", adminId, "note", "looks like a real person's face"));
        assertThat(escalated.statusCode()).as(escalated.body()).isEqualTo(303);
        assertThat(app.cases().find(id).orElseThrow().escalatedTo()).contains(adminId);
        assertThat(c.get("/cases/" + id).body()).contains("id=\"escalated-to\"").contains(adminId);
        var events = app.cases().find(id).orElseThrow().events();
        assertThat(events)
                .filteredOn(e -> e instanceof CaseEvent.EscalatedToSenior)
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsValue(me));

        // Without the CSRF token nothing changes; a filter value the page never offers is refused by name.
        assertThat(c.post("/cases/" + id + "/unassign", ConsoleClient.form()).statusCode())
                .isEqualTo(403);
        assertThat(app.cases().find(id).orElseThrow().assignee()).isPresent();
        HttpResponse<String> badState = c.get("/?state=sleeping");
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("state");
        assertThat(c.post("/cases/" + id + "/unassign", ConsoleClient.form("_csrf", token))
                        .statusCode())
                .isEqualTo(303);
        assertThat(app.cases().find(id).orElseThrow().assignee()).isEmpty();
        // Each console action is in the audit log (not only on the case) with the person who took it.
        for (String type : java.util.List.of("case.assigned", "case.escalated_to_senior", "case.unassigned"))
            assertThat(app.audit().forSubject("case:" + id)).as(type).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo(type);
                assertThat(e.details()).contains(me);
            });
    }

    @Test
    void aScreeningReviewIsResolvedWithAReasonAndAuditedWithThePerson() throws Exception {
        String mediaId = upload(TestMedia.cameraJpeg(25));
        var media = app.adapters().media();
        media.save(media.find(mediaId).orElseThrow().withStatus(org.pramaan.intake.MediaStatus.PENDING_REVIEW));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        HttpResponse<String> queue = c.get("/screening");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("data-media=\"" + mediaId + "\"");
        String token = ConsoleClient.csrf(queue.body());

        // Refused: no CSRF token, REVIEW again (never offered), no reason. Nothing changes.
        assertThat(c.post("/screening/" + mediaId + "/resolve", ConsoleClient.form("decision", "block", "reason", "x"))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> review = c.post(
                "/screening/" + mediaId + "/resolve",
                ConsoleClient.form("_csrf", token, "decision", "review", "reason", "x"));
        assertThat(review.statusCode()).isEqualTo(400);
        assertThat(review.body()).contains("decision");
        assertThat(c.post("/screening/" + mediaId + "/resolve", ConsoleClient.form("_csrf", token, "decision", "block"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(media.find(mediaId).orElseThrow().status()).isEqualTo(org.pramaan.intake.MediaStatus.PENDING_REVIEW);

        HttpResponse<String> done = c.post(
                "/screening/" + mediaId + "/resolve",
                ConsoleClient.form("_csrf", token, "decision", "block", "reason", "real person's intimate image"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(media.find(mediaId).orElseThrow().status()).isEqualTo(org.pramaan.intake.MediaStatus.BLOCKED);
        String actor = "key:" + app.keys().authenticate(reviewer).orElseThrow().keyId();
        assertThat(app.audit().forSubject("media:" + mediaId))
                .filteredOn(e -> e.type().equals("media.review_resolved"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains(actor).contains("BLOCK"));
        assertThat(c.get("/screening").body()).doesNotContain("data-media=\"" + mediaId + "\"");
        // Resolved twice: a conflict, not a second audit entry.
        assertThat(c.post(
                                "/screening/" + mediaId + "/resolve",
                                ConsoleClient.form("_csrf", token, "decision", "allow", "reason", "again"))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void theScreeningFormTakesAnOptionalFindingAndFamilyApartFromTheDecision() throws Exception {
        String mediaId = upload(TestMedia.cameraJpeg(27));
        var media = app.adapters().media();
        media.save(media.find(mediaId).orElseThrow().withStatus(org.pramaan.intake.MediaStatus.PENDING_REVIEW));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        HttpResponse<String> queue = c.get("/screening");
        assertThat(queue.body()).contains("name=\"finding\"", "value=\"synthetic\"", "name=\"family\"");
        String token = ConsoleClient.csrf(queue.body());
        HttpResponse<String> bad = c.post(
                "/screening/" + mediaId + "/resolve",
                ConsoleClient.form("_csrf", token, "decision", "label", "reason", "x", "finding", "fake"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("finding");
        HttpResponse<String> badFamily = c.post(
                "/screening/" + mediaId + "/resolve",
                ConsoleClient.form(
                        "_csrf", token, "decision", "label", "reason", "x", "finding", "synthetic", "family", "a b"));
        assertThat(badFamily.statusCode()).isEqualTo(400);
        assertThat(media.find(mediaId).orElseThrow().status()).isEqualTo(org.pramaan.intake.MediaStatus.PENDING_REVIEW);

        HttpResponse<String> done = c.post(
                "/screening/" + mediaId + "/resolve",
                ConsoleClient.form(
                        "_csrf",
                        token,
                        "decision",
                        "label",
                        "reason",
                        "generated",
                        "finding",
                        "synthetic",
                        "family",
                        "sd-xl"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(app.audit().forSubject("media:" + mediaId))
                .filteredOn(e -> e.type().equals("media.review_resolved"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("\"finding\":\"synthetic\"", "\"family\":\"sd-xl\""));
        // A camera JPEG screened without models has no model scores: the finding is audited, no label is kept.
        assertThat(app.adapters().reviewLabels().forMedia(mediaId)).isEmpty();
    }

    @Test
    void theAppealsQueueListsACaseOnlyWhileItsAppealWaits() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(26)));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());
        c.post("/cases/" + id + "/act", ConsoleClient.form("_csrf", token, "action", "REMOVE", "reason", "morphed"));
        assertThat(c.get("/appeals").body()).doesNotContain("data-case=\"" + id + "\"");
        api.postJson("/v1/cases/" + id + "/appeals", reviewer, "{\"appellant\":\"u1\",\"statement\":\"mine\"}");
        assertThat(c.get("/appeals").body()).contains("data-case=\"" + id + "\"");
        c.post(
                "/cases/" + id + "/appeal-decision",
                ConsoleClient.form("_csrf", token, "decision", "uphold", "reason", "it is the complainant"));
        assertThat(c.get("/appeals").body()).doesNotContain("data-case=\"" + id + "\"");
    }

    @Test
    void anAccountSignsInWithItsPasswordAndItsPreferencesShapeThePages() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(25)));
        app.consoleServices()
                .accounts()
                .create(
                        "asha",
                        "correct horse battery",
                        org.pramaan.access.Role.REVIEWER,
                        false,
                        org.pramaan.access.Actor.operator("test-admin"));
        ConsoleClient c = new ConsoleClient(port);
        HttpResponse<String> wrong =
                c.post("/signin", ConsoleClient.form("username", "asha", "password", "wrong horse battery"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(ConsoleClient.setCookie(wrong)).isEmpty();
        HttpResponse<String> ok =
                c.post("/signin", ConsoleClient.form("username", "asha", "password", "correct horse battery"));
        assertThat(ok.statusCode()).isEqualTo(303);
        c.cookie = ConsoleClient.setCookie(ok).orElseThrow().split(";")[0];
        assertThat(c.get("/").body()).contains("data-case=\"" + id + "\"");

        // A claim is recorded with the account, not a key.
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());
        assertThat(c.post("/cases/" + id + "/claim", ConsoleClient.form("_csrf", token))
                        .statusCode())
                .isEqualTo(303);
        assertThat(app.cases().find(id).orElseThrow().assignee()).contains("user:asha");

        // Shielded by default; preferences turn that off, switch to Hindi and show dates in IST.
        assertThat(c.get("/cases/" + id).body()).contains("media-item shielded");
        HttpResponse<String> badZone = c.post(
                "/preferences",
                ConsoleClient.form("_csrf", token, "blur", "false", "language", "hi", "timeZone", "Mars/Olympus"));
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.body()).contains("timeZone");
        HttpResponse<String> saved = c.post(
                "/preferences",
                ConsoleClient.form("_csrf", token, "blur", "false", "language", "hi", "timeZone", "Asia/Kolkata"));
        assertThat(saved.statusCode()).isEqualTo(303);
        String page = c.get("/cases/" + id).body();
        assertThat(page).doesNotContain("media-item shielded").contains("<html lang=\"hi\">");
        assertThat(app.consoleServices()
                        .preferences()
                        .get(new org.pramaan.access.Actor.User("asha", java.util.Optional.empty()))
                        .timeZone())
                .isEqualTo("Asia/Kolkata");

        // The preferences stay with the person: a new session starts in Hindi.
        ConsoleClient again = new ConsoleClient(port);
        HttpResponse<String> second =
                again.post("/signin", ConsoleClient.form("username", "asha", "password", "correct horse battery"));
        again.cookie = ConsoleClient.setCookie(second).orElseThrow().split(";")[0];
        assertThat(again.get("/").body()).contains("<html lang=\"hi\">");
    }
}
