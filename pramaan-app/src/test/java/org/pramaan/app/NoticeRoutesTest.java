package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.testkit.HttpReceiver;
import org.pramaan.testkit.TestImages;

/** Notices naming content by URL or by a copy, actions with parameters, case filters and the dead-letter routes, over real HTTP. */
class NoticeRoutesTest extends ServerTestBase {
    static final String COMPLAINT = "\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"fields\":{\"complainant\":\"self\"}";

    @Test
    void aNoticeMayNameTheContentByItsPlatformUrl() throws Exception {
        stop();
        start(Map.of("PRAMAAN_CASES_CONTENT_URL_PATTERN", "https://example\\.org/p/(?<id>[^/?#]+)"));
        ApiClient.Response up =
                api.postBytes("/v1/media?externalId=post-42", ADMIN, TestImages.png(TestImages.photo(90, 60, 3)));
        String media = up.json().path("id").asText();
        ApiClient.Response r = api.postJson(
                "/v1/notices", ADMIN, "{" + COMPLAINT + ",\"contentUrl\":\"https://example.org/p/post-42?utm=x\"}");
        assertThat(r.status())
                .as("tracking parameters do not hide the content: " + r.raw())
                .isEqualTo(201);
        assertThat(r.json().path("mediaId").asText()).isEqualTo(media);
        ApiClient.Response byPath = api.postJson(
                "/v1/notices", ADMIN, "{" + COMPLAINT + ",\"contentUrl\":\"https://example.org/p/post-42\"}");
        assertThat(byPath.status()).as(byPath.raw()).isEqualTo(201);
        assertThat(byPath.json().path("mediaId").asText()).isEqualTo(media);
        ApiClient.Response unknown = api.postJson(
                "/v1/notices", ADMIN, "{" + COMPLAINT + ",\"contentUrl\":\"https://elsewhere.example/x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("message").asText()).contains("no upload found for contentUrl");
    }

    @Test
    void aNoticeMayCarryACopyOfTheContentMatchedByItsPicture() throws Exception {
        var photo = TestImages.photo(200, 150, 8);
        String media = upload(TestImages.png(photo));
        byte[] copy = TestImages.jpeg(photo, 0.85f); // the complainant's screenshot-grade copy, not the same bytes
        ApiClient.Response r = multipartNotice("{" + COMPLAINT + "}", copy);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().path("mediaId").asText()).isEqualTo(media);
        ApiClient.Response other =
                multipartNotice("{" + COMPLAINT + "}", TestImages.png(TestImages.photo(200, 150, 99)));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().path("error").path("message").asText()).contains("matches no stored content");
    }

    @Test
    void actionsTakeTheirParametersAndClosedCasesCanBeListed() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 4)));
        String id = notice("IN_3_1_B_REMOVAL_REQUEST", media);
        ApiClient.Response bad = api.postJson(
                "/v1/cases/" + id + "/actions", reviewer, "{\"action\":\"geo_restrict\",\"territories\":[\"india\"]}");
        assertThat(bad.status()).isEqualTo(400);
        ApiClient.Response geo = api.postJson(
                "/v1/cases/" + id + "/actions",
                reviewer,
                "{\"action\":\"geo_restrict\",\"territories\":[\"IN\"],\"note\":\"order\"}");
        assertThat(geo.status()).as(geo.raw()).isEqualTo(200);
        assertThat(geo.json().path("outcome").asText()).isEqualTo("GEO_RESTRICT");
        ApiClient.Response closed = api.get("/v1/cases?state=closed", reviewer);
        assertThat(closed.json()).extracting(c -> c.path("id").asText()).containsExactly(id);
        assertThat(api.get("/v1/cases?state=weird", reviewer).status()).isEqualTo(400);
        ApiClient.Response types = api.get("/v1/notice-types", reviewer);
        assertThat(types.json().findValues("clocks").toString()).contains("PT2H");
    }

    @Test
    void deadLettersAreListedAndRetriedByAnAdmin() throws Exception {
        try (HttpReceiver hook = new HttpReceiver()) {
            hook.answerByDefault(410, "gone");
            stop();
            start(Map.of(
                    "PRAMAAN_NOTIFY_WEBHOOK_URL",
                    hook.url("/e"),
                    "PRAMAAN_NOTIFY_WEBHOOK_SECRET",
                    "a-long-enough-secret"));
            String media = upload(TestImages.png(TestImages.photo(90, 60, 5)));
            String id = api.postJson("/v1/notices", ADMIN, "{" + COMPLAINT + ",\"mediaId\":\"" + media + "\"}")
                    .json()
                    .path("id")
                    .asText();
            app.dispatcher().deliverDue();
            ApiClient.Response dead = api.get("/v1/deliveries?state=dead", ADMIN);
            assertThat(dead.status()).isEqualTo(200);
            String deliveryId = dead.json().path("deliveries").get(0).path("id").asText();
            assertThat(dead.json().path("deliveries").get(0).path("lastError").asText())
                    .contains("HTTP 410");
            assertThat(api.get("/v1/deliveries?caseId=" + id, ADMIN).json().path("deliveries"))
                    .isNotEmpty();
            String other =
                    app.keys().create(org.pramaan.access.Role.REVIEWER, "r").secret();
            assertThat(api.get("/v1/deliveries", other).status())
                    .as("admins only")
                    .isEqualTo(403);
            hook.answerByDefault(200, "{}");
            ApiClient.Response retried = api.postJson(
                    "/v1/deliveries/"
                            + java.net.URLEncoder.encode(deliveryId, StandardCharsets.UTF_8)
                                    .replace("+", "%20") + "/retry",
                    ADMIN,
                    "{}");
            assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
            assertThat(retried.json().path("state").asText()).isEqualTo("PENDING");
            app.dispatcher().deliverDue();
            assertThat(app.adapters()
                            .deliveries()
                            .find(deliveryId)
                            .orElseThrow()
                            .state())
                    .isEqualTo(org.pramaan.notify.DeliveryState.DELIVERED);
        }
    }

    private ApiClient.Response multipartNotice(String json, byte[] file) throws Exception {
        String boundary = "pramaan-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"notice\"\r\n\r\n" + json + "\r\n--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"copy.jpg\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return api.sendBytes("/v1/notices", ADMIN, "multipart/form-data; boundary=" + boundary, body);
    }
}
