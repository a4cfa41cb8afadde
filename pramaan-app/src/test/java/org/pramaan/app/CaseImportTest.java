package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.audit.AuditEntry;
import org.pramaan.testkit.TestImages;

/** Issue 17 part 3: {@code POST /v1/cases/import} through the real server, the clock a FakeClock at 2026-03-02T04:00Z. */
class CaseImportTest extends ServerTestBase {
    private static final String FIELDS = "{\"substantiated_explanation\":\"deepfake of me\","
            + "\"exact_url\":\"https://example.org/p/1\",\"notifier_name\":\"A\",\"notifier_email\":\"a@example.org\","
            + "\"bona_fide_statement\":\"true\"}";

    private static String euCase(String sourceId, String mediaId, String receivedAt, String actions) {
        return "{\"sourceId\":\"" + sourceId + "\",\"noticeType\":\"EU_DSA_ART16_NOTICE\",\"mediaId\":\"" + mediaId
                + "\",\"receivedAt\":\"" + receivedAt + "\",\"fields\":" + FIELDS + ",\"actions\":[" + actions + "]}";
    }

    private static String removal(String at) {
        return "{\"action\":\"remove\",\"at\":\"" + at + "\",\"actor\":\"old:mod-7\",\"note\":\"NCII\"}";
    }

    private ApiClient.Response importLines(String key, String... lines) throws Exception {
        return api.send(
                "POST", "/v1/cases/import?source=legacy-tns", key, "application/x-ndjson", String.join("\n", lines));
    }

    private String media(int seed) throws Exception {
        return upload(TestImages.png(TestImages.photo(90, 60, seed)));
    }

    private ApiClient.Response appeal(String caseId) throws Exception {
        return api.postJson(
                "/v1/cases/" + caseId + "/appeals", reviewer, "{\"appellant\":\"u-1\",\"statement\":\"satire\"}");
    }

    @Test
    void appealWindowHalfOverAcceptsAnAppealInsideTheRemainderAndRefusesOneAfterIt() throws Exception {
        // Removed 2025-10-02 (5 months before now): the EU pack's 184-day window closes 2026-04-04T04:00Z.
        ApiClient.Response r = importLines(
                ADMIN,
                euCase("old-1", media(61), "2025-10-01T10:00:00Z", removal("2025-10-02T04:00:00Z")),
                euCase("old-2", media(62), "2025-10-01T10:00:00Z", removal("2025-10-02T04:00:00Z")));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).as(r.raw()).isEqualTo(2);
        String inside = r.json().path("lines").get(0).path("caseId").asText();
        String outside = r.json().path("lines").get(1).path("caseId").asText();

