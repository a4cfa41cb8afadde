package org.pramaan.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.testkit.TestImages;

/**
 * The console's Reports and Back-scans pages in a real browser (issue 17): an admin views a regulator's report with
 * every figure and downloads it (each view and download audited with its digest, as the API does); starts a folder
 * back-scan from the form, pauses and resumes it, and sees it finish with the planted match; a reviewer sees neither
 * page. Each page is scanned with axe-core.
 */
class ConsoleReportsScansBrowserTest extends ConsoleBrowserBase {
    static final int FILES = 1200;

    @TempDir
    Path corpus;

    @BeforeEach
    @Override
    void startServer() throws Exception {
        // One item per batch, so the job runs long enough to be paused from the page.
        start(Map.of("PRAMAAN_BACKSCAN_ALLOWED_ROOTS", corpus.toString(), "PRAMAAN_BACKSCAN_BATCH_SIZE", "1"));
        ingest = app.keys().create(Role.INGEST, "uploads").secret();
        reviewer = app.keys().create(Role.REVIEWER, "trust & safety").secret();
    }

    void signInWith(String key) {
        page.navigate(base() + "/signin");
        page.getByLabel("API key").fill(key);
        page.locator("#signin-submit").click();
        assertThat(page.locator("h1")).hasText("Open cases");
    }

    java.util.List<org.pramaan.audit.AuditEntry> generated() {
        java.util.List<org.pramaan.audit.AuditEntry> out = new java.util.ArrayList<>();
        app.audit().forEach(e -> {
            if (e.type().equals("report.generated")) out.add(e);
        });
        return out;
    }

