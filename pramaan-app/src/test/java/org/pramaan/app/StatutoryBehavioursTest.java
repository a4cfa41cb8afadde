package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.banks.HashBanks;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadContext;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;

/**
 * The testable behaviours of ../shared/docs/requirements.md §(b) that concern notices, clocks,
 * actions, appeals, statements of reasons and retention, each test named {@code bNN_<article>_…}
 * after its behaviour; on the real embedded store with a fake clock (no test sleeps).
 */
class StatutoryBehavioursTest {
    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-04-01T09:00:00Z");
    Embedded app;
    String media;
    org.pramaan.testkit.HttpReceiver platform;

    @BeforeEach
    void open() throws Exception {
        platform = new org.pramaan.testkit.HttpReceiver();
        app = new Embedded(
                ServerTestBase.config(
                        dir,
                        Map.of(
                                "PRAMAAN_NOTIFY_WEBHOOK_URL",
                                platform.url("/events"),
                                "PRAMAAN_NOTIFY_WEBHOOK_SECRET",
                                "behaviour-test-secret")),
                clock);
        Path f = java.nio.file.Files.write(dir.resolve("x.png"), TestImages.png(TestImages.photo(120, 90, 21)));
        media = app.intake().ingest(f, UploadContext.none()).media().id();
    }

    @AfterEach
    void close() {
        app.close();
        platform.close();
    }

    /** The outbox messages of a case with this kind (e.g. notify.acknowledgement). */
    List<org.pramaan.notify.Delivery> messages(CaseFile c, String kind) {
        return app.adapters().deliveries().forCase(c.id()).stream()
                .filter(d -> d.kind().equals(kind))
                .toList();
    }

    static final Map<String, String> COMPLETE_ORDER = Map.of(
            "issuer_rank",
            "Joint Secretary",
            "written_authorisation",
            "letter 12/2026",
            "legal_basis",
            "s.79(3)(b) IT Act",
            "statutory_provision",
            "r.3(1)(d)",
            "unlawful_act",
            "impersonation by a deepfake",
            "urls",
            "https://example.org/p/1");