        ApiClient.Response ok = appeal(inside);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);

        clock.set(Instant.parse("2026-04-04T04:00:01Z"));
        ApiClient.Response late = appeal(outside);
        assertThat(late.status()).as(late.raw()).isEqualTo(409);
        assertThat(late.json().path("error").path("message").asText()).contains("closed at 2026-04-04T04:00:00Z");

        // Imported, not lived: one case.imported entry naming importer and source, no case.opened or action entries.
        List<AuditEntry> audit = app.audit().forSubject("case:" + outside);
        assertThat(audit).extracting(AuditEntry::type).containsExactly("case.imported");
        assertThat(audit.get(0).details())
                .contains("legacy-tns")
                .contains("old-2")
                .contains("key:");
    }

    @Test
    void aCaseBreachedBeforeImportShowsAsBreachedAndTheClockCheckerFiresNothingForIt() throws Exception {
        // Received 2026-03-01T00:00Z, nothing done: the 24 h decide clock fell due at 2026-03-02T00:00Z, 4 h ago.
        ApiClient.Response r = importLines(ADMIN, euCase("old-3", media(63), "2026-03-01T00:00:00Z", ""));
        assertThat(r.json().path("imported").asInt()).as(r.raw()).isEqualTo(1);
        String id = r.json().path("lines").get(0).path("caseId").asText();
        JsonNode c = api.get("/v1/cases/" + id, reviewer).json();
        assertThat(c.path("clocks").get(0).path("breached").asBoolean())
                .as(c.toString())
                .isTrue();
        assertThat(c.toString()).contains("breached").contains("2026-03-02T00:00:00Z");
        assertThat(app.cases().checkClocks()).isEmpty();
    }

    @Test
    void aFutureTimeOrOutOfOrderActionsRefuseTheLineNamingLineCaseAndFieldAndStoreNothing() throws Exception {
        String m = media(64);
        ApiClient.Response r = importLines(
                ADMIN,
                euCase("old-4", m, "2026-03-02T05:00:00Z", ""),
                euCase(
                        "old-5",
                        m,
                        "2025-10-01T10:00:00Z",
                        removal("2025-10-03T00:00:00Z") + ","
                                + "{\"action\":\"warn_account\",\"at\":\"2025-10-02T00:00:00Z\",\"actor\":\"old:mod\"}"),
                euCase("old-6", m, "2025-10-01T10:00:00Z", removal("2025-09-30T00:00:00Z")));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).isZero();
        JsonNode lines = r.json().path("lines");
        assertThat(lines.get(0).path("field").asText()).isEqualTo("receivedAt");
        assertThat(lines.get(0).path("message").asText())
                .contains("line 1, case old-4")
                .contains("in the future");
        assertThat(lines.get(1).path("field").asText()).isEqualTo("actions[1].at");
        assertThat(lines.get(1).path("message").asText())
                .contains("line 2, case old-5")
                .contains("is before");
        assertThat(lines.get(2).path("field").asText()).isEqualTo("actions[0].at");
        assertThat(lines.get(2).path("message").asText()).contains("line 3, case old-6");
        assertThat(app.cases().open()).isEmpty();
        assertThat(app.cases().closed(10)).isEmpty();
    }

    @Test
    void aNonAdminKeyIsRefused() throws Exception {
        ApiClient.Response r = importLines(reviewer, euCase("old-7", media(65), "2025-10-01T10:00:00Z", ""));
        assertThat(r.status()).as(r.raw()).isEqualTo(403);
        assertThat(app.cases().open()).isEmpty();
    }

    @Test
    void importedHistoryIsKeptSendsNoMessagesAndALaterLiveAppealDoes() throws Exception {
        // A webhook nobody answers: a message for the imported history would show as retrying after a pass.
        stop();
        start(java.util.Map.of(
                "PRAMAAN_NOTIFY_WEBHOOK_URL",
                "http://127.0.0.1:9/hook",
                "PRAMAAN_NOTIFY_WEBHOOK_SECRET",
                "s3cret-0123456789"));
        ingest = app.keys().create(org.pramaan.access.Role.INGEST, "uploads").secret();
        reviewer = app.keys()
                .create(org.pramaan.access.Role.REVIEWER, "trust & safety")
                .secret();
        String line = "{\"sourceId\":\"old-8\",\"noticeType\":\"EU_DSA_ART16_NOTICE\",\"mediaId\":\"" + media(66)
                + "\",\"receivedAt\":\"2025-12-01T10:00:00Z\",\"fields\":" + FIELDS + ",\"actions\":["
                + removal("2025-12-01T12:00:00Z") + "],\"statements\":[{\"at\":\"2025-12-01T12:00:00Z\","
                + "\"puid\":\"legacy-sor-8\"}],\"appeals\":[{\"receivedAt\":\"2025-12-05T00:00:00Z\","
                + "\"appellant\":\"u-8\",\"statement\":\"parody\",\"decidedAt\":\"2025-12-09T00:00:00Z\","
                + "\"reversed\":false,\"reviewer\":\"old:lead\"}]}";
        ApiClient.Response r = importLines(ADMIN, line);
        assertThat(r.json().path("imported").asInt()).as(r.raw()).isEqualTo(1);
        String id = r.json().path("lines").get(0).path("caseId").asText();

        // Nothing queued for the case at all (a background dispatcher may already have tried a queued message).
        assertThat(app.adapters().deliveries().forCase(id)).isEmpty();

        JsonNode c = api.get("/v1/cases/" + id, reviewer).json();
        assertThat(c.toString())
                .contains("appeal_decided")
                .contains("2025-12-09T00:00:00Z")
                .contains("legacy-sor-8");
        assertThat(api.get("/v1/cases/" + id + "/statements", reviewer).raw()).contains("legacy-sor-8");

        // The decided appeal is history; a new one inside the window is live and does leave through the webhook.
        ApiClient.Response live = appeal(id);
        assertThat(live.status()).as(live.raw()).isEqualTo(201);
        assertThat(app.adapters().deliveries().forCase(id))
                .extracting(org.pramaan.notify.Delivery::kind)
                .containsExactly("case.appeal_received");
    }

    @Test
    void sendingTheSameBatchAgainAnswersTheFirstCasesAndChangesNothing() throws Exception {
        String line = euCase("old-9", media(67), "2025-10-01T10:00:00Z", removal("2025-10-02T04:00:00Z"));
        ApiClient.Response first = importLines(ADMIN, line);
        assertThat(first.json().path("imported").asInt()).as(first.raw()).isEqualTo(1);
        String id = first.json().path("lines").get(0).path("caseId").asText();

        // A retried migration batch, even with a field changed: the first import stands.
        ApiClient.Response again = importLines(ADMIN, line.replace("deepfake of me", "edited later"));
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.json().path("imported").asInt()).isZero();
        assertThat(again.json().path("alreadyImported").asInt()).isEqualTo(1);
        JsonNode l = again.json().path("lines").get(0);
        assertThat(l.path("status").asText()).isEqualTo("already-imported");
        assertThat(l.path("caseId").asText()).isEqualTo(id);
        assertThat(app.cases().closed(10))
                .extracting(org.pramaan.cases.CaseFile::id)
                .containsExactly(id);
        assertThat(app.cases().find(id).orElseThrow().notice())
                .containsEntry("substantiated_explanation", "deepfake of me");
        assertThat(app.audit().forSubject("case:" + id))
                .extracting(AuditEntry::type)
                .containsExactly("case.imported");

        // The same source id from another system is another case.
        ApiClient.Response other =
                api.send("POST", "/v1/cases/import?source=other-tool", ADMIN, "application/x-ndjson", line);
        assertThat(other.json().path("imported").asInt()).as(other.raw()).isEqualTo(1);
        assertThat(other.json().path("lines").get(0).path("caseId").asText()).isNotEqualTo(id);
    }

    @Test
    void anImportedRemovalLeavesTheContentRemovedBankedAndHeldSoAReUploadIsBlocked() throws Exception {
        byte[] image = TestImages.png(TestImages.photo(90, 60, 68));
        String m = upload(image);
        ApiClient.Response r =
                importLines(ADMIN, euCase("old-10", m, "2025-10-01T10:00:00Z", removal("2025-10-02T04:00:00Z")));
        assertThat(r.json().path("imported").asInt()).as(r.raw()).isEqualTo(1);
        String id = r.json().path("lines").get(0).path("caseId").asText();

        assertThat(app.adapters().media().find(m).orElseThrow().status())
                .isEqualTo(org.pramaan.intake.MediaStatus.REMOVED);
        ApiClient.Response again = uploadResponse(image);
        assertThat(again.json().path("decision").path("decision").asText())
                .as("the imported removal blocks a re-upload (IT Rules r.4(4)): " + again.raw())
                .isEqualTo("BLOCK");
        // The hold runs from the recorded removal for what is left of the 184-day appeal window.
        assertThat(app.adapters().holds().forMedia(m))
                .singleElement()
                .satisfies(h -> assertThat(h.until()).contains(Instant.parse("2026-04-04T04:00:00Z")));
        assertThat(app.audit().forSubject("case:" + id).get(0).details())
                .contains("REMOVED")
                .contains("bankItemId")
                .contains("2026-04-04T04:00:00Z");
    }

    @Test
    void aRemovalLaterRestoredOnAppealLeavesTheContentUpAndUnbanked() throws Exception {
        byte[] image = TestImages.png(TestImages.photo(90, 60, 69));
        String m = upload(image);
        String line = euCase(
                "old-11",
                m,
                "2025-10-01T10:00:00Z",
                removal("2025-10-02T04:00:00Z")
                        + ",{\"action\":\"restore\",\"at\":\"2025-10-09T04:00:00Z\",\"actor\":\"old:lead\"}");
        ApiClient.Response r = importLines(ADMIN, line);
        assertThat(r.json().path("imported").asInt()).as(r.raw()).isEqualTo(1);
        assertThat(app.adapters().media().find(m).orElseThrow().status())
                .isEqualTo(org.pramaan.intake.MediaStatus.ACTIVE);
        assertThat(uploadResponse(image)
                        .json()
                        .path("decision")
                        .path("decision")
                        .asText())
                .isNotEqualTo("BLOCK");
        assertThat(app.adapters().holds().forMedia(m)).isEmpty();
    }

    @Test
    void csvRowsMakeTheSameCaseAsAJsonLine() throws Exception {
        String m = media(70);
        String csv = "sourceId,record,at,name,value,actor,note\n"
                + "old-12,case,2025-12-01T10:00:00Z,EU_DSA_ART16_NOTICE," + m + ",,\n"
                + "old-12,field,,substantiated_explanation,\"deepfake, of me\",,\n"
                + "old-12,field,,exact_url,https://example.org/p/1,,\n"
                + "old-12,field,,notifier_name,A,,\n"
                + "old-12,field,,notifier_email,a@example.org,,\n"
                + "old-12,field,,bona_fide_statement,true,,\n"
                + "old-12,action,2025-12-01T12:00:00Z,remove,,old:mod-7,NCII\n"
                + "old-12,statement,2025-12-01T12:00:00Z,,legacy-sor-12,,\n"
                + "old-12,appeal,2025-12-05T00:00:00Z,,,u-12,parody\n"
                + "old-12,appeal-decision,2025-12-09T00:00:00Z,upheld,,old:lead,\n"
                + "old-13,case,2025-12-01T10:00:00Z,EU_DSA_ART16_NOTICE," + m + ",,\n"
                + "old-13,appeal-decision,2025-12-09T00:00:00Z,upheld,,old:lead,\n";
        ApiClient.Response r = api.send("POST", "/v1/cases/import?source=legacy-csv", ADMIN, "text/csv", csv);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("imported").asInt()).as(r.raw()).isEqualTo(1);
        String id = r.json().path("lines").get(0).path("caseId").asText();
        JsonNode c = api.get("/v1/cases/" + id, reviewer).json();
        assertThat(c.toString())
                .contains("deepfake, of me")
                .contains("appeal_decided")
                .contains("legacy-sor-12")
                .contains("2025-12-09T00:00:00Z");
        JsonNode refused = r.json().path("lines").get(1);
        assertThat(refused.path("line").asInt()).isEqualTo(12);
        assertThat(refused.path("message").asText()).contains("line 13").contains("undecided appeal");

        ApiClient.Response badHeader =
                api.send("POST", "/v1/cases/import?source=legacy-csv", ADMIN, "text/csv", "id,kind\nx,case\n");
        assertThat(badHeader.status()).as(badHeader.raw()).isEqualTo(400);
        assertThat(badHeader.raw()).contains("sourceId,record,at,name,value,actor,note");
        ApiClient.Response split = api.send(
                "POST",
                "/v1/cases/import?source=legacy-csv",
                ADMIN,
                "text/csv",
                "sourceId,record,at,name,value,actor,note\na,case,2025-12-01T10:00:00Z,EU_DSA_ART16_NOTICE," + m
                        + ",,\nb,case,2025-12-01T10:00:00Z,EU_DSA_ART16_NOTICE," + m + ",,\na,field,,x,y,,\n");
        assertThat(split.status()).as(split.raw()).isEqualTo(400);
        assertThat(split.raw()).contains("line 4").contains("not together");
    }
}
