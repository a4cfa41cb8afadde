package org.pramaan.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Tier;
import org.pramaan.decision.Decision;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaStatus;
import org.pramaan.media.Dimensions;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaType;

class StatementOfReasonsTest {
    static final Instant T = Instant.parse("2026-09-01T08:00:00Z");
    static final RulePack EU = RulePack.load("EU");

    static MediaRecord media(Tier tier) {
        return new MediaRecord(
                "a".repeat(64),
                "b".repeat(32),
                new MediaInfo(MediaType.JPEG, 100, Optional.of(new Dimensions(10, 10)), Optional.empty()),
                Optional.empty(),
                List.of(),
                new Assessment(tier, List.of()),
                Decision.LABEL,
                List.of(),
                MediaStatus.LABELLED,
                true,
                T.minus(Duration.ofDays(3)),
                T);
    }

    static CaseFile euCase(Map<String, String> notice) {
        return new CaseFile(
                "EU-20260901-ABCDEF",
                "EU_DSA_ART16_NOTICE",
                "EU",
                "DSA art.16",
                "a".repeat(64),
                T,
                notice,
                List.of(),
                CaseState.OPEN,
                Optional.empty(),
                List.of(),
                List.of(),
                false,
                false);
    }

    @Test
    void aRemovalOfSyntheticMediaOnAnArt16NoticePassesTheDatabaseRules() {
        Map<String, Object> s = StatementOfReasons.forAction(
                euCase(Map.of()),
                CaseAction.REMOVE,
                media(Tier.CONFIRMED_SYNTHETIC),
                "deepfake of a candidate",
                T,
                1,
                EU);
        assertThat(StatementOfReasons.validate(s)).isEmpty();
        assertThat(s)
                .containsEntry("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_REMOVED"))
                .containsEntry("source_type", "SOURCE_ARTICLE_16")
                .containsEntry("content_date", "2026-08-29")
                .containsEntry("application_date", "2026-09-01")
                .containsEntry("puid", "EU-20260901-ABCDEF-1")
                .containsEntry("automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(s.get("content_type")).isEqualTo(List.of("CONTENT_TYPE_IMAGE", "CONTENT_TYPE_SYNTHETIC_MEDIA"));
        assertThat(s.get("territorial_scope")).asList().hasSize(27).contains("IE", "DE");
    }

    @Test
    void trustedFlaggersLabelsAndReversalsAreRecordedAsSuch() {
        CaseFile flagged = euCase(Map.of("trusted_flagger", "true"));
        Map<String, Object> label =
                StatementOfReasons.forAction(flagged, CaseAction.LABEL, media(Tier.NO_EVIDENCE), "", T, 1, EU);
        assertThat(label)
                .containsEntry("source_type", "SOURCE_TRUSTED_FLAGGER")
                .doesNotContainKey("category_specification");
        Map<String, Object> restore = StatementOfReasons.forAction(
                flagged, CaseAction.RESTORE, media(Tier.NO_EVIDENCE), "appeal upheld", T, 2, EU);
        assertThat(StatementOfReasons.validate(restore)).isEmpty();
        assertThat(restore).containsKey("decision_visibility_other").containsEntry("puid", "EU-20260901-ABCDEF-2");
    }

