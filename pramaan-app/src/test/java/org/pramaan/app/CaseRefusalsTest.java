package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.testkit.TestImages;

/**
 * The case use cases refuse with domain exceptions (issue 12); over real HTTP each refusal keeps the
 * status and {@code error.code} the API answered when they were IllegalArgument/IllegalState
 * exceptions: input that breaks a rule 400 {@code request.invalid}, a case whose state forbids it
 * 409 {@code request.conflict}, with the message naming the field or state.
 */
class CaseRefusalsTest extends ServerTestBase {
    private static final String COMPLAINT = "IN_3_2_B_COMPLAINT";

    private ApiClient.Response action(String caseId, String body) throws Exception {
        return api.postJson("/v1/cases/" + caseId + "/actions", reviewer, body);
    }

    private static void refused(ApiClient.Response r, int status, String code, String message) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.json().path("error").path("code").asText()).as(r.raw()).isEqualTo(code);
        assertThat(r.json().path("error").path("message").asText()).as(r.raw()).contains(message);
    }

    @Test
    void actionsBreakingARuleAre400AndActionsOnASettledCaseAre409() throws Exception {
        String id = notice(COMPLAINT, upload(TestImages.png(TestImages.photo(90, 60, 41))));
        refused(action(id, "{\"action\":\"explode\"}"), 400, "request.invalid", "unknown action 'explode'");
        refused(action(id, "{\"action\":\"geo_restrict\"}"), 400, "request.invalid", "'territories'");
        refused(
                action(id, "{\"action\":\"acknowledge\"}"),
                409,
                "request.conflict",
                "no running acknowledgement clock");
        assertThat(action(id, "{\"action\":\"dismiss\",\"note\":\"lawful\"}").status())
                .isEqualTo(200);
        refused(action(id, "{\"action\":\"remove\"}"), 409, "request.conflict", "is closed");
        refused(action(id, "{\"action\":\"restore\"}"), 409, "request.conflict", "only a restriction");
    }

    @Test
    void appealsOutOfTurnAre409AndWithoutReasonsAre400() throws Exception {
        String id = notice(COMPLAINT, upload(TestImages.png(TestImages.photo(90, 60, 42))));
        String appeal = "/v1/cases/" + id + "/appeals";
        refused(
                api.postJson(appeal, reviewer, "{\"appellant\":\"u-1\",\"statement\":\"satire\"}"),
                409,
                "request.conflict",
                "restricted nothing");
        assertThat(action(id, "{\"action\":\"remove\",\"note\":\"NCII\"}").status())
                .isEqualTo(200);
        refused(
                api.postJson(appeal + "/decision", reviewer, "{\"decision\":\"reverse\",\"reason\":\"x\"}"),
                409,
                "request.conflict",
                "no appeal awaiting");
        refused(
                api.postJson(appeal, reviewer, "{\"appellant\":\"u-1\",\"statement\":\" \"}"),
                400,
                "request.invalid",
                "needs a statement");
        assertThat(api.postJson(appeal, reviewer, "{\"appellant\":\"u-1\",\"statement\":\"it is satire\"}")
                        .status())
                .isEqualTo(201);
        refused(
                api.postJson(appeal, reviewer, "{\"appellant\":\"u-1\",\"statement\":\"again\"}"),
                409,
                "request.conflict",
                "already has an appeal");
        refused(
                api.postJson(appeal + "/decision", reviewer, "{\"decision\":\"uphold\",\"reason\":\"\"}"),
                400,
                "request.invalid",
                "needs its reasons");
        ApiClient.Response decided = api.postJson(
                appeal + "/decision", reviewer, "{\"decision\":\"uphold\",\"reason\":\"credible complaint\"}");
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.json().path("events").findValuesAsText("type"))
                .contains("appeal_received", "appeal_decided");
    }

    @Test
    void holdsOnUnknownMediaAre400AndASecondReleaseIs409() throws Exception {
        refused(
                api.postJson("/v1/holds", ADMIN, "{\"mediaId\":\"" + "f".repeat(64) + "\",\"reason\":\"litigation\"}"),
                400,
                "request.invalid",
                "no media with id");
        String media = upload(TestImages.png(TestImages.photo(90, 60, 43)));
        ApiClient.Response hold =
                api.postJson("/v1/holds", ADMIN, "{\"mediaId\":\"" + media + "\",\"reason\":\"litigation\"}");
        assertThat(hold.status()).as(hold.raw()).isEqualTo(201);
        String release = "/v1/holds/" + hold.json().path("id").asText() + "/release";
        assertThat(api.postJson(release, ADMIN, "{}").status()).isEqualTo(200);
        refused(api.postJson(release, ADMIN, "{}"), 409, "request.conflict", "already released");
        refused(
                api.postJson("/v1/holds/987654/release", ADMIN, "{}"),
                400,
                "request.invalid",
                "no hold with id 987654");
    }
}