    @Test
    void b01_IN_r3_1_d_anOrderRuns3hFromReceiptAlertsAt90And135MinAndAnIndiaScopedRemovalIsLoggedWithTimes() {
        java.time.Instant received = clock.instant()
                .minus(Duration.ofMinutes(20)); // reached the nodal officer's inbox before it was entered
        CaseFile c =
                app.cases().openCase(new NoticeRequest("IN_3_1_D_ORDER", media, COMPLETE_ORDER, Optional.of(received)));
        assertThat(c.nextDeadline()).contains(received.plus(Duration.ofHours(3)));
        clock.set(received.plus(Duration.ofMinutes(89)));
        assertThat(app.cases().checkClocks()).isEmpty();
        clock.set(received.plus(Duration.ofMinutes(90)));
        assertThat(app.cases().checkClocks())
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("threshold", "50%"));
        clock.set(received.plus(Duration.ofMinutes(135)));
        assertThat(app.cases().checkClocks())
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("threshold", "75%"));
        clock.set(received.plus(Duration.ofMinutes(150)));
        CaseFile done = app.cases()
                .act(
                        c.id(),
                        CaseAction.GEO_RESTRICT,
                        org.pramaan.access.Actor.key("r"),
                        "order of the Ministry",
                        Map.of("territories", "IN"));
        assertThat(done.events())
                .filteredOn(e -> e.wireName().equals("action_taken"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.details()).containsEntry("territories", "IN").containsEntry("action", "GEO_RESTRICT");
                    assertThat(e.at()).isEqualTo(clock.instant());
                });
        assertThat(done.events())
                .filteredOn(e -> e.wireName().equals("clock_stopped"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("met", "true"));
        assertThat(app.adapters().media().find(media).orElseThrow().status()).isEqualTo(MediaStatus.GEO_RESTRICTED);
        assertThat(app.banks().match(media, Optional.empty()))
                .as("lawful elsewhere, so not banked")
                .isEmpty();
        assertThat(app.audit().forSubject("case:" + c.id()))
                .filteredOn(e -> e.type().equals("case.action_taken"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).contains("GEO_RESTRICT").contains("\"territories\":\"IN\""));
        assertThatThrownBy(() -> app.cases()
                        .act(
                                open("IN_3_1_D_ORDER", COMPLETE_ORDER).id(),
                                CaseAction.GEO_RESTRICT,
                                org.pramaan.access.Actor.key("r"),
                                "",
                                Map.of("territories", "India")))
                .hasMessageContaining("'India' is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void b01_IN_r3_1_d_anOrderReceivedBefore20Feb2026Gets36h() {
        java.time.Instant before = java.time.Instant.parse("2026-02-19T18:00:00Z"); // 23:30 IST on 19 Feb
        clock.set(before.plus(Duration.ofHours(1)));
        CaseFile c =
                app.cases().openCase(new NoticeRequest("IN_3_1_D_ORDER", media, COMPLETE_ORDER, Optional.of(before)));
        assertThat(c.nextDeadline()).contains(before.plus(Duration.ofHours(36)));
        CaseFile after = app.cases()
                .openCase(new NoticeRequest(
                        "IN_3_1_D_ORDER",
                        media,
                        COMPLETE_ORDER,
                        Optional.of(java.time.Instant.parse("2026-02-19T18:30:00Z"))));
        assertThat(after.nextDeadline())
                .as("from 00:00 IST on 20 Feb the amended 3 h applies")
                .contains(java.time.Instant.parse("2026-02-19T21:30:00Z"));
    }

    @Test
    void b03_IN_r3_2_b_anIntimateImageryOrImpersonationComplaintRuns2hAndEscalatesAt90Min() {
        CaseFile c = open(
                "IN_3_2_B_COMPLAINT",
                Map.of("complainant", "self", "category", "impersonation_incl_artificially_morphed_images"));
        assertThat(c.nextDeadline()).contains(clock.instant().plus(Duration.ofHours(2)));
        clock.advance(Duration.ofMinutes(90));
        assertThat(app.cases().checkClocks())
                .extracting(e -> e.details().get("threshold"))
                .containsExactly("50%", "75%");
        assertThat(app.cases().find(c.id()).orElseThrow().events())
                .filteredOn(e -> e.wireName().equals("escalated"))
                .extracting(e -> e.details().get("dueAt"))
                .contains(c.receivedAt().plus(Duration.ofMinutes(90)).toString());
        clock.advance(Duration.ofMinutes(31));
        assertThat(app.cases().checkClocks())
                .singleElement()
                .satisfies(e -> assertThat(e.wireName()).isEqualTo("breached"));
    }

    @Test
    void b04_IN_r3_1_b_removalRequestsRun36hOnTheWallClockWithNoBusinessHourPauses() {
        clock.set(java.time.Instant.parse("2026-04-03T13:30:00Z")); // Friday 19:00 IST
        CaseFile c = open("IN_3_1_B_REMOVAL_REQUEST");
        assertThat(c.nextDeadline())
                .as("Sunday 07:00 IST, through the weekend")
                .contains(java.time.Instant.parse("2026-04-05T01:30:00Z"));
        assertThat(messages(c, "notify.acknowledgement"))
                .as("acknowledged to the complainant through the platform")
                .hasSize(1);
    }

    @Test
    void b05_IN_r4_4_aRemovedDeepfakeIsBlockedOnReuploadTheComplainantIsToldAndItsHashesExport() throws Exception {
        CaseFile c =
                open("IN_3_2_B_COMPLAINT", Map.of("complainant", "self", "complainant_email", "victim@example.org"));
        app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "morphed intimate image");
        Path again = java.nio.file.Files.write(
                dir.resolve("again.jpg"), TestImages.jpeg(TestImages.photo(120, 90, 21), 0.8f));
        var r = app.intake()
                .ingest(again, new UploadContext(Optional.of("u-9"), Optional.of("post-9"), Optional.empty()));
        assertThat(r.report().decision()).isEqualTo(org.pramaan.decision.Decision.BLOCK);
        CaseFile after = app.cases().find(c.id()).orElseThrow();
        assertThat(after.events())
                .filteredOn(e -> e.wireName().equals("resurfaced"))
                .singleElement()
                .satisfies(e ->
                        assertThat(e.details()).containsEntry("blocked", "true").containsEntry("method", "pdq"));
        assertThat(messages(c, "notify.resurfaced"))
                .as("the complainant is told")
                .singleElement()
                .satisfies(d -> assertThat(d.body()).contains("blocked before publication"));
        java.io.StringWriter out = new java.io.StringWriter();
        org.pramaan.banks.BankFiles.write(
                org.pramaan.banks.BankFiles.Format.CSV, app.banks().items(HashBanks.REMOVED), out);
        String exported = out.toString();
        assertThat(exported)
                .contains(app.adapters()
                        .media()
                        .find(media)
                        .orElseThrow()
                        .pdq()
                        .orElseThrow()
                        .hash()
                        .toHex());
    }

    @Test
    void b16_CN_DSP_art12_complaintsRunOnTheProvidersPublishedLimitAndEscalateAgainstIt() throws Exception {
        Path packs = java.nio.file.Files.createDirectories(dir.resolve("packs"));
        String cn = new String(
                        getClass().getResourceAsStream("/rulepacks/CN.json").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"duration\": \"P7D\"", "\"duration\": \"P3D\"");
        java.nio.file.Files.writeString(packs.resolve("CN.json"), cn);
        app.close();
        app = new Embedded(ServerTestBase.config(dir, Map.of("PRAMAAN_CASES_RULE_PACK_DIR", packs.toString())), clock);
        org.pramaan.cases.RulePack.NoticeType t = app.cases().noticeTypes().stream()
                .filter(x -> x.id().equals("CN_DSP_ART12_COMPLAINT"))
                .findFirst()
                .orElseThrow();
        assertThat(t.clocks().get(0).inForceAt(clock.instant()).orElseThrow().duration())
                .as("the published limit")
                .isEqualTo(Duration.ofDays(3));
        CaseFile c = open("CN_DSP_ART12_COMPLAINT");
        assertThat(c.nextDeadline()).contains(clock.instant().plus(Duration.ofDays(3)));
        clock.advance(Duration.ofHours(36));
        assertThat(app.cases().checkClocks())
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("threshold", "50%"));
    }

    @Test
    void b17_EU_DSA_art16_4_everyNoticeGetsAnAutomaticReceiptWithItsTrackingNumber() throws Exception {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        CaseFile c = open(
                "EU_DSA_ART16_NOTICE",
                Map.of(
                        "substantiated_explanation",
                        "a deepfake of me",
                        "exact_url",
                        "https://example.org/p/3",
                        "bona_fide_statement",
                        "yes"));
        assertThat(c.awaitingInformation()).isTrue();
        app.dispatcher().deliverDue();
        List<String> kinds = platform.requests().stream()
                .map(r -> r.body())
                .filter(b -> b.contains("notification.requested"))
                .toList();
        assertThat(kinds)
                .anySatisfy(b ->
                        assertThat(b).contains("\"kind\":\"acknowledgement\"").contains(c.id()));
        assertThat(kinds)
                .anySatisfy(b -> assertThat(b)
                        .contains("\"kind\":\"information_requested\"")
                        .contains("notifier_name, notifier_email"));
        String sor =
                app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "x").events().stream()
                        .filter(e -> e.wireName().equals("statement_of_reasons"))
                        .findFirst()
                        .orElseThrow()
                        .details()
                        .get("json");
        assertThat(sor)
                .as("DSA art.16(6)/17(3)(c): automated means disclosed")
                .contains("\"automated_detection\":\"No\"")
                .contains("\"automated_decision\":\"AUTOMATED_DECISION_NOT_AUTOMATED\"");
    }

    @Test
    void b18_EU_DSA_art17_3_geoRestrictionDemotionAndSuspensionStatementsStateTheirScopeAndPassTheDatabaseRules() {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        Map<String, String> art16 = Map.of(
                "substantiated_explanation",
                "x",
                "exact_url",
                "u",
                "notifier_name",
                "n",
                "notifier_email",
                "e@example.org",
                "bona_fide_statement",
                "y");
        CaseFile geo = app.cases()
                .act(
                        open("EU_DSA_ART16_NOTICE", art16).id(),
                        CaseAction.GEO_RESTRICT,
                        org.pramaan.access.Actor.key("r"),
                        "unlawful in Germany",
                        Map.of("territories", "DE"));
        String geoSor = sor(geo);
        assertThat(geoSor).contains("DECISION_VISIBILITY_CONTENT_DISABLED").contains("\"territorial_scope\":[\"DE\"]");
        CaseFile demoted = app.cases()
                .act(
                        open("EU_DSA_ART16_NOTICE", art16).id(),
                        CaseAction.DEMOTE,
                        org.pramaan.access.Actor.key("r"),
                        "borderline");
        assertThat(sor(demoted)).contains("DECISION_VISIBILITY_CONTENT_DEMOTED");
        assertThat(app.adapters().media().find(media).orElseThrow().status()).isEqualTo(MediaStatus.DEMOTED);
        for (CaseFile c : List.of(geo, demoted)) {
            assertThat(org.pramaan.cases.StatementOfReasons.validate(read(sor(c))))
                    .isEmpty();
        }
    }

    @Test
    void DSA_art23_repeatInfringersAreFlaggedThenWarnedAndOnlyAWarnedAccountIsSuspendedForAPeriod() throws Exception {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        Map<String, String> art16 = Map.of(
                "substantiated_explanation",
                "x",
                "exact_url",
                "u",
                "notifier_name",
                "n",
                "notifier_email",
                "e@example.org",
                "bona_fide_statement",
                "y");
        List<String> media3 = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path f = java.nio.file.Files.write(
                    dir.resolve("u" + i + ".png"), TestImages.png(TestImages.photo(100, 80, 300 + i)));
            media3.add(app.intake()
                    .ingest(f, new UploadContext(Optional.of("repeat-7"), Optional.of("p" + i), Optional.empty()))
                    .media()
                    .id());
        }
        CaseFile first = app.cases()
                .act(
                        app.cases()
                                .openCase(new NoticeRequest(
                                        "EU_DSA_ART16_NOTICE", media3.get(0), art16, Optional.empty()))
                                .id(),
                        CaseAction.REMOVE,
                        org.pramaan.access.Actor.key("r"),
                        "illegal");
        assertThat(first.events()).noneMatch(e -> e.wireName().equals("repeat_infringer_flagged"));
        CaseFile second = app.cases()
                .act(
                        app.cases()
                                .openCase(new NoticeRequest(
                                        "EU_DSA_ART16_NOTICE", media3.get(1), art16, Optional.empty()))
                                .id(),
                        CaseAction.REMOVE,
                        org.pramaan.access.Actor.key("r"),
                        "illegal");
        assertThat(second.events())
                .filteredOn(e -> e.wireName().equals("repeat_infringer_flagged"))
                .singleElement()
                .satisfies(e -> assertThat(e.details())
                        .containsEntry("recommended", "WARN_ACCOUNT")
                        .containsEntry("strikes", "2")
                        .containsEntry("accountId", "repeat-7"));
        assertThatThrownBy(() -> app.cases()
                        .act(
                                second.id(),
                                CaseAction.SUSPEND_ACCOUNT,
                                org.pramaan.access.Actor.key("r"),
                                "",
                                Map.of("days", "30")))
                .hasMessageContaining("never warned")
                .hasMessageContaining("art.23(1)");
        CaseFile warned = app.cases()
                .act(second.id(), CaseAction.WARN_ACCOUNT, org.pramaan.access.Actor.key("r"), "second removal");
        assertThat(warned.events())
                .anyMatch(e -> e.wireName().equals("account_warned")
                        && "repeat-7".equals(e.details().get("accountId")));
        CaseFile third = app.cases()
                .act(
                        app.cases()
                                .openCase(new NoticeRequest(
                                        "EU_DSA_ART16_NOTICE", media3.get(2), art16, Optional.empty()))
                                .id(),
                        CaseAction.REMOVE,
                        org.pramaan.access.Actor.key("r"),
                        "illegal");
        assertThat(third.events())
                .filteredOn(e -> e.wireName().equals("repeat_infringer_flagged"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("recommended", "SUSPEND_ACCOUNT"));
        assertThatThrownBy(() -> app.cases()
                        .act(
                                third.id(),
                                CaseAction.SUSPEND_ACCOUNT,
                                org.pramaan.access.Actor.key("r"),
                                "",
                                Map.of("days", "9999")))
                .hasMessageContaining("between 1 and 365");
        CaseFile suspended = app.cases()
                .act(
                        third.id(),
                        CaseAction.SUSPEND_ACCOUNT,
                        org.pramaan.access.Actor.key("r"),
                        "third removal after a warning",
                        Map.of("days", "30"));
        assertThat(sor(suspended))
                .contains("DECISION_ACCOUNT_SUSPENDED")
                .contains("\"end_date_account_restriction\":\"2026-10-01\"");
        assertThat(app.adapters()
                        .accounts()
                        .find("repeat-7")
                        .orElseThrow()
                        .suspendedAt(clock.instant().plus(Duration.ofDays(29))))
                .isTrue();
        assertThat(messages(suspended, "notify.account_suspended"))
                .singleElement()
                .satisfies(d -> assertThat(d.body()).contains("repeat-7"));
    }

    private static String sor(CaseFile c) {
        List<org.pramaan.cases.CaseEvent> s = c.events().stream()
                .filter(e -> e.wireName().equals("statement_of_reasons"))
                .toList();
        return s.get(s.size() - 1).details().get("json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        return org.pramaan.json.Json.read(json, Map.class);
    }

    CaseFile open(String type) {
        return app.cases().openCase(new NoticeRequest(type, media, Map.of(), Optional.empty()));
    }

    CaseFile open(String type, Map<String, String> fields) {
        return app.cases().openCase(new NoticeRequest(type, media, fields, Optional.empty()));
    }

    @Test
    void
            b02_IN_r3_1_d_anOrderMissingIssuerRankAuthorisationBasisProvisionActOrUrlsGoesToLegalReviewWithoutPausingTheClock() {
        CaseFile defective =
                open("IN_3_1_D_ORDER", Map.of("urls", "https://example.org/p/1", "legal_basis", "s.69A IT Act"));
        assertThat(defective.legalReview()).isTrue();
        assertThat(defective.awaitingInformation()).isFalse();
        assertThat(defective.missingFields())
                .containsExactly("issuer_rank", "written_authorisation", "statutory_provision", "unlawful_act");
        assertThat(defective.nextDeadline()).contains(clock.instant().plus(Duration.ofHours(3)));
        assertThat(defective.events())
                .extracting(e -> e.wireName())
                .containsExactly("opened", "routed_to_legal_review");
        CaseFile complete = open(
                "IN_3_1_D_ORDER",
                Map.of(
                        "issuer_rank",
                        "Joint Secretary",
                        "written_authorisation",
                        "letter 12/2026",
                        "legal_basis",
                        "s.79(3)(b)",
                        "statutory_provision",
                        "r.3(1)(d)",
                        "unlawful_act",
                        "impersonation",
                        "urls",
                        "https://example.org/p/1"));
        assertThat(complete.legalReview()).isFalse();
        assertThat(complete.missingFields()).isEmpty();
    }

    @Test
    void b20_US_223a_anIncompleteRequestIsLoggedAndAnsweredAndTheCompleteOneStartsA48hClock() {
        assertThatThrownBy(() -> open("US_TAKE_IT_DOWN_REQUEST", Map.of()))
                .as("before 19 May 2026 the Act's process was not yet due")
                .hasMessageContaining("no US_TAKE_IT_DOWN_REQUEST 'remove' rule was in force");
        clock.set(java.time.Instant.parse("2026-06-01T12:00:00Z"));
        CaseFile c = open(
                "US_TAKE_IT_DOWN_REQUEST",
                Map.of("signature", "/s/ J. Doe", "content_identification_and_location", "https://example.org/p/2"));
        assertThat(c.awaitingInformation()).isTrue();
        assertThat(c.clocks()).isEmpty();
        assertThat(c.missingFields()).containsExactly("good_faith_nonconsent_statement", "contact_info");
        assertThat(app.cases().open()).extracting(CaseFile::id).contains(c.id());
        clock.advance(Duration.ofHours(50));
        assertThat(app.cases().checkClocks()).isEmpty();
        CaseFile partial = app.cases()
                .supplyFields(c.id(), Map.of("contact_info", "jdoe@example.org"), org.pramaan.access.Actor.key("r"));
        assertThat(partial.missingFields()).containsExactly("good_faith_nonconsent_statement");
        assertThat(partial.clocks()).isEmpty();
        CaseFile complete = app.cases()
                .supplyFields(
                        c.id(),
                        Map.of("good_faith_nonconsent_statement", "I did not consent."),
                        org.pramaan.access.Actor.key("r"));
        assertThat(complete.awaitingInformation()).isFalse();
        assertThat(complete.nextDeadline()).contains(clock.instant().plus(Duration.ofHours(48)));
        assertThat(complete.events())
                .extracting(e -> e.wireName())
                .containsExactly(
                        "opened", "information_requested", "fields_supplied", "fields_supplied", "notice_completed");
    }

    @Test
    void b17_EU_DSA_art16_2_elementsAThroughDAreRequiredAndNameAndEmailAreWaivedForCsam() {
        Map<String, String> base = Map.of(
                "substantiated_explanation",
                "depicts a minor",
                "exact_url",
                "https://example.org/p/3",
                "bona_fide_statement",
                "yes");
        CaseFile anonymous = open("EU_DSA_ART16_NOTICE", base);
        assertThat(anonymous.missingFields()).containsExactly("notifier_name", "notifier_email");
        Map<String, String> csam = new java.util.HashMap<>(base);
        csam.put("category", "csam");
        CaseFile waived = open("EU_DSA_ART16_NOTICE", csam);
        assertThat(waived.missingFields()).isEmpty();
        assertThat(waived.nextDeadline()).contains(clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void b18_EU_DSA_art17_everyRestrictionAndReversalGetsAStatementOfReasonsWhenItApplies() {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        CaseFile c = open(
                "EU_DSA_ART16_NOTICE",
                Map.of(
                        "substantiated_explanation",
                        "synthetic intimate image",
                        "exact_url",
                        "https://example.org/p/9",
                        "notifier_name",
                        "A. Person",
                        "notifier_email",
                        "a@example.org",
                        "bona_fide_statement",
                        "yes"));
        CaseFile removed = app.cases()
                .act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "non-consensual deepfake");
        CaseFile restored =
                app.cases().act(c.id(), CaseAction.RESTORE, org.pramaan.access.Actor.key("r"), "appeal upheld");
        List<org.pramaan.cases.CaseEvent> sors = restored.events().stream()
                .filter(e -> e.wireName().equals("statement_of_reasons"))
                .toList();
        assertThat(sors).hasSize(2);
        assertThat(sors.get(0).at())
                .isEqualTo(removed.events().stream()
                        .filter(e -> e.wireName().equals("action_taken"))
                        .findFirst()
                        .orElseThrow()
                        .at());
        assertThat(sors).extracting(e -> e.details().get("puid")).containsExactly(c.id() + "-1", c.id() + "-2");
        assertThat(sors.get(0).details().get("json"))
                .contains("DECISION_VISIBILITY_CONTENT_REMOVED")
                .contains("SOURCE_ARTICLE_16");
        assertThat(sors.get(1).details().get("json")).contains("DECISION_VISIBILITY_OTHER");
        assertThat(app.cases().find(c.id()).orElseThrow().events())
                .filteredOn(e -> e.wireName().equals("statement_of_reasons"))
                .hasSize(2);
        CaseFile dismissed = open(
                "EU_DSA_ART16_NOTICE",
                Map.of(
                        "category",
                        "csam",
                        "substantiated_explanation",
                        "x",
                        "exact_url",
                        "u",
                        "bona_fide_statement",
                        "y"));
        assertThat(app.cases()
                        .act(dismissed.id(), CaseAction.DISMISS, org.pramaan.access.Actor.key("r"), "")
                        .events())
                .noneMatch(e -> e.wireName().equals("statement_of_reasons"));
    }

    @Test
    void queue_EU_DSA_art22_mostUrgentFirstThenSeverityThenTrustedFlaggersWithFilters() {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        Map<String, String> art16 = Map.of(
                "substantiated_explanation",
                "x",
                "exact_url",
                "u",
                "notifier_name",
                "n",
                "notifier_email",
                "e",
                "bona_fide_statement",
                "y");
        CaseFile eu = open("EU_DSA_ART16_NOTICE", art16);
        Map<String, String> flagged = new java.util.HashMap<>(art16);
        flagged.put("trusted_flagger", "true");
        CaseFile euTrusted = open("EU_DSA_ART16_NOTICE", flagged);
        CaseFile order = open("IN_3_1_D_ORDER", Map.of());
        CaseFile complaint = open("IN_3_2_B_COMPLAINT", Map.of());
        assertThat(app.cases().queue(Optional.empty(), Optional.empty()))
                .extracting(CaseFile::id)
                .containsExactly(complaint.id(), order.id(), euTrusted.id(), eu.id());
        assertThat(app.cases().queue(Optional.empty(), Optional.of(Duration.ofMinutes(150))))
                .extracting(CaseFile::id)
                .containsExactly(complaint.id());
        assertThat(app.cases().queue(Optional.of("eu"), Optional.empty()))
                .extracting(CaseFile::id)
                .containsExactly(euTrusted.id(), eu.id());
    }

    @Test
    void
            b19_EU_DSA_art20_appealsAreAcceptedForSixMonthsDecidedByAPersonAndAReversalRestoresUnbanksAndIssuesANewStatement() {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        Map<String, String> art16 = Map.of(
                "substantiated_explanation",
                "x",
                "exact_url",
                "u",
                "notifier_name",
                "n",
                "notifier_email",
                "e",
                "bona_fide_statement",
                "y");
        CaseFile c = open("EU_DSA_ART16_NOTICE", art16);
        assertThatThrownBy(() -> app.cases().appeal(c.id(), "uploader-7", "it is satire"))
                .hasMessageContaining("restricted nothing");
        app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "deepfake");
        assertThat(app.banks().match(media, Optional.empty())).isNotEmpty();
        clock.advance(Duration.ofDays(150)); // DSA art.20(1): at least six months
        assertThatThrownBy(() -> app.cases().appeal(c.id(), "uploader-7", " ")).hasMessageContaining("statement");
        app.cases().appeal(c.id(), "uploader-7", "it is clearly labelled satire");
        assertThatThrownBy(() -> app.cases().appeal(c.id(), "uploader-7", "again"))
                .hasMessageContaining("already has an appeal");
        assertThatThrownBy(() -> app.cases().decideAppeal(c.id(), true, org.pramaan.access.Actor.PLATFORM, "auto"))
                .hasMessageContaining("decided by a person");
        CaseFile reversed = app.cases()
                .decideAppeal(c.id(), true, org.pramaan.access.Actor.key("r2"), "satire is lawful expression here");
        assertThat(reversed.outcome()).contains(CaseAction.RESTORE);
        assertThat(app.adapters().media().find(media).orElseThrow().status()).isEqualTo(MediaStatus.ACTIVE);
        assertThat(app.banks().match(media, Optional.empty()))
                .as("hashes leave the removed bank")
                .isEmpty();
        assertThat(reversed.events())
                .extracting(e -> e.wireName())
                .containsSubsequence("appeal_received", "appeal_decided", "action_taken", "statement_of_reasons");
        assertThat(reversed.events())
                .filteredOn(e -> e.wireName().equals("statement_of_reasons"))
                .hasSize(2);
        assertThatThrownBy(() -> app.cases().decideAppeal(c.id(), false, org.pramaan.access.Actor.key("r2"), "x"))
                .hasMessageContaining("no appeal awaiting");
    }

    @Test
    void b19_IN_r3A_appealsAfterTheWindowAreRefusedAndUpheldRestrictionsStay() {
        CaseFile c = open("IN_3_2_B_COMPLAINT");
        app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "NCII");
        clock.advance(Duration.ofDays(29));
        app.cases().appeal(c.id(), "uploader-9", "I am the person depicted and consented");
        CaseFile upheld = app.cases()
                .decideAppeal(
                        c.id(), false, org.pramaan.access.Actor.key("r2"), "the complainant's account is credible");
        assertThat(upheld.outcome()).contains(CaseAction.REMOVE);
        assertThat(app.adapters().media().find(media).orElseThrow().status()).isEqualTo(MediaStatus.REMOVED);
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> app.cases().appeal(c.id(), "uploader-9", "again"))
                .hasMessageContaining("appeal window")
                .hasMessageContaining("r.3A");
    }

    @Test
    void b06_IN_r3_1_g_removedContentIsHeld180DaysNeverPurgedEarlyAndStaysBanked() throws Exception {
        CaseFile c = open("IN_3_2_B_COMPLAINT");
        app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "NCII");
        List<org.pramaan.cases.Hold> holds = app.retention().holds(media);
        assertThat(holds).singleElement().satisfies(h -> {
            assertThat(h.until()).contains(clock.instant().plus(Duration.ofDays(180)));
            assertThat(h.reason()).contains("r.3(1)(g)");
        });
        clock.advance(Duration.ofDays(179));
        assertThat(app.retention().purge()).isEmpty();
        assertThat(app.adapters().blobs().contains(media)).isTrue();
        org.pramaan.cases.Hold legal = app.retention()
                .place(
                        media,
                        Optional.of(c.id()),
                        "police request 2026/44",
                        Optional.empty(),
                        org.pramaan.access.Actor.key("admin"));
        clock.advance(Duration.ofDays(2));
        assertThat(app.retention().purge()).as("a legal hold blocks the purge").isEmpty();
        app.retention().release(legal.id(), org.pramaan.access.Actor.key("admin"));
        assertThatThrownBy(() -> app.retention().release(legal.id(), org.pramaan.access.Actor.key("admin")))
                .hasMessageContaining("already released");
        assertThat(app.retention().purge()).containsExactly(media);
        assertThat(app.adapters().blobs().contains(media)).isFalse();
        assertThat(app.adapters().media().find(media).orElseThrow().blobStored())
                .isFalse();
        assertThat(app.banks().match(media, Optional.empty()))
                .as("still blocked on re-upload")
                .isNotEmpty();
        assertThat(app.audit().forSubject("media:" + media))
                .extracting(e -> e.type())
                .contains("hold.placed", "hold.released", "media.purged");
    }

    @Test
    void b06_EU_holdsFollowThePack_withoutAStatutoryRetentionContentIsKeptForTheAppealWindow() {
        clock.set(java.time.Instant.parse("2026-09-01T08:00:00Z"));
        CaseFile c = open(
                "EU_DSA_ART16_NOTICE",
                Map.of(
                        "substantiated_explanation",
                        "x",
                        "exact_url",
                        "u",
                        "notifier_name",
                        "n",
                        "notifier_email",
                        "e",
                        "bona_fide_statement",
                        "y"));
        app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "illegal");
        assertThat(app.retention().holds(media))
                .singleElement()
                .satisfies(h -> assertThat(h.until()).contains(clock.instant().plus(Duration.ofDays(184))));
    }

    @Test
    void b05_US_223a_3_aRemovalAlsoSweepsIdenticalCopiesButNotOtherPictures() throws Exception {
        clock.set(java.time.Instant.parse("2026-06-01T12:00:00Z"));
        var photo = TestImages.photo(400, 300, 71);
        String original = ingest(TestImages.png(photo));
        String copy = ingest(TestImages.jpeg(photo, 0.95f));
        String other = ingest(TestImages.png(TestImages.photo(400, 300, 72)));
        CaseFile c = app.cases()
                .openCase(new NoticeRequest(
                        "US_TAKE_IT_DOWN_REQUEST",
                        original,
                        Map.of(
                                "signature",
                                "/s/",
                                "content_identification_and_location",
                                "u",
                                "good_faith_nonconsent_statement",
                                "no consent",
                                "contact_info",
                                "e@example.org"),
                        Optional.empty()));
        CaseFile done = app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "NCII");
        assertThat(done.events())
                .filteredOn(e -> e.wireName().equals("identical_copies_removed"))
                .singleElement()
                .satisfies(e -> assertThat(e.details().get("mediaIds")).isEqualTo(copy));
        assertThat(app.adapters().media().find(copy).orElseThrow().status()).isEqualTo(MediaStatus.REMOVED);
        assertThat(app.adapters().media().find(other).orElseThrow().status()).isNotEqualTo(MediaStatus.REMOVED);
    }

    String ingest(byte[] bytes) throws Exception {
        Path f = java.nio.file.Files.createTempFile(dir, "in", ".bin");
        java.nio.file.Files.write(f, bytes);
        return app.intake().ingest(f, UploadContext.none()).media().id();
    }

    @Test
    void b04_IN_r3_2_a_aGrievanceGetsATicketA24hAcknowledgementClockAndA7DayResolutionClock() {
        CaseFile c = open("IN_3_2_A_GRIEVANCE");
        assertThat(c.id())
                .as("the ticket number (r.4(6)) names the pack and the day")
                .matches("IN-20260401-[A-Z2-9]{6}");
        assertThat(c.clocks())
                .extracting(k -> Duration.between(k.startedAt(), k.dueAt()))
                .containsExactly(Duration.ofHours(24), Duration.ofDays(7));
        clock.advance(Duration.ofHours(3));
        CaseFile acked = app.cases().act(c.id(), CaseAction.ACKNOWLEDGE, org.pramaan.access.Actor.key("r"), "");
        assertThat(acked.state()).isEqualTo(CaseState.OPEN);
        assertThat(acked.clock("acknowledge").orElseThrow().running()).isFalse();
        assertThat(acked.clock("resolve").orElseThrow().running()).isTrue();
        assertThat(acked.nextDeadline()).contains(c.receivedAt().plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> app.cases().act(c.id(), CaseAction.ACKNOWLEDGE, org.pramaan.access.Actor.key("r"), ""))
                .hasMessageContaining("no running acknowledgement clock");
    }

    @Test
    void aLateActionIsRecordedAsMissingTheDeadline() {
        CaseFile c = open("IN_3_1_D_ORDER");
        clock.advance(Duration.ofHours(4));
        CaseFile done = app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "");
        assertThat(done.events())
                .filteredOn(e -> e.wireName().equals("clock_stopped"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("met", "false"));
        assertThat(done.clock("remove").orElseThrow().breachedBy(clock.instant()))
                .isTrue();
        assertThat(app.adapters().media().find(media).orElseThrow().status()).isEqualTo(MediaStatus.REMOVED);
        assertThat(app.banks().match(media, Optional.empty()))
                .singleElement()
                .satisfies(m -> assertThat(m.bank()).isEqualTo(HashBanks.REMOVED));
    }

    @Test
    void closedCasesRefuseFurtherActionsAndOnlyRemovalsCanBeRestored() {
        CaseFile dismissed = open("IN_3_1_B_REMOVAL_REQUEST");
        app.cases().act(dismissed.id(), CaseAction.DISMISS, org.pramaan.access.Actor.key("r"), "lawful content");
        assertThatThrownBy(
                        () -> app.cases().act(dismissed.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), ""))
                .hasMessageContaining("is closed");
        assertThatThrownBy(() ->
                        app.cases().act(dismissed.id(), CaseAction.RESTORE, org.pramaan.access.Actor.key("r"), ""))
                .hasMessageContaining("only a restriction (remove, geo_restrict, label, demote) can be reversed");
        assertThatThrownBy(() -> app.cases().act("IN-NOPE", CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), ""))
                .hasMessageContaining("no case with id 'IN-NOPE'");
        assertThatThrownBy(() -> app.cases()
                        .openCase(new NoticeRequest("IN_3_1_D_ORDER", "f".repeat(64), Map.of(), Optional.empty())))
                .hasMessageContaining("no media with id");
        assertThatThrownBy(() -> app.cases()
                        .openCase(new NoticeRequest(
                                "IN_3_1_D_ORDER",
                                media,
                                Map.of(),
                                Optional.of(clock.instant().plusSeconds(60)))))
                .hasMessageContaining("in the future");
    }

    @Test
    void escalationsMissedWhileDownFireOnceOnTheNextCheckWithTheirDueTimes() {
        CaseFile c = open("IN_3_2_B_COMPLAINT");
        clock.advance(Duration.ofHours(5));
        assertThat(app.cases().checkClocks())
                .extracting(e -> e.wireName())
                .containsExactly("escalated", "escalated", "breached");
        assertThat(app.cases().checkClocks()).isEmpty();
        CaseFile after = app.cases().find(c.id()).orElseThrow();
        assertThat(after.events())
                .filteredOn(e -> e.wireName().equals("escalated"))
                .extracting(e -> e.details().get("dueAt"))
                .containsExactly("2026-04-01T10:00:00Z", "2026-04-01T10:30:00Z");
        assertThat(after.events())
                .filteredOn(e -> !e.wireName().equals("opened"))
                .allSatisfy(e -> assertThat(e.details()).containsEntry("late", "true"));
        assertThat(app.audit().verify().valid()).isTrue();
    }
}