    @Test
    void geoRestrictionsStateTheirEeaScopeAndSuspensionsTheirEndDate() {
        Map<String, Object> geo = StatementOfReasons.forAction(
                euCase(Map.of()),
                CaseAction.GEO_RESTRICT,
                media(Tier.NO_EVIDENCE),
                "",
                T,
                1,
                Map.of("territories", "DE,AT"),
                EU);
        assertThat(StatementOfReasons.validate(geo)).isEmpty();
        assertThat(geo)
                .containsEntry("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DISABLED"))
                .containsEntry("territorial_scope", List.of("DE", "AT"));
        Map<String, Object> india = StatementOfReasons.forAction(
                euCase(Map.of()),
                CaseAction.GEO_RESTRICT,
                media(Tier.NO_EVIDENCE),
                "",
                T,
                1,
                Map.of("territories", "IN"),
                EU);
        assertThat(india).as("the database knows EEA territories only").doesNotContainKey("territorial_scope");
        assertThat(String.valueOf(india.get("decision_facts"))).contains("GEO_RESTRICT in IN");
        Map<String, Object> suspended = StatementOfReasons.forAction(
                euCase(Map.of()),
                CaseAction.SUSPEND_ACCOUNT,
                media(Tier.NO_EVIDENCE),
                "",
                T,
                2,
                Map.of("until", "2026-10-01T08:00:00Z"),
                EU);
        assertThat(StatementOfReasons.validate(suspended)).isEmpty();
        assertThat(suspended)
                .containsEntry("decision_account", "DECISION_ACCOUNT_SUSPENDED")
                .containsEntry("end_date_account_restriction", "2026-10-01")
                .doesNotContainKey("decision_visibility");
        Map<String, Object> bad = new LinkedHashMap<>(geo);
        bad.put("territorial_scope", List.of("IN"));
        bad.put("decision_account", "DECISION_ACCOUNT_BANISHED");
        assertThat(StatementOfReasons.validate(bad))
                .anyMatch(p -> p.contains("territorial_scope value 'IN'"))
                .anyMatch(p -> p.contains("decision_account"));
    }

    @Test
    void theValidatorRejectsWhatTheDatabaseWould() {
        Map<String, Object> good = StatementOfReasons.forAction(
                euCase(Map.of()), CaseAction.REMOVE, media(Tier.NO_EVIDENCE), "", T, 1, EU);
        Map<String, Object> bad = new LinkedHashMap<>(good);
        bad.put("puid", "has spaces/and slashes");
        bad.put("decision_facts", "x".repeat(5001));
        bad.put("content_date", "01/09/2026");
        bad.put("source_type", "SOURCE_RUMOUR");
        bad.put("content_type", List.of("CONTENT_TYPE_HOLOGRAM"));
        bad.remove("decision_visibility");
        bad.remove("illegal_content_explanation");
        assertThat(StatementOfReasons.validate(bad))
                .anyMatch(p -> p.startsWith("puid must match"))
                .anyMatch(p -> p.contains("decision_facts is longer than 5000"))
                .anyMatch(p -> p.startsWith("content_date must be YYYY-MM-DD"))
                .anyMatch(p -> p.startsWith("source_type 'SOURCE_RUMOUR'"))
                .anyMatch(p -> p.contains("CONTENT_TYPE_HOLOGRAM"))
                .anyMatch(p -> p.startsWith("one of decision_visibility"))
                .anyMatch(p -> p.startsWith("illegal_content_explanation is required"));
    }

    @Test
    void theDefaultTerritorialScopeIsThePacksNotTheJurisdictionCodes() {
        Map<String, Object> eu = StatementOfReasons.forAction(
                euCase(Map.of()), CaseAction.REMOVE, media(Tier.NO_EVIDENCE), "", T, 1, EU);
        assertThat(eu)
                .as("DSA art.17(3)(a): an EU restriction naming no territories covers the member states")
                .containsEntry(
                        "territorial_scope",
                        EU.transparencyDatabase().orElseThrow().defaultTerritorialScope());
        RulePack india = RulePack.load("IN");
        CaseFile in = new CaseFile(
                "IN-20260901-ABCDEF",
                "IN_3_2_B_COMPLAINT",
                "IN",
                "IT Rules r.3(2)(b)",
                "a".repeat(64),
                T,
                Map.of(),
                List.of(),
                CaseState.OPEN,
                Optional.empty(),
                List.of(),
                List.of(),
                false,
                false);
        assertThat(StatementOfReasons.forAction(in, CaseAction.REMOVE, media(Tier.NO_EVIDENCE), "", T, 1, india))
                .doesNotContainKey("territorial_scope");
        String json = """
                {"jurisdiction":"IN","transparencyDatabase":{"defaultTerritorialScope":["AT","NO"],"source":"operator policy"},
                 "appeals":{"window":"P30D","source":"s"},"noticeTypes":[{"id":"IN_3_2_B_COMPLAINT","article":"r.3(2)(b)","title":"t",
                 "clocks":[{"name":"remove","durations":[{"effectiveFrom":"2026-01-01T00:00:00Z","duration":"PT2H","source":"s"}]}]}]}""";
        Map<String, Object> custom = StatementOfReasons.forAction(
                in, CaseAction.REMOVE, media(Tier.NO_EVIDENCE), "", T, 1, RulePack.parse(json, "IN.json"));
        assertThat(custom).containsEntry("territorial_scope", List.of("AT", "NO"));
        assertThat(StatementOfReasons.validate(custom)).isEmpty();
    }

    @Test
    void aNoticeTypesClassificationIsItsPacks() {
        CaseFile in = new CaseFile(
                "IN-20260901-ABCDEF",
                "IN_3_1_D_ORDER",
                "IN",
                "IT Rules r.3(1)(d)",
                "a".repeat(64),
                T,
                Map.of(),
                List.of(),
                CaseState.OPEN,
                Optional.empty(),
                List.of(),
                List.of(),
                false,
                false);
        Map<String, Object> bundled = StatementOfReasons.forAction(
                in, CaseAction.REMOVE, media(Tier.CONFIRMED_SYNTHETIC), "", T, 1, RulePack.load("IN"));
        assertThat(bundled)
                .containsEntry("category", "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH")
                .containsEntry("category_specification", List.of("KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING"))
                .containsEntry("source_type", "SOURCE_TYPE_OTHER_NOTIFICATION");
        String json = """
                {"jurisdiction":"IN","appeals":{"window":"P30D","source":"s"},"noticeTypes":[{"id":"IN_3_1_D_ORDER","article":"r.3(1)(d)","title":"t",
                 "statementOfReasons":{"category":"STATEMENT_CATEGORY_CYBER_VIOLENCE","syntheticMediaKeyword":"KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
                   "sourceType":"SOURCE_VOLUNTARY","source":"operator policy"},
                 "clocks":[{"name":"remove","durations":[{"effectiveFrom":"2026-01-01T00:00:00Z","duration":"PT3H","source":"s"}]}]}]}""";
        Map<String, Object> custom = StatementOfReasons.forAction(
                in, CaseAction.REMOVE, media(Tier.CONFIRMED_SYNTHETIC), "", T, 1, RulePack.parse(json, "IN.json"));
        assertThat(custom)
                .containsEntry("category", "STATEMENT_CATEGORY_CYBER_VIOLENCE")
                .containsEntry("category_specification", List.of("KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE"))
                .containsEntry("source_type", "SOURCE_VOLUNTARY");
        assertThat(StatementOfReasons.validate(custom)).isEmpty();
    }
}
