package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.json.Json;
import org.pramaan.notify.Delivery;

/**
 * The action form's message preview shows, escaped, exactly the messages that delivery then enqueues: same subject and
 * text, in the person's language (the platform default here is Hindi), to the notifier and the uploader.
 */
class ConsoleMessagePreviewTest extends ServerTestBase {

    private void restartWithWebhook() throws Exception {
        stop();
        start(Map.of(
                "PRAMAAN_NOTIFY_WEBHOOK_URL", "https://platform.example/hook",
                "PRAMAAN_NOTIFY_WEBHOOK_SECRET", "sixteen-chars-ok",
                "PRAMAAN_NOTIFY_LANGUAGE", "hi"));
        ingest = app.keys().create(Role.INGEST, "uploads").secret();
        reviewer = app.keys().create(Role.REVIEWER, "trust & safety").secret();
    }

    @Test
    void thePreviewShowsTheMessagesDeliveryThenSendsWordForWordAndEscaped() throws Exception {
        restartWithWebhook();
        ApiClient.Response up = api.postBytes("/v1/media?uploaderId=u-42", ingest, TestMedia.cameraJpeg(31));
        assertThat(up.status()).as(up.raw()).isIn(200, 201);
        String id = notice("IN_3_2_B_COMPLAINT", up.json().path("id").asText());
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());
        String reason = "morphed <b>face</b> & \"voice\"";
        HttpResponse<String> preview = c.post(
                "/cases/" + id + "/preview", ConsoleClient.form("_csrf", token, "action", "REMOVE", "reason", reason));
        assertThat(preview.statusCode()).isEqualTo(200);
        String html = preview.body();
        assertThat(html)
                .contains("id=\"message-preview\"")
                .contains("account:u-42")
                .contains("lang=\"hi\"");
        assertThat(html).doesNotContain("<b>face</b>").contains("&lt;b&gt;face&lt;/b&gt;");
        List<String> shown = between(html, "<pre class=\"sor message-body\">", "</pre>");
        List<String> subjects = between(html, "<p class=\"message-subject\"><strong>", "</strong></p>");
        assertThat(shown).hasSize(2); // the decision to the notifier, the restriction notice to the uploader
        // Messages already sent (the acknowledgement of receipt) are not the action's; the preview sent nothing.
        List<String> before = app.adapters().deliveries().forCase(id).stream()
                .map(Delivery::id)
                .toList();
        assertThat(app.adapters().deliveries().forCase(id))
                .noneMatch(d -> d.kind().startsWith("notify.decision"));

        assertThat(c.post(
                                "/cases/" + id + "/act",
                                ConsoleClient.form("_csrf", token, "action", "REMOVE", "reason", reason))
                        .statusCode())
                .isEqualTo(303);
        List<String> sentTexts = new ArrayList<>();
        List<String> sentSubjects = new ArrayList<>();
        for (Delivery d : app.adapters().deliveries().forCase(id)) {
            if (!d.kind().startsWith("notify.") || before.contains(d.id())) continue;
            JsonNode body = Json.mapper().readTree(d.body());
            sentTexts.add(body.path("text").asText());
            sentSubjects.add(d.subject());
            assertThat(body.path("language").asText()).isEqualTo("hi");
        }
        assertThat(sentTexts).hasSize(2);
        assertThat(shown.stream().map(ConsoleMessagePreviewTest::unescape).toList())
                .containsExactlyInAnyOrderElementsOf(sentTexts);
        assertThat(subjects.stream().map(ConsoleMessagePreviewTest::unescape).toList())
                .containsExactlyInAnyOrderElementsOf(sentSubjects);
        assertThat(sentTexts).anySatisfy(t -> assertThat(t).contains(reason));
    }

    @Test
    void withNoWayToReachAnyoneThePreviewSaysNoMessageIsSent() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(32)));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        String token = ConsoleClient.csrf(c.get("/cases/" + id).body());
        HttpResponse<String> preview = c.post(
                "/cases/" + id + "/preview", ConsoleClient.form("_csrf", token, "action", "REMOVE", "reason", "x"));
        assertThat(preview.body()).contains("id=\"messages-none\"").doesNotContain("message-preview\"");
    }

    private static List<String> between(String s, String open, String close) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = s.indexOf(open, i)) >= 0) {
            int start = i + open.length();
            int end = s.indexOf(close, start);
            out.add(s.substring(start, end));
            i = end;
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
