package org.pramaan.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pramaan.testkit.TestImages;

/**
 * The case view's evidence in a real browser (issue 13, case view): a PDQ match shown beside the banked item with its
 * distance and variant, matched vPDQ segments on the video's timeline that seek the player, and the action preview's
 * messages beside the statement of reasons; axe-scanned.
 */
class ConsoleCaseViewBrowserTest extends ConsoleBrowserBase {

    void signIn() {
        page.navigate(base() + "/signin");
        page.getByLabel("API key").fill(reviewer);
        page.locator("#signin-submit").click();
        assertThat(page.locator("h1")).hasText("Open cases");
    }

    /** Removes the case's content through the API, which banks it in the "removed" bank with the case's id. */
    void remove(String caseId) throws Exception {
        ApiClient.Response acted = api.postJson(
                "/v1/cases/" + caseId + "/actions", reviewer, "{\"action\":\"remove\",\"note\":\"morphed\"}");
        org.assertj.core.api.Assertions.assertThat(acted.status())
                .as(acted.raw())
                .isEqualTo(200);
    }

    @Test
    void aPdqMatchIsShownBesideTheBankedItemShieldedAndThePreviewShowsTheMessages() throws Exception {
        // The platform's webhook reaches the notifier and the uploader, in Hindi (the platform's language).
        stop();
        start(java.util.Map.of(
                "PRAMAAN_NOTIFY_WEBHOOK_URL", "https://platform.example/hook",
                "PRAMAAN_NOTIFY_WEBHOOK_SECRET", "sixteen-chars-ok",
                "PRAMAAN_NOTIFY_LANGUAGE", "hi"));
        ingest = app.keys().create(org.pramaan.access.Role.INGEST, "uploads").secret();
        reviewer = app.keys()
                .create(org.pramaan.access.Role.REVIEWER, "trust & safety")
                .secret();
        BufferedImage photo = TestImages.photo(640, 480, 41);
        String first = notice("IN_3_2_B_COMPLAINT", upload(TestImages.jpeg(photo, 0.9f)));
        remove(first);
        // A smaller, harder-compressed copy: not the same bytes, close PDQ hash.
        ApiClient.Response up =
                api.postBytes("/v1/media?uploaderId=u-7", ingest, TestImages.jpeg(TestImages.scale(photo, 0.85), 0.7f));
        String again = up.json().path("id").asText();
        String id = notice("IN_3_2_B_COMPLAINT", again);
        signIn();
        page.navigate(base() + "/cases/" + id);
        var match = page.locator("#hash-matches article.match").first();
        assertThat(match.locator(".match-method")).hasText("pdq");
        assertThat(match.locator(".match-variant")).hasText("original");
        int distance =
                Integer.parseInt(match.locator(".match-distance").textContent().trim());
        assertThat(distance).isBetween(0, 31);
        // The banked item is the first case's removed image, shielded like this case's content (r.3(2)(b)).
        assertThat(match.locator("figure[id$='-bank'] img")).hasAttribute("src", "/cases/" + first + "/media");
        assertThat(match.locator("figure[id$='-bank']")).hasClass("media-item thumb shielded");
        match.locator("figure[id$='-bank'] button.reveal").click();
        assertThat(match.locator("figure[id$='-bank']")).hasClass("media-item thumb shielded revealed");
        scan("case-hash-match");

        page.locator("#act-action").selectOption("REMOVE");
        page.locator("#act-reason").fill("Same image as case " + first + " <b>again</b>");
        page.locator("#act-preview").click();
        assertThat(page.locator("#sor-json")).containsText("DECISION_VISIBILITY_CONTENT_REMOVED");
        // The decision to the notifier and the restriction notice to the uploader, escaped, in Hindi.
        assertThat(page.locator("#message-preview li")).hasCount(2);
        assertThat(page.locator("#message-preview")).containsText("account:u-7");
        assertThat(page.locator("#message-preview li[lang='hi']")).hasCount(2);
        assertThat(page.locator("#message-preview .message-body").nth(1)).containsText("<b>again</b>");
        scan("case-message-preview");
    }

    @Test
    void matchedVideoSegmentsAreOnTheTimelineAndSeekThePlayer() throws Exception {
        Path original = dataDir.resolve("original.mp4");
        TestMedia.x264Mp4(original);
        String first = notice("IN_3_2_B_COMPLAINT", upload(Files.readAllBytes(original)));
        remove(first);
        Path copy = dataDir.resolve("copy.mp4");
        reencode(original, copy);
        String id = notice("IN_3_2_B_COMPLAINT", upload(Files.readAllBytes(copy)));
        signIn();
        page.navigate(base() + "/cases/" + id);
        assertThat(page.locator("#hash-matches .match-method").first()).hasText("vpdq");
        assertThat(page.locator("#segment-bar rect.segment").first()).isAttached();
        var seek = page.locator("#segment-list button.seek").first();
        assertThat(seek).isVisible();
        double target = Double.parseDouble(seek.getAttribute("data-seek"));
        // Seek somewhere else first, so a segment starting at 0 s still proves the click moved the player.
        page.evaluate("() => { document.querySelector('#media-1 video').currentTime = 2.5; }");
        seek.click();
        double now =
                ((Number) page.evaluate("() => document.querySelector('#media-1 video').currentTime")).doubleValue();
        assertThat(now).isCloseTo(target, org.assertj.core.data.Offset.offset(0.05));
        scan("case-video-segments");
    }

    /** The same test picture re-encoded smaller at a lower quality: other bytes, the same frames to vPDQ. */
    static void reencode(Path in, Path out) throws Exception {
        Process p = new ProcessBuilder(java.util.List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-i",
                        in.toString(),
                        "-vf",
                        "scale=256:192",
                        "-c:v",
                        "libx264",
                        "-crf",
                        "30",
                        "-pix_fmt",
                        "yuv420p",
                        out.toString()))
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) throw new AssertionError("ffmpeg could not re-encode " + in);
    }
}
