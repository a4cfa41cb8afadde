package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.testkit.TestImages;

/**
 * The walking skeleton end to end: real HTTP on a random port, a real SQLite file, a fake clock.
 * Upload → signals → tier → decision; notice → case on its statutory clock → escalations →
 * removal → re-uploads blocked; restart keeps everything.
 */
class EndToEndTest extends ServerTestBase {
    @Test
    void everyV1RouteNeedsAKeyWithTheRightRole() throws Exception {
        ApiClient.Response none = api.get("/v1/cases", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("error").path("code").asText()).isEqualTo("auth.missing");
        assertThat(api.get("/v1/cases", "pmn_not_a_real_key_at_all_000000")
                        .json()
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("auth.invalid");
        ApiClient.Response forbidden = api.postJson("/v1/cases/X/actions", ingest, "{\"action\":\"remove\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("error").path("message").asText()).contains("ingest");
        assertThat(api.get("/v1/audit/verify", reviewer).status()).isEqualTo(403);
        assertThat(api.get("/v1/audit/verify", ADMIN).status()).isEqualTo(200);
        assertThat(api.get("/healthz", null).status()).isEqualTo(200);
        ApiClient.Response unknown = api.get("/v1/nothing-here", ADMIN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("code").asText()).isEqualTo("route.not_found");
    }

    @Test
    void xmpTrainedAlgorithmicMediaIsConfirmedAndLabelled() throws Exception {
        ApiClient.Response r = uploadResponse(TestMedia.aiJpeg(1));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().path("assessment").path("tier").asText()).isEqualTo("CONFIRMED_SYNTHETIC");
        assertThat(r.json().path("decision").path("decision").asText()).isEqualTo("LABEL");
        int cited = r.json()
                .path("assessment")
                .path("reasons")
                .get(0)
                .path("signals")
                .get(0)
                .asInt();
        JsonNode signal = r.json().path("signals").get(cited);
        assertThat(signal.path("type").asText()).isEqualTo("IPTC_DIGITAL_SOURCE_TYPE");
        assertThat(signal.path("value").asText()).isEqualTo(TestMedia.TRAINED);
        assertThat(signal.path("location").asText()).isNotBlank();
        assertThat(r.json().path("hashes").path("pdq").path("hash").asText()).hasSize(64);
    }

    @Test
    void gb45438AigcLabelIsConfirmed() throws Exception {
        ApiClient.Response r = uploadResponse(TestMedia.aigcPng(2));
        assertThat(r.json().path("assessment").path("tier").asText())
                .as(r.raw())
                .isEqualTo("CONFIRMED_SYNTHETIC");
        assertThat(r.json().path("signals").findValuesAsText("type")).contains("GB45438_AIGC");
    }

    @Test
    void aPlainCameraImageHasNoEvidenceAndIsAllowed() throws Exception {
        ApiClient.Response r = uploadResponse(TestMedia.cameraJpeg(3));
        assertThat(r.json().path("assessment").path("tier").asText())
                .as(r.raw())
                .isEqualTo("NO_EVIDENCE");
        assertThat(r.json().path("decision").path("decision").asText()).isEqualTo("ALLOW");
        assertThat(r.json().path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(r.json().path("dimensions").path("width").asInt()).isEqualTo(640);
    }

    @Test
    void multipartDeclarationMakesItDeclaredAndIntakeIsIdempotentByHash() throws Exception {
        byte[] img = TestImages.jpeg(TestImages.photo(300, 200, 4), 0.9f);
        ApiClient.Response first = api.postMultipart("/v1/media", ingest, img, "synthetic");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.json().path("assessment").path("tier").asText()).isEqualTo("DECLARED_SYNTHETIC");
        ApiClient.Response again = uploadResponse(img);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
        ApiClient.Response media =
                api.get("/v1/media/" + first.json().path("id").asText(), reviewer);
        assertThat(media.json().path("uploads")).hasSize(2);
        assertThat(media.json().path("uploads").get(0).path("declaration").asText())
                .isEqualTo("synthetic");
    }

    @Test
    void refusedFilesGetStableCodes() throws Exception {
        ApiClient.Response text = uploadResponse("just some text, not media".getBytes());
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.json().path("error").path("code").asText()).isEqualTo("media.unknown_type");
        byte[] png = TestImages.png(TestImages.photo(64, 64, 5));
        ApiClient.Response cut = uploadResponse(java.util.Arrays.copyOf(png, png.length / 2));
        assertThat(cut.json().path("error").path("code").asText()).as(cut.raw()).isEqualTo("media.truncated");
        assertThat(uploadResponse(new byte[0]).json().path("error").path("code").asText())
                .isEqualTo("media.empty");
        assertThat(api.get("/v1/audit/verify", ADMIN).json().path("valid").asBoolean())
                .isTrue();
    }

