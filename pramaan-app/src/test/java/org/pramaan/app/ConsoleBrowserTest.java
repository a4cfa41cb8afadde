package org.pramaan.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The review console's main flows in a real browser (issue 13, "Done when"); the browser, the axe-core scan and the
 * screenshots are set up by {@link ConsoleBrowserBase}.
 */
class ConsoleBrowserTest extends ConsoleBrowserBase {

    void signIn() throws IOException {
        page.navigate(base() + "/");
        assertThat(page).hasURL(base() + "/signin");
        scan("signin");
        page.getByLabel("API key").fill(reviewer);
        page.locator("#signin-submit").click();
        assertThat(page.locator("h1")).hasText("Open cases");
    }

    @Test
    void workATwoHourComplaintFromTheQueueToRemovalBeforeItsDeadline() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(11)));
        clock.advance(Duration.ofMinutes(10));
        signIn();
        var row = page.locator("tr[data-case='" + id + "']");
        assertThat(row).containsText("IN_3_2_B_COMPLAINT");
        // The countdown runs from the server's (fake) clock: 1 h 50 min left, green before the pack's 50 % threshold.
        assertThat(row.locator(".countdown")).containsText("1:49:");
        assertThat(row.locator(".countdown")).hasClass("countdown urgency-ok");
        scan("queue");

        page.keyboard().press("j");
        assertThat(page.locator("a.case-link").first()).isFocused();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(base() + "/cases/" + id);
        // Intimate imagery / impersonation complaint: the image is shielded until revealed.
        assertThat(page.locator("#media-1")).hasClass("media-item shielded");
        page.locator("button.reveal").click();
        assertThat(page.locator("#media-1")).hasClass("media-item shielded revealed");
        page.locator("button.reveal").click();
        assertThat(page.locator("#notice-fields")).containsText("https://example.org/p/1");
        scan("case");

        page.locator("#act-action").selectOption("REMOVE");
        page.locator("#act-reason").fill("Morphed image of the complainant, r.3(2)(b)");
        page.locator("#act-preview").click();
        assertThat(page.locator("#sor-json")).containsText("DECISION_VISIBILITY_CONTENT_REMOVED");
        assertThat(page.locator("#sor-json")).containsText("Morphed image of the complainant");
        scan("case-preview");
        page.locator("#act-confirm").click();

        assertThat(page).hasURL(base() + "/");
        assertThat(page.locator("tr[data-case='" + id + "']")).hasCount(0);
        assertThat(app.cases().find(id).orElseThrow().outcome()).contains(org.pramaan.cases.CaseAction.REMOVE);
    }

    @Test
    void aCaseTurnsBreachedWhenTheClockPassesItsDeadline() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(12)));
        signIn();
        // The reviewer keeps working (each reload inside the 30-minute idle timeout) while the clock runs past 75 %.
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(24));
            page.reload();
        }
        assertThat(page.locator("tr[data-case='" + id + "'] .countdown")).hasClass("countdown urgency-urgent");
        clock.advance(Duration.ofMinutes(25)); // 2 h 1 min after receipt: past the r.3(2)(b) deadline
        app.cases().checkClocks();
        page.reload();
        var countdown = page.locator("tr[data-case='" + id + "'] .countdown");
        assertThat(countdown).hasClass("countdown urgency-breached");
        assertThat(countdown).containsText("BREACHED");
        scan("queue-breached");
        page.locator("a.case-link").first().click();
        assertThat(page.locator("#timeline")).containsText("breached");
    }

    @Test
    void switchToHindi() throws Exception {
        notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(13)));
        signIn();
        page.getByLabel("Language").selectOption("hi");
        page.locator("#lang-apply").click();
        assertThat(page.locator("html")).hasAttribute("lang", "hi");
        assertThat(page.locator("h1")).hasText("खुले मामले");
        assertThat(page.locator("#signout")).hasText("साइन आउट");
        scan("queue-hi");
        page.locator("a.case-link").first().click();
        assertThat(page.locator("#h-notice")).hasText("सूचना");
        scan("case-hi");
    }

    @Test
    void claimReassignAndEscalateWithTheKeyboardAndForms() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(14)));
        String admin = app.keys()
                .create(org.pramaan.access.Role.ADMIN, "senior-reviewer")
                .secret();
        String adminId = "key:" + app.keys().authenticate(admin).orElseThrow().keyId();
        signIn();
        page.locator("#f-assigned").selectOption("none");
        page.locator("#filter-apply").click();
        assertThat(page.locator("tr[data-case='" + id + "']")).hasCount(1);
        page.locator("tr[data-case='" + id + "'] a.case-link").click();
        assertThat(page.locator("#assignee")).containsText("no one");
        page.keyboard().press("c"); // claim
        assertThat(page.locator("#assignee")).containsText("key:");
        scan("case-assigned");

        page.locator("#assign-to").selectOption(adminId);
        page.locator("#assign").click();
        assertThat(page.locator("#assignee")).containsText(adminId);

        page.keyboard().press("e"); // to the escalation note
        assertThat(page.locator("#escalate-note")).isFocused();
        page.keyboard().type("The face may be a public figure's: senior call");
        page.locator("#escalate-to").selectOption(adminId);
        page.locator("#escalate").click();
        assertThat(page.locator("#escalated-to")).hasText(adminId);
        assertThat(page.locator("#timeline")).containsText("escalated_to_senior");

        page.navigate(base() + "/?assigned=none");
        assertThat(page.locator("tr[data-case='" + id + "']")).hasCount(0);
        scan("queue-filtered");

        page.navigate(base() + "/preferences");
        page.locator("#prefs-zone").selectOption("Asia/Kolkata");
        page.locator("#prefs-save").click();
        assertThat(page.locator("#prefs-zone")).hasValue("Asia/Kolkata");
        scan("preferences");
        page.navigate(base() + "/");
        assertThat(page.locator("tr[data-case='" + id + "'] time").first()).containsText("+05:30");
    }

    @Test
    void resolveAnUploadFromTheScreeningQueueAndReverseAnAppealFromTheAppealsQueue() throws Exception {
        // An upload screening left for review (REVIEW is set on the record, as intake stores it).
        String mediaId = upload(TestMedia.cameraJpeg(15));
        var media = app.adapters().media();
        media.save(media.find(mediaId).orElseThrow().withStatus(org.pramaan.intake.MediaStatus.PENDING_REVIEW));
        String caseId = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(16)));
        String me = "key:" + app.keys().authenticate(reviewer).orElseThrow().keyId();
        signIn();

        page.locator("nav a[href='/screening']").click();
        assertThat(page.locator("h1")).hasText("Uploads to review");
        var row = page.locator("tr[data-media='" + mediaId + "']");
        assertThat(row).hasCount(1);
        scan("screening");
        row.getByLabel("Decision").selectOption("label");
        row.getByLabel("Reason").fill("AI-generated face swap, parody account");
        row.locator("button.resolve-submit").click();
        assertThat(page).hasURL(base() + "/screening");
        assertThat(page.locator("tr[data-media='" + mediaId + "']")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(
                        media.find(mediaId).orElseThrow().status())
                .isEqualTo(org.pramaan.intake.MediaStatus.LABELLED);
        org.assertj.core.api.Assertions.assertThat(app.audit().forSubject("media:" + mediaId))
                .filteredOn(e -> e.type().equals("media.review_resolved"))
                .singleElement()
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.details())
                        .contains(me)
                        .contains("LABEL"));

        // Removed, appealed through the API, then reversed from the appeals queue: the content is restored.
        page.navigate(base() + "/cases/" + caseId);
        page.locator("#act-action").selectOption("REMOVE");
        page.locator("#act-reason").fill("Morphed image of the complainant");
        page.locator("#act-confirm").click();
        String caseMedia = app.cases().find(caseId).orElseThrow().mediaId();
        org.assertj.core.api.Assertions.assertThat(
                        media.find(caseMedia).orElseThrow().status())
                .isEqualTo(org.pramaan.intake.MediaStatus.REMOVED);
        ApiClient.Response appeal = api.postJson(
                "/v1/cases/" + caseId + "/appeals", reviewer, "{\"appellant\":\"u1\",\"statement\":\"it is me\"}");
        org.assertj.core.api.Assertions.assertThat(appeal.status())
                .as(appeal.raw())
                .isIn(200, 201);
        page.locator("nav a[href='/appeals']").click();
        assertThat(page.locator("h1")).hasText("Appeals");
        scan("appeals");
        page.locator("tr[data-case='" + caseId + "'] a.case-link").click();
        page.locator("#appeal-reverse").check();
        page.locator("#appeal-reason").fill("The complainant consented: reversed");
        page.locator("#appeal-submit").click();
        assertThat(page.locator("#appeal-form")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(
                        media.find(caseMedia).orElseThrow().status())
                .isNotEqualTo(org.pramaan.intake.MediaStatus.REMOVED);
        page.navigate(base() + "/appeals");
        assertThat(page.locator("#appeals-empty")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(
                        app.cases().find(caseId).orElseThrow().events())
                .filteredOn(e -> e instanceof org.pramaan.cases.CaseEvent.AppealDecided)
                .singleElement()
                .satisfies(e ->
                        org.assertj.core.api.Assertions.assertThat(e.details()).containsValue(me));
    }

    @Test
    void importABankWithAnErrorLineToggleShadowAndSeeTheCounts() throws Exception {
        ApiClient.Response created = api.postJson(
                "/v1/banks",
                ADMIN,
                "{\"name\":\"partner\",\"kind\":\"partner-feed\",\"state\":\"enabled\",\"description\":\"Feed from partner A\"}");
        org.assertj.core.api.Assertions.assertThat(created.status())
                .as(created.raw())
                .isEqualTo(201);
        byte[] image = TestMedia.cameraJpeg(31);
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(image));
        String near = "0".repeat(63) + "1";
        signIn();
        page.locator("nav a[href='/banks']").click();
        assertThat(page.locator("h1")).hasText("Hash banks");
        assertThat(page.locator("tr[data-bank='partner'] td.items")).hasText("0");
        scan("banks");
        page.locator("tr[data-bank='partner'] a.bank-link").click();
        assertThat(page).hasURL(base() + "/banks/partner");

        // A file with a bad line: the preview names it, stores nothing, and offers no confirmation (the API refuses
        // such a file whole).
        String bad = "hash,quality,note,sha256\n" + "0".repeat(64) + ",90,seed,\nnot-a-hash,90,typo,\n";
        page.locator("#import-file")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "partner.csv", "text/csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("#import-format").selectOption("csv");
        page.locator("#import-preview").click();
        assertThat(page.locator("h1")).hasText("Import preview");
        assertThat(page.locator("#import-error-count")).hasText("1");
        assertThat(page.locator("#import-errors tbody tr").first()).containsText("3");
        assertThat(page.locator("#import-errors tbody tr").first()).containsText("hash");
        assertThat(page.locator("#import-confirm")).hasCount(0);
        scan("bank-import-errors");
        page.locator("#import-cancel").click();
        org.assertj.core.api.Assertions.assertThat(app.banks().items("partner")).isEmpty();

        String good = "hash,quality,note,sha256\n" + "0".repeat(64) + ",90,seed,\n" + near + ",80,near seed,\n"
                + ",,camera image," + sha + "\n";
        page.locator("#import-file")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "partner.csv", "text/csv", good.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("#import-format").selectOption("csv");
        page.locator("#import-preview").click();
        assertThat(page.locator("#import-items")).hasText("3");
        assertThat(page.locator("#import-error-count")).hasText("0");
        scan("bank-import");
        page.locator("#import-confirm").click();
        assertThat(page).hasURL(base() + "/banks/partner");
        assertThat(page.locator("#bank-items")).hasText("3");

        page.locator("#search-q").fill("0".repeat(64));
        page.locator("#search-mode").selectOption("near");
        page.locator("#search-submit").click();
        assertThat(page.locator("#items tbody tr")).hasCount(2);
        assertThat(page.locator("#items tbody tr").nth(1).locator("td.distance"))
                .hasText("1");
        scan("bank");

        // Shadow: the bank still matches and counts, but changes no decision.
        page.navigate(base() + "/banks");
        page.locator("#state-partner").selectOption("shadow");
        page.locator("tr[data-bank='partner'] button.state-submit").click();
        assertThat(page.locator("tr[data-bank='partner'] .tag.state")).hasAttribute("data-state", "shadow");
        upload(image);
        page.reload();
        assertThat(page.locator("tr[data-bank='partner'] td.shadow-hits")).hasText("1");
        assertThat(page.locator("tr[data-bank='partner'] td.kinds")).containsText("SHA-256 1 · PDQ 2");
        scan("banks-shadow");

        page.getByLabel("Language").selectOption("hi");
        page.locator("#lang-apply").click();
        page.navigate(base() + "/banks");
        assertThat(page.locator("h1")).hasText("हैश बैंक");
        assertThat(page.locator("tr[data-bank='partner'] .tag.state")).hasText("शैडो");
        scan("banks-hi");
    }
}
