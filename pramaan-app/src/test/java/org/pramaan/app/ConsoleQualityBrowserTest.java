package org.pramaan.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;

/**
 * Quality review and the overview in a real browser (issue 13, "Done when": "sample a decision for quality review"):
 * every decision sampled (console.quality-sample-rate = 1), a blind second review by a second person, the agreement
 * page, a breach on the overview once the fake clock passes a deadline, the chart and the audit verification. Each page
 * is scanned with axe-core; {@code -Dconsole.screenshots=true} saves them to {@code docs/console/}.
 */
class ConsoleQualityBrowserTest extends ConsoleBrowserBase {
    String second;

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

    /** A notice from the admin key (the notice names its submitter; the blind form must not name the decider). */
    String adminNotice(int seed) throws Exception {
        ApiClient.Response n = api.postJson(
                "/v1/notices",
                ADMIN,
                "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + upload(TestMedia.cameraJpeg(seed))
                        + "\",\"fields\":{\"complainant\":\"self\",\"url\":\"https://example.org/p/1\"}}");
        org.assertj.core.api.Assertions.assertThat(n.status()).as(n.raw()).isEqualTo(201);
        return n.json().path("id").asText();
    }

    /** Removed by the first reviewer 20 minutes after receipt. */
    String decided(int seed) throws Exception {
        String id = adminNotice(seed);
        clock.advance(Duration.ofMinutes(20));
        ApiClient.Response r =
                api.postJson("/v1/cases/" + id + "/actions", reviewer, "{\"action\":\"REMOVE\",\"note\":\"morphed\"}");
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return id;
    }

    void signInWith(String key) {
        page.navigate(base() + "/signin");
        page.getByLabel("API key").fill(key);
        page.locator("#signin-submit").click();
        assertThat(page.locator("h1")).hasText("Open cases");
    }

    @Test
    void aSampledDecisionGetsABlindSecondReviewAndShowsOnTheAgreementPage() throws Exception {
        String id = decided(41);
        String first = idOf(reviewer);
        signInWith(second);

        page.locator("nav a[href='/quality']").click();
        assertThat(page.locator("h1")).hasText("Quality review");
        assertThat(page.locator("#by-reviewer .no-data")).hasText("No data yet");
        scan("quality");
        page.locator("tr[data-case='" + id + "'] a.quality-link").click();
        assertThat(page).hasURL(base() + "/quality/" + id);
        // Blind: the notice is there, the first decision and its decider are not.
        assertThat(page.locator("#notice-fields")).containsText("https://example.org/p/1");
        assertThat(page.locator("#first-decision")).hasCount(0);
        assertThat(page.locator("main")).not().containsText(first);
        // The content as on the case page: shielded for an impersonation / intimate-imagery complaint until revealed.
        assertThat(page.locator("#media-1")).hasClass("media-item shielded");
        scan("quality-review");
        page.locator("button.reveal").click();
        assertThat(page.locator("#media-1")).hasClass("media-item shielded revealed");

        page.getByLabel("Your decision").selectOption("REMOVE");
        page.getByLabel("Note").fill("Same call: morphed image of the complainant");
        page.locator("#quality-submit").click();
        assertThat(page).hasURL(base() + "/quality/" + id + "/result");
        assertThat(page.locator("#quality-agrees")).hasText("Your decision agrees with the first decision.");
        assertThat(page.locator("#first-decision")).hasText("REMOVE · " + first);
        scan("quality-result");

        page.locator("nav a[href='/quality']").click();
        assertThat(page.locator("#quality-empty")).hasCount(1);
        assertThat(page.locator("#by-reviewer tr[data-key='" + first + "'] .rate"))
                .hasText("100 %");
        assertThat(page.locator("#by-type tr[data-key='IN_3_2_B_COMPLAINT'] td").first())
                .hasText("1");
        scan("quality-agreement");
        org.assertj.core.api.Assertions.assertThat(app.audit().forSubject("case:" + id))
                .filteredOn(e -> e.type().equals("case.quality_reviewed"))
                .singleElement()
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.details())
                        .contains(idOf(second))
                        .contains("\"agrees\":\"true\""));

        page.getByLabel("Language").selectOption("hi");
        page.locator("#lang-apply").click();
        page.navigate(base() + "/quality");
        assertThat(page.locator("h1")).hasText("गुणवत्ता समीक्षा");
        assertThat(page.locator("#by-reviewer tr[data-key='" + first + "'] .rate"))
                .hasText("100 %");
        scan("quality-hi");
    }

    @Test
    void theOverviewShowsABreachTheChartAndVerifiesTheAuditChain() throws Exception {
        decided(42);
        String open = adminNotice(43);
        signInWith(ADMIN);
        page.locator("nav a[href='/overview']").click();
        assertThat(page.locator("#breach-count")).hasAttribute("data-count", "0");

        // The admin keeps working (each reload inside the 30-minute idle timeout) while the clock passes the deadline.
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(25));
            page.reload();
        }
        assertThat(page.locator("#breach-count")).hasAttribute("data-count", "1");
        assertThat(page.locator("#breaches tr[data-case='" + open + "']")).hasCount(1);
        // The chart is an image with its name (SVG <title>) and a bar per notice type; the table says the same.
        var chart = page.getByRole(
                AriaRole.IMG,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Median time to action per notice type"));
        assertThat(chart).hasCount(1);
        assertThat(page.locator("#tta-chart rect")).hasCount(1);
        assertThat(page.locator("#tta-table tr[data-type='IN_3_2_B_COMPLAINT'] .median"))
                .hasText("0:20:00");
        assertThat(page.locator("#audit-status")).hasAttribute("data-status", "never");

        page.locator("#verify-audit").click();
        assertThat(page).hasURL(base() + "/overview#audit");
        assertThat(page.locator("#audit-status")).hasAttribute("data-status", "ok");
        assertThat(page.locator("#audit-status")).containsText(idOf(ADMIN));
        scan("overview");
        org.assertj.core.api.Assertions.assertThat(app.audit().forSubject("audit:chain"))
                .singleElement()
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.details())
                        .contains(idOf(ADMIN))
                        .contains("\"valid\":true"));
    }
}