    @Test
    void uploadsOverTheSizeLimitAreRefusedWhileStreaming() throws Exception {
        stop();
        start(Map.of("PRAMAAN_MEDIA_MAX_BYTES", "10000"));
        String key = app.keys().create(Role.INGEST, "small").secret();
        ApiClient.Response r = api.postBytes("/v1/media", key, TestImages.png(TestImages.photo(200, 200, 6)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("error").path("code").asText()).isEqualTo("media.too_large");
    }

    @Test
    void noticesRunOnStatutoryClocksFromReceipt() throws Exception {
        String media = uploadResponse(TestMedia.cameraJpeg(7)).json().path("id").asText();
        Instant received = clock.instant();
        ApiClient.Response complaint = api.get("/v1/cases/" + notice("IN_3_2_B_COMPLAINT", media), reviewer);
        assertThat(Instant.parse(complaint.json().path("deadline").asText()))
                .isEqualTo(received.plus(Duration.ofHours(2)));
        ApiClient.Response order = api.get("/v1/cases/" + notice("IN_3_1_D_ORDER", media), reviewer);
        assertThat(Instant.parse(order.json().path("deadline").asText())).isEqualTo(received.plus(Duration.ofHours(3)));
        ApiClient.Response old = api.postJson(
                "/v1/notices",
                reviewer,
                "{\"noticeType\":\"IN_3_1_D_ORDER\",\"mediaId\":\"" + media
                        + "\",\"receivedAt\":\"2026-02-19T10:00:00Z\"}");
        assertThat(Instant.parse(old.json().path("deadline").asText()))
                .as("pre-amendment order keeps 36 h")
                .isEqualTo(Instant.parse("2026-02-20T22:00:00Z"));
        ApiClient.Response unknown =
                api.postJson("/v1/notices", reviewer, "{\"noticeType\":\"IN_NOPE\",\"mediaId\":\"" + media + "\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("message").asText()).contains("IN_NOPE");
    }

    @Test
    void escalationsFireOnceAtHalfAndThreeQuartersThenTheBreach() throws Exception {
        String media = uploadResponse(TestMedia.cameraJpeg(8)).json().path("id").asText();
        String id = notice("IN_3_1_D_ORDER", media); // 3 h: 50 % at 90 min, 75 % at 135 min
        clock.advance(Duration.ofMinutes(89));
        app.cases().checkClocks();
        assertThat(events(id, "escalated")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        app.cases().checkClocks();
        app.cases().checkClocks();
        assertThat(events(id, "escalated"))
                .extracting(e -> e.path("details").path("threshold").asText())
                .containsExactly("50%");
        assertThat(events(id, "escalated").get(0).path("details").path("late").asText())
                .as("fired on time")
                .isEqualTo("false");
        clock.advance(Duration.ofMinutes(45));
        app.cases().checkClocks();
        assertThat(events(id, "escalated"))
                .extracting(e -> e.path("details").path("threshold").asText())
                .containsExactly("50%", "75%");
        assertThat(events(id, "escalated").get(1).path("details").path("dueAt").asText())
                .isEqualTo("2026-03-02T06:15:00Z");
        clock.advance(Duration.ofMinutes(46));
        app.cases().checkClocks();
        assertThat(events(id, "breached")).hasSize(1);
        assertThat(app.audit().forSubject("case:" + id))
                .extracting(e -> e.type())
                .containsExactly("case.opened", "case.escalated", "case.escalated", "case.breached");
    }

    List<JsonNode> events(String caseId, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        api.get("/v1/cases/" + caseId, reviewer).json().path("events").forEach(e -> {
            if (e.path("type").asText().equals(type)) out.add(e);
        });
        return out;
    }

    @Test
    void removalBlocksTheSameFileAndARecompressedResizedCopyAcrossARestart() throws Exception {
        var original = TestImages.photo(800, 600, 9);
        byte[] upload = TestImages.jpeg(original, 0.92f);
        String media = uploadResponse(upload).json().path("id").asText();
        String id = notice("IN_3_2_B_COMPLAINT", media);
        clock.advance(Duration.ofMinutes(30));
        ApiClient.Response acted = api.postJson(
                "/v1/cases/" + id + "/actions",
                reviewer,
                "{\"action\":\"remove\",\"note\":\"NCII, depicted person's complaint\"}");
        assertThat(acted.status()).as(acted.raw()).isEqualTo(200);
        assertThat(acted.json().path("state").asText()).isEqualTo("CLOSED");
        assertThat(acted.json().path("clocks").get(0).path("running").asBoolean())
                .isFalse();

        ApiClient.Response same = uploadResponse(upload);
        assertThat(same.json().path("decision").path("decision").asText()).isEqualTo("BLOCK");
        assertThat(same.json().path("matches").get(0).path("method").asText()).isEqualTo("sha256");
        byte[] reencoded = TestImages.jpeg(TestImages.scale(original, 0.9), 0.7f);
        ApiClient.Response near = uploadResponse(reencoded);
        assertThat(near.json().path("decision").path("decision").asText())
                .as(near.raw())
                .isEqualTo("BLOCK");
        assertThat(near.json().path("matches").get(0).path("method").asText()).isEqualTo("pdq");
        assertThat(near.json().path("matches").get(0).path("distance").asInt()).isLessThanOrEqualTo(31);
        assertThat(near.json().path("matches").get(0).path("caseId").asText()).isEqualTo(id);
        assertThat(near.json().path("status").asText()).isEqualTo("BLOCKED");
        assertThat(app.adapters().blobs().contains(near.json().path("id").asText()))
                .as("blocked uploads are not stored")
                .isFalse();
        assertThat(events(id, "resurfaced"))
                .as("the complainant's case learns of each blocked re-upload")
                .hasSize(2)
                .extracting(e -> e.path("details").path("method").asText())
                .containsExactly("sha256", "pdq");

        String openId = notice("IN_3_1_D_ORDER", media);
        String deadline =
                api.get("/v1/cases/" + openId, reviewer).json().path("deadline").asText();
        stop();
        start(Map.of());
        assertThat(api.get("/v1/cases/" + openId, ADMIN).json().path("deadline").asText())
                .isEqualTo(deadline);
        assertThat(api.get("/v1/cases/" + id, ADMIN).json().path("outcome").asText())
                .isEqualTo("REMOVE");
        String key = app.keys().create(Role.INGEST, "after restart").secret();
        assertThat(api.postBytes("/v1/media", key, TestImages.jpeg(TestImages.scale(original, 0.9), 0.7f))
                        .json()
                        .path("decision")
                        .path("decision")
                        .asText())
                .isEqualTo("BLOCK");

        ApiClient.Response restored = api.postJson(
                "/v1/cases/" + id + "/actions", ADMIN, "{\"action\":\"restore\",\"note\":\"appeal upheld\"}");
        assertThat(restored.status()).as(restored.raw()).isEqualTo(200);
        assertThat(api.postBytes("/v1/media", key, upload)
                        .json()
                        .path("decision")
                        .path("decision")
                        .asText())
                .isEqualTo("ALLOW");
        assertThat(api.get("/v1/audit/verify", ADMIN).json().path("valid").asBoolean())
                .isTrue();
        assertThat(api.get("/metrics", null).raw()).contains("pramaan_media_screened_total");
    }

    @Test
    void anUploaderAppealRelayedByThePlatformIsDecidedByAReviewer() throws Exception {
        String media = upload(TestMedia.cameraJpeg(61));
        String id = notice("IN_3_2_B_COMPLAINT", media);
        api.postJson("/v1/cases/" + id + "/actions", reviewer, "{\"action\":\"remove\",\"note\":\"NCII\"}");
        ApiClient.Response appeal = api.postJson(
                "/v1/cases/" + id + "/appeals",
                ingest,
                "{\"appellant\":\"uploader-3\",\"statement\":\"this is me and I consented\"}");
        assertThat(appeal.status()).as(appeal.raw()).isEqualTo(201);
        assertThat(api.postJson(
                                "/v1/cases/" + id + "/appeals/decision",
                                ingest,
                                "{\"decision\":\"reverse\",\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        ApiClient.Response bad = api.postJson(
                "/v1/cases/" + id + "/appeals/decision", reviewer, "{\"decision\":\"maybe\",\"reason\":\"x\"}");
        assertThat(bad.json().path("error").path("message").asText()).contains("'maybe'");
        ApiClient.Response decided = api.postJson(
                "/v1/cases/" + id + "/appeals/decision",
                reviewer,
                "{\"decision\":\"reverse\",\"reason\":\"consent shown\"}");
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.json().path("outcome").asText()).isEqualTo("RESTORE");
        assertThat(uploadResponse(TestImages.jpeg(TestImages.decode(TestMedia.cameraJpeg(61)), 0.7f))
                        .json()
                        .path("decision")
                        .path("decision")
                        .asText())
                .as("restored content is no longer blocked")
                .isEqualTo("ALLOW");
    }
}