    @Test
    void anAdminViewsAndDownloadsAReportEachAudited() throws Exception {
        String caseId = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(3)));
        signInWith(ADMIN);
        page.locator("nav a[href='/reports']").click();
        assertThat(page.locator("h1")).hasText("Regulators' reports");
        scan("reports");
        page.getByLabel("Report").selectOption("in-monthly");
        page.getByLabel("Month").fill("2026-03");
        page.locator("#report-submit").click();
        assertThat(page.locator("#report-title")).containsText("India: monthly compliance report");
        assertThat(page.locator("#report-period")).containsText("2026-03");
        assertThat(page.locator("#section-complaints tr[data-figure='complaints.received'] td.value"))
                .hasText("1");
        assertThat(page.locator("#section-complaints tr[data-figure='complaints.received'] td.details"))
                .containsText(caseId);
        scan("report-in-monthly");
        org.assertj.core.api.Assertions.assertThat(generated())
                .as("the view was audited")
                .hasSize(1);

        Download csv = page.waitForDownload(() -> page.locator("#download-csv").click());
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(text)
                .startsWith("report,period_from,period_to,zone,section")
                .contains("complaints.received");
        Download pdf = page.waitForDownload(() -> page.locator("#download-pdf").click());
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(pdf.path()))
                .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        org.assertj.core.api.Assertions.assertThat(pdf.suggestedFilename()).endsWith(".pdf");
        org.assertj.core.api.Assertions.assertThat(generated())
                .hasSize(3)
                .allSatisfy(e ->
                        org.assertj.core.api.Assertions.assertThat(e.details()).contains("sha256"));

        // Bad periods are refused by name; the India report takes only a calendar month.
        Response bad = page.navigate(base() + "/reports?kind=in-monthly&from=2026-03-01&to=2026-03-02");
        org.assertj.core.api.Assertions.assertThat(bad.status()).isEqualTo(400);
        assertThat(page.locator("main")).containsText("month");
        Response hostile = page.navigate(base() + "/reports?kind=dsa&month=2026-03%0d%0aX-Evil:1");
        org.assertj.core.api.Assertions.assertThat(hostile.status()).isEqualTo(400);
    }

    @Test
    void anAdminStartsPausesAndResumesAFolderBackScanThatFindsThePlantedCopy() throws Exception {
        for (int i = 0; i < FILES; i++)
            Files.write(
                    corpus.resolve(String.format("img-%04d.png", i)),
                    TestImages.png(TestImages.photo(32, 24, 100 + i)));
        Files.write(corpus.resolve("zz-near.jpg"), TestImages.jpeg(TestImages.photo(320, 240, 7), 0.6f));
        api.postJson("/v1/banks", ADMIN, "{\"name\":\"ncii\",\"kind\":\"ncii\"}");
        PdqResult near = new PdqHasher().hash(TestImages.photo(320, 240, 7));
        ApiClient.Response added = api.send(
                "POST",
                "/v1/banks/ncii/items",
                ADMIN,
                "application/x-ndjson",
                "{\"pdq\":\"" + near.hash().toHex() + "\",\"quality\":" + near.quality() + "}\n");
        org.assertj.core.api.Assertions.assertThat(added.status())
                .as(added.raw())
                .isIn(200, 201);

        signInWith(ADMIN);
        page.locator("nav a[href='/scans']").click();
        assertThat(page.locator("h1")).hasText("Back-scans");
        assertThat(page.locator("#scans-empty")).hasCount(1);
        page.locator("#scan-start summary").click();
        scan("scans");
        page.getByLabel("Source", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("folder");
        page.getByLabel("Folder", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill(corpus.toString());
        page.locator("#scan-submit").click();
        assertThat(page.locator("h1")).containsText("Back-scan");
        String id = page.locator("#scan-id").textContent();
        page.locator("#scan-pause").click();
        assertThat(page.locator("#scan-state")).hasAttribute("data-state", "paused");
        long doneAtPause = app.backscan().scans().get(id).counts().done();
        org.assertj.core.api.Assertions.assertThat(doneAtPause).isLessThan(FILES + 1);
        scan("scan-paused");
        org.assertj.core.api.Assertions.assertThat(
                        app.backscan().scans().get(id).counts().done())
                .as("a paused job does no more work")
                .isEqualTo(doneAtPause);
        page.locator("#scan-resume").click();
        assertThat(page.locator("#scan-state")).hasAttribute("data-state", "running");

        long until = System.nanoTime() + 120_000_000_000L;
        while (!app.backscan().scans().get(id).state().terminal()) {
            org.assertj.core.api.Assertions.assertThat(System.nanoTime()).isLessThan(until);
            Thread.sleep(50); // waiting for the server's executor, not timing a deadline
        }
        page.navigate(base() + "/scans/" + id);
        assertThat(page.locator("#scan-state")).hasAttribute("data-state", "finished");
        assertThat(page.locator("#scan-found")).containsText("1 matched");
        page.navigate(base() + "/scans");
        assertThat(page.locator("tr[data-scan='" + id + "'] .done")).containsText(FILES + 1 + " of " + (FILES + 1));
        scan("scans-finished");
        org.assertj.core.api.Assertions.assertThat(app.audit().forSubject("scan:" + id))
                .extracting(e -> e.type())
                .contains("backscan.started", "backscan.paused", "backscan.running", "backscan.finished")
                .allSatisfy(t -> org.assertj.core.api.Assertions.assertThat(t).startsWith("backscan."));
        org.assertj.core.api.Assertions.assertThat(app.audit().forSubject("scan:" + id))
                .filteredOn(e -> e.type().equals("backscan.started"))
                .singleElement()
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.details())
                        .contains("\"by\":\"key:"
                                + app.keys().authenticate(ADMIN).orElseThrow().keyId() + "\"")
                        .doesNotContain("\"by\":\"system"));
        // A folder outside the allowed roots is refused by name.
        page.navigate(base() + "/scans");
        page.locator("#scan-start summary").click();
        page.getByLabel("Source", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .selectOption("folder");
        page.getByLabel("Folder", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("/etc");
        page.locator("#scan-submit").click();
        assertThat(page.locator("main")).containsText("allowed roots");
    }

    @Test
    void aReviewerSeesNeitherPage() throws Exception {
        signInWith(reviewer);
        assertThat(page.locator("nav a[href='/reports']")).hasCount(0);
        assertThat(page.locator("nav a[href='/scans']")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(
                        page.navigate(base() + "/reports").status())
                .isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(
                        page.navigate(base() + "/scans").status())
                .isEqualTo(403);
    }
}
