package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.audit.AuditEntry;
import org.pramaan.testkit.TestImages;

/**
 * Issue 11 defect 3: server-owned fields are never client-writable, a completion fills only what is
 * missing, by a key allowed to, audited with old and new values. Real server, real HTTP; every
 * refusal is checked by reading the stored state back.
 */
class ServerOwnedFieldsTest extends ServerTestBase {
    /** An EU art.16 notice without the notifier's name and e-mail: it awaits information. */
    static final String INCOMPLETE_EU =
            "\"noticeType\":\"EU_DSA_ART16_NOTICE\",\"fields\":{\"substantiated_explanation\":\"x\",\"exact_url\":\"https://example.org/p/1\","
                    + "\"bona_fide_statement\":\"y\"}";

    private String keyId(String secret) {
        return app.keys().authenticate(secret).orElseThrow().keyId();
    }

    private JsonNode caseOf(String id) throws Exception {
        return api.get("/v1/cases/" + id, reviewer).json();
    }

    @Test
    void defect3_anIngestKeyCannotRewriteACompleteCase() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 11)));
        ApiClient.Response opened = api.postJson(
                "/v1/notices",
                ingest,
                "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + media
                        + "\",\"fields\":{\"complainant\":\"self\"}}");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String id = opened.json().path("id").asText();

        // The request from the issue, verbatim: before the fix it was stored (200).
        ApiClient.Response forged = api.postJson(
                "/v1/cases/" + id + "/notice-fields",
                ingest,
                "{\"fields\":{\"complainant\":\"someone-else\",\"submittedBy\":\"key:forged\"}}");
        assertThat(forged.status()).as(forged.raw()).isEqualTo(400);
        assertThat(forged.json().path("error").path("code").asText()).isEqualTo("notice.field_server_owned");
        assertThat(forged.json().path("error").path("message").asText()).contains("'submittedBy'");

        ApiClient.Response overwrite = api.postJson(
                "/v1/cases/" + id + "/notice-fields", ingest, "{\"fields\":{\"complainant\":\"someone-else\"}}");
        assertThat(overwrite.status()).as(overwrite.raw()).isEqualTo(409);
        assertThat(overwrite.json().path("error").path("code").asText()).isEqualTo("notice.field_present");
        assertThat(overwrite.json().path("error").path("message").asText()).contains("'complainant'");

        JsonNode stored = caseOf(id).path("notice");
        assertThat(stored.path("complainant").asText()).isEqualTo("self");
        assertThat(stored.path("submittedBy").asText()).isEqualTo("key:" + keyId(ingest));
        assertThat(caseOf(id).path("events").findValues("type"))
                .extracting(JsonNode::asText)
                .doesNotContain("fields_supplied");
    }

    @Test
    void completionFillsOnlyMissingFieldsByTheSubmitterOrAReviewerAndIsAuditedWithDigests() throws Exception {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        String media = upload(TestImages.png(TestImages.photo(90, 60, 12)));
        String id = api.postJson("/v1/notices", ingest, "{" + INCOMPLETE_EU + ",\"mediaId\":\"" + media + "\"}")
                .json()
                .path("id")
                .asText();
        assertThat(caseOf(id).path("missingFields"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("notifier_name", "notifier_email");

        String otherIngest =
                app.keys().create(Role.INGEST, "another platform integration").secret();
        ApiClient.Response foreign = api.postJson(
                "/v1/cases/" + id + "/notice-fields",
                otherIngest,
                "{\"fields\":{\"notifier_email\":\"attacker@example.org\"}}");
        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(403);
        assertThat(foreign.json().path("error").path("code").asText()).isEqualTo("auth.forbidden");

        ApiClient.Response notMissing =
                api.postJson("/v1/cases/" + id + "/notice-fields", ingest, "{\"fields\":{\"category\":\"csam\"}}");
        assertThat(notMissing.status())
                .as("a waiver field cannot be added afterwards to drop requirements: " + notMissing.raw())
                .isEqualTo(400);
        assertThat(notMissing.json().path("error").path("code").asText()).isEqualTo("notice.field_not_missing");
        assertThat(notMissing.json().path("error").path("message").asText())
                .contains("'category'")
                .contains("notifier_email");

        ApiClient.Response email = api.postJson(
                "/v1/cases/" + id + "/notice-fields",
                ingest,
                "{\"fields\":{\"notifier_email\":\"notifier@example.org\"}}");
        assertThat(email.status()).as(email.raw()).isEqualTo(200);
        ApiClient.Response again = api.postJson(
                "/v1/cases/" + id + "/notice-fields",
                reviewer,
                "{\"fields\":{\"notifier_email\":\"changed@example.org\"}}");
        assertThat(again.status())
                .as("the notifier's e-mail, once given, stays: " + again.raw())
                .isEqualTo(409);
        ApiClient.Response name = api.postJson(
                "/v1/cases/" + id + "/notice-fields", reviewer, "{\"fields\":{\"notifier_name\":\"N. Otifier\"}}");
        assertThat(name.status())
                .as("a reviewer relays what the notifier sent by post: " + name.raw())
                .isEqualTo(200);

        JsonNode c = caseOf(id);
        assertThat(c.path("notice").path("notifier_email").asText()).isEqualTo("notifier@example.org");
        assertThat(c.path("missingFields")).isEmpty();
        assertThat(c.path("awaitingInformation").asBoolean()).isFalse();

        List<String> audited = new ArrayList<>();
        for (AuditEntry e : app.audit().forSubject("case:" + id))
            if (e.type().equals("case.fields_supplied")) audited.add(e.details());
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0))
                .contains("\"field\":\"notifier_email\"")
                .contains("\"old\":\"absent\"")
                .contains("\"new\":\"sha256:")
                .contains("key:" + keyId(ingest))
                .doesNotContain("notifier@example.org");
        assertThat(audited.get(1))
                .contains("\"field\":\"notifier_name\"")
                .contains("key:" + keyId(reviewer))
                .doesNotContain("N. Otifier");
        assertThat(api.get("/v1/audit/verify", ADMIN).json().path("valid").asBoolean())
                .isTrue();
    }

    @Test
    void trustedFlaggerStatusComesFromTheKeyNeverFromTheNotice() throws Exception {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        String media = upload(TestImages.png(TestImages.photo(90, 60, 13)));
        String complete = "\"noticeType\":\"EU_DSA_ART16_NOTICE\",\"mediaId\":\"" + media
                + "\",\"fields\":{\"substantiated_explanation\":\"x\","
                + "\"exact_url\":\"u\",\"notifier_name\":\"n\",\"notifier_email\":\"e@example.org\",\"bona_fide_statement\":\"y\"";
        ApiClient.Response claimed =
                api.postJson("/v1/notices", ingest, "{" + complete + ",\"trusted_flagger\":\"true\"}}");
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(400);
        assertThat(claimed.json().path("error").path("code").asText()).isEqualTo("notice.field_server_owned");
        assertThat(claimed.json().path("error").path("message").asText()).contains("'trusted_flagger'");
        ApiClient.Response forgedSubmitter =
                api.postJson("/v1/notices", ingest, "{" + complete + ",\"submittedBy\":\"key:someone\"}}");
        assertThat(forgedSubmitter.status()).as(forgedSubmitter.raw()).isEqualTo(400);
        assertThat(api.get("/v1/cases", reviewer).json())
                .as("nothing was opened")
                .isEmpty();

        String flagger = app.keys()
                .create(Role.INGEST, "hotline (DSC-awarded trusted flagger)", true)
                .secret();
        ApiClient.Response plain = api.postJson("/v1/notices", ingest, "{" + complete + "}}");
        ApiClient.Response trusted = api.postJson("/v1/notices", flagger, "{" + complete + "}}");
        assertThat(trusted.status()).as(trusted.raw()).isEqualTo(201);
        assertThat(trusted.json().path("notice").path("trusted_flagger").asText())
                .isEqualTo("true");
        assertThat(plain.json().path("notice").has("trusted_flagger")).isFalse();
        // DSA art.22(1): the trusted flagger's notice is handled first among equally urgent ones.
        assertThat(api.get("/v1/cases", reviewer).json())
                .extracting(n -> n.path("id").asText())
                .containsExactly(
                        trusted.json().path("id").asText(),
                        plain.json().path("id").asText());
    }

    @Test
    void onlyCaseHandlersMayBackdateAReceipt() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 14)));
        String backdated = "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + media
                + "\",\"receivedAt\":\"2026-03-01T04:00:00Z\",\"fields\":{\"complainant\":\"self\"}}";
        ApiClient.Response byIngest = api.postJson("/v1/notices", ingest, backdated);
        assertThat(byIngest.status()).as(byIngest.raw()).isEqualTo(403);
        assertThat(byIngest.json().path("error").path("message").asText()).contains("'receivedAt'");
        assertThat(api.get("/v1/cases", reviewer).json()).isEmpty();
        ApiClient.Response byReviewer = api.postJson("/v1/notices", reviewer, backdated);
        assertThat(byReviewer.status()).as(byReviewer.raw()).isEqualTo(201);
        assertThat(byReviewer.json().path("receivedAt").asText()).isEqualTo("2026-03-01T04:00:00Z");
        ApiClient.Response future =
                api.postJson("/v1/notices", reviewer, backdated.replace("2026-03-01T04", "2026-03-03T04"));
        assertThat(future.status()).as(future.raw()).isEqualTo(400);
    }

    @Test
    void bankImportsCannotNameACaseOrSetWhoAddedAnItemOrWhen() throws Exception {
        ApiClient.Response forgedBank = api.postJson(
                "/v1/banks",
                reviewer,
                "{\"name\":\"imports\",\"kind\":\"known-deepfake\",\"createdAt\":\"2001-01-01T00:00:00Z\"}");
        assertThat(forgedBank.status()).as(forgedBank.raw()).isEqualTo(400);
        assertThat(forgedBank.json().path("error").path("message").asText()).contains("createdAt");
        assertThat(api.get("/v1/banks/imports", reviewer).status())
                .as("no bank was created")
                .isEqualTo(404);
        assertThat(api.postJson("/v1/banks", reviewer, "{\"name\":\"imports\",\"kind\":\"known-deepfake\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/v1/banks/imports", reviewer)
                        .json()
                        .path("createdAt")
                        .asText())
                .isEqualTo(clock.instant().toString());
        String hash = "f".repeat(16) + "0".repeat(48);
        ApiClient.Response withCase = api.send(
                "POST",
                "/v1/banks/imports/items?format=jsonl",
                reviewer,
                "application/x-ndjson",
                "{\"pdq\":\"" + hash + "\",\"quality\":100,\"caseId\":\"IN-20260302-VICTIM\"}\n");
        assertThat(withCase.status()).as(withCase.raw()).isEqualTo(400);
        assertThat(withCase.json().path("error").path("message").asText()).contains("caseId");
        assertThat(api.get("/v1/banks/imports/items", reviewer).json().path("items"))
                .as("nothing was imported")
                .isEmpty();

        ApiClient.Response forged = api.send(
                "POST",
                "/v1/banks/imports/items?format=jsonl",
                reviewer,
                "application/x-ndjson",
                "{\"pdq\":\"" + hash
                        + "\",\"quality\":100,\"id\":999,\"addedBy\":\"key:someone-else\",\"addedAt\":\"2001-01-01T00:00:00Z\",\"mediaId\":\""
                        + "a".repeat(64) + "\"}\n");
        assertThat(forged.status()).as(forged.raw()).isEqualTo(201);
        JsonNode item = api.get("/v1/banks/imports/items", reviewer)
                .json()
                .path("items")
                .get(0);
        assertThat(item.path("addedBy").asText()).isEqualTo("key:" + keyId(reviewer));
        assertThat(item.path("addedAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(item.path("id").asLong()).isNotEqualTo(999);
        assertThat(item.has("mediaId")).isFalse();
    }

    @Test
    void holdsAndActionsRecordTheCallerAndTheServerTimeWhateverTheBodySays() throws Exception {
        String media = upload(TestImages.png(TestImages.photo(90, 60, 15)));
        ApiClient.Response hold = api.postJson(
                "/v1/holds",
                ADMIN,
                "{\"mediaId\":\"" + media + "\",\"reason\":\"litigation\",\"createdBy\":\"key:judge\","
                        + "\"createdAt\":\"2001-01-01T00:00:00Z\",\"id\":7,\"releasedAt\":\"2001-01-02T00:00:00Z\"}");
        assertThat(hold.status()).as(hold.raw()).isEqualTo(201);
        JsonNode stored = api.get("/v1/media/" + media + "/holds", ADMIN)
                .json()
                .path("holds")
                .get(0);
        assertThat(stored.path("createdBy").asText()).isEqualTo("key:" + keyId(ADMIN));
        assertThat(stored.path("createdAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(stored.has("releasedAt")).isFalse();
        assertThat(stored.path("active").asBoolean()).isTrue();

        String id = notice("IN_3_1_B_REMOVAL_REQUEST", media);
        ApiClient.Response act = api.postJson(
                "/v1/cases/" + id + "/actions",
                reviewer,
                "{\"action\":\"dismiss\",\"actor\":\"key:someone-else\",\"at\":\"2001-01-01T00:00:00Z\",\"state\":\"OPEN\"}");
        assertThat(act.status()).as(act.raw()).isEqualTo(200);
        List<JsonNode> taken = new ArrayList<>();
        caseOf(id).path("events").forEach(e -> {
            if (e.path("type").asText().equals("action_taken")) taken.add(e);
        });
        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).path("details").path("actor").asText()).isEqualTo("key:" + keyId(reviewer));
        assertThat(taken.get(0).path("at").asText()).isEqualTo(clock.instant().toString());
        assertThat(caseOf(id).path("state").asText()).isEqualTo("CLOSED");
    }
}
