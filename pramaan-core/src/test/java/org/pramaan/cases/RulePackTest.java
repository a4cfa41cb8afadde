package org.pramaan.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulePackTest {
    private static final RulePack IN = RulePack.load("IN");
    /** 20 Feb 2026 00:00 IST, when G.S.R. 120(E) came into force. */
    private static final Instant AMENDMENT = Instant.parse("2026-02-19T18:30:00Z");

    @ParameterizedTest(name = "{0} {1}: {2} after 2026-02-20, {3} before")
    @CsvSource({
        "IN_3_1_D_ORDER, remove, PT3H, PT36H",
        "IN_3_2_B_COMPLAINT, remove, PT2H, PT24H",
        "IN_3_2_A_GRIEVANCE, acknowledge, PT24H, PT24H",
        "IN_3_2_A_GRIEVANCE, resolve, P7D, P15D",
        "IN_3_1_B_REMOVAL_REQUEST, remove, PT36H, PT72H",
        "IN_3_1_J_AGENCY_REQUEST, provide, PT72H, PT72H"
    })
    void clocksFollowTheRuleInForceAtReceipt(String type, String clock, String after, String before) {
        RulePack.ClockRule rule = IN.noticeType(type).orElseThrow().clocks().stream()
                .filter(c -> c.name().equals(clock))
                .findFirst()
                .orElseThrow();
        assertThat(rule.inForceAt(AMENDMENT).orElseThrow().duration()).isEqualTo(Duration.parse(after));
        assertThat(rule.inForceAt(AMENDMENT.minusMillis(1)).orElseThrow().duration())
                .isEqualTo(Duration.parse(before));
        assertThat(rule.escalateAt()).containsExactly(0.5, 0.75);
    }

    @Test
    void usAndEuPacksLoadWithTheirRequiredElements() {
        RulePack.NoticeType us =
                RulePack.load("US").noticeType("US_TAKE_IT_DOWN_REQUEST").orElseThrow();
        assertThat(us.requiredFields()).hasSize(4);
        assertThat(us.clocks()
                        .get(0)
                        .inForceAt(Instant.parse("2026-06-01T00:00:00Z"))
                        .orElseThrow()
                        .duration())
                .isEqualTo(Duration.ofHours(48));
        assertThat(us.clocks().get(0).inForceAt(Instant.parse("2026-05-01T00:00:00Z")))
                .as("before the Act's process deadline")
                .isEmpty();
        RulePack.NoticeType eu =
                RulePack.load("EU").noticeType("EU_DSA_ART16_NOTICE").orElseThrow();
        assertThat(eu.missing(java.util.Map.of(
                        "category",
                        "CSAM",
                        "substantiated_explanation",
                        "x",
                        "exact_url",
                        "u",
                        "bona_fide_statement",
                        "y")))
                .isEmpty();
        assertThat(eu.onMissingFields()).isEqualTo(RulePack.OnMissingFields.AWAIT_INFORMATION);
    }

    @Test
    void waiversMustNameRequiredFields() {
        String pack =
                "{\"jurisdiction\":\"XX\",\"appeals\":{\"window\":\"P30D\",\"source\":\"s\"},\"noticeTypes\":[{\"id\":\"A\",\"article\":\"a\",\"title\":\"t\",\"requiredFields\":[\"x\"],"
                        + "\"onMissingFields\":\"AWAIT_INFORMATION\",\"missingFieldsSource\":\"s\",\"waivers\":[{\"when\":{\"field\":\"c\",\"equals\":\"d\"},"
                        + "\"waive\":[\"y\"],\"source\":\"s\"}],\"clocks\":[{\"name\":\"r\",\"durations\":["
                        + OK_DURATION + "]}]}]}";
        assertThatThrownBy(() -> RulePack.parse(pack, "x.json"))
                .hasMessageContaining("notice type A")
                .hasMessageContaining("not required");
        String fixed = pack.replace("\"waive\":[\"y\"]", "\"waive\":[\"x\"]");
        assertThat(RulePack.parse(fixed, "x.json").noticeType("A").orElseThrow().missing(java.util.Map.of("c", "d")))
                .isEmpty();
        assertThatThrownBy(() -> RulePack.parse(fixed.replace("AWAIT_INFORMATION", "SHRUG"), "x.json"))
                .hasMessageContaining("'SHRUG'");
    }

    @Test
    void everyNoticeTypeCitesItsArticle() {
        assertThat(IN.noticeTypes())
                .hasSize(5)
                .allSatisfy(t -> assertThat(t.article()).startsWith("IT Rules r.3"));
    }

    @Test
    void noRuleBeforeTheRulesExisted() {
        RulePack.ClockRule rule =
                IN.noticeType("IN_3_1_D_ORDER").orElseThrow().clocks().get(0);
        assertThat(rule.inForceAt(Instant.parse("2020-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void everyPackStatesItsAppealWindow() {
        assertThat(RulePack.load("EU").appeals().window()).isGreaterThanOrEqualTo(Duration.ofDays(181));
        assertThat(RulePack.load("IN").appeals().source()).contains("r.3A");
        assertThatThrownBy(() -> RulePack.parse(
                        pack("{\"name\":\"r\",\"durations\":[" + OK_DURATION + "]}")
                                .replace(",\"appeals\":{\"window\":\"P30D\",\"source\":\"s\"}", ""),
                        "x.json"))
                .hasMessageContaining("appeals")
                .hasMessageContaining("'window' is missing");
    }

    private static String pack(String clock) {
        return "{\"jurisdiction\":\"XX\",\"appeals\":{\"window\":\"P30D\",\"source\":\"s\"},\"noticeTypes\":[{\"id\":\"A\",\"article\":\"art 1\",\"title\":\"t\",\"clocks\":["
                + clock + "]}]}";
    }

    private static final String OK_DURATION =
            "{\"effectiveFrom\":\"2026-01-01T00:00:00Z\",\"duration\":\"PT1H\",\"source\":\"s\"}";

    @Test
    void malformedPacksFailNamingTheEntry() {
        assertThatThrownBy(() -> RulePack.parse(
                        pack(
                                "{\"name\":\"remove\",\"durations\":[{\"effectiveFrom\":\"2026-01-01T00:00:00Z\",\"duration\":\"3 hours\",\"source\":\"s\"}]}"),
                        "x.json"))
                .hasMessageContaining("notice type A")
                .hasMessageContaining("'3 hours'");
        assertThatThrownBy(() -> RulePack.parse(
                        pack("{\"name\":\"remove\",\"escalateAt\":[0.75,0.5],\"durations\":[" + OK_DURATION + "]}"),
                        "x.json"))
                .hasMessageContaining("clock 'remove'")
                .hasMessageContaining("escalateAt");
        assertThatThrownBy(() -> RulePack.parse(
                        pack("{\"name\":\"remove\",\"durations\":[" + OK_DURATION + "," + OK_DURATION + "]}"),
                        "x.json"))
                .hasMessageContaining("two durations take effect");
        assertThatThrownBy(() -> RulePack.parse(pack("{\"name\":\"remove\",\"durations\":[]}"), "x.json"))
                .hasMessageContaining("has no durations");
        assertThatThrownBy(() -> RulePack.parse(
                        pack(
                                "{\"name\":\"remove\",\"durations\":[{\"effectiveFrom\":\"2026-01-01T00:00:00Z\",\"duration\":\"-PT1H\",\"source\":\"s\"}]}"),
                        "x.json"))
                .hasMessageContaining("must be positive");
        String twice =
                "{\"jurisdiction\":\"XX\",\"noticeTypes\":[{\"id\":\"A\",\"article\":\"a\",\"title\":\"t\",\"clocks\":[{\"name\":\"r\",\"durations\":["
                        + OK_DURATION
                        + "]}]},{\"id\":\"A\",\"article\":\"a\",\"title\":\"t\",\"clocks\":[{\"name\":\"r\",\"durations\":["
                        + OK_DURATION + "]}]}]}";
        assertThatThrownBy(() -> RulePack.parse(twice, "x.json"))
                .hasMessageContaining("notice type A is defined twice");
        assertThatThrownBy(() -> RulePack.parse("{\"noticeTypes\":[]}", "x.json"))
                .hasMessageContaining("'jurisdiction' is missing");
        assertThatThrownBy(() -> RulePack.load("ZZ")).hasMessageContaining("no rule pack for jurisdiction 'ZZ'");
    }

    @Test
    void severityAndRepeatInfringerRulesAreCheckedAndBundledPacksHaveThem() {
        assertThat(IN.noticeType("IN_3_2_B_COMPLAINT").orElseThrow().severity()).isEqualTo(1);
        assertThat(IN.noticeType("IN_3_2_A_GRIEVANCE").orElseThrow().severity()).isEqualTo(3);
        RulePack.RepeatInfringerRule eu = RulePack.load("EU").repeatInfringers().orElseThrow();
        assertThat(eu.window()).isEqualTo(Duration.ofDays(365));
        assertThat(eu.warnAfter()).isLessThan(eu.suspendAfter());
        assertThat(eu.source()).contains("art.23");
        assertThat(RulePack.load("CN").retention().orElseThrow().removedContent())
                .isEqualTo(Duration.ofDays(184));
        String ok = pack("{\"name\":\"r\",\"durations\":[" + OK_DURATION + "]}");
        assertThatThrownBy(() -> RulePack.parse(ok.replace("\"id\":\"A\",", "\"id\":\"A\",\"severity\":7,"), "x.json"))
                .hasMessageContaining("notice type A")
                .hasMessageContaining("severity must be 1");
        assertThatThrownBy(() -> RulePack.parse(
                        ok.replace(
                                "\"noticeTypes\"",
                                "\"repeatInfringers\":{\"window\":\"P365D\",\"warnAfter\":3,\"suspendAfter\":2,\"source\":\"s\"},\"noticeTypes\""),
                        "x.json"))
                .hasMessageContaining("repeatInfringers")
                .hasMessageContaining("suspendAfter > warnAfter");
    }

    @Test
    void jurisdictionRulesAreDataWithTheirSourcesInTheBundledPacks() {
        assertThat(RulePack.load("US").identicalCopies()).hasValueSatisfying(r -> {
            assertThat(r.maxPdqDistance()).isEqualTo(8);
            assertThat(r.source()).contains("223a(a)(3)");
        });
        assertThat(RulePack.load("EU").transparencyDatabase()).hasValueSatisfying(r -> {
            assertThat(r.defaultTerritorialScope())
                    .hasSize(27)
                    .contains("DE", "FR")
                    .doesNotContain("NO");
            assertThat(r.source()).contains("art.24(5)");
        });
        for (String j : java.util.List.of("IN", "US", "CN"))
            assertThat(RulePack.load(j).transparencyDatabase()).as(j).isEmpty();
        for (String j : java.util.List.of("IN", "EU", "CN"))
            assertThat(RulePack.load(j).identicalCopies()).as(j).isEmpty();
        assertThat(RulePack.load("IN").peopleTime().zone()).isEqualTo(java.time.ZoneId.of("Asia/Kolkata"));
        assertThat(RulePack.load("CN").peopleTime().zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(RulePack.load("EU").peopleTime().zone()).isEqualTo(java.time.ZoneId.of("Europe/Brussels"));
        assertThat(RulePack.load("US").peopleTime().zone()).isEqualTo(java.time.ZoneId.of("America/New_York"));
        for (String j : java.util.List.of("IN", "EU", "US", "CN"))
            assertThat(RulePack.load(j).peopleTime().source()).as(j).isNotBlank();
        assertThat(RulePack.parse(pack("{\"name\":\"r\",\"durations\":[" + OK_DURATION + "]}"), "x.json")
                        .peopleTime()
                        .zone())
                .as("a pack without peopleTime shows UTC")
                .isEqualTo(java.time.ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"identicalCopies\":{\"maxPdqDistance\":\"8\",\"source\":\"s\"}|identicalCopies: maxPdqDistance must be a whole number",
                "\"identicalCopies\":{\"maxPdqDistance\":8.5,\"source\":\"s\"}|identicalCopies: maxPdqDistance must be a whole number",
                "\"identicalCopies\":{\"maxPdqDistance\":32,\"source\":\"s\"}|from 0 to 31, got 32",
                "\"identicalCopies\":{\"maxPdqDistance\":8}|identicalCopies: 'source' is missing",
                "\"identicalCopies\":true|identicalCopies must be an object",
                "\"transparencyDatabase\":{\"defaultTerritorialScope\":[\"IN\"],\"source\":\"s\"}|transparencyDatabase: defaultTerritorialScope entry \"IN\" is not an EEA",
                "\"transparencyDatabase\":{\"defaultTerritorialScope\":[\"DE\",\"DE\"],\"source\":\"s\"}|lists \"DE\" twice",
                "\"transparencyDatabase\":{\"defaultTerritorialScope\":\"DE\",\"source\":\"s\"}|defaultTerritorialScope must be a list",
                "\"transparencyDatabase\":{\"defaultTerritorialScope\":[]}|transparencyDatabase: 'source' is missing",
                "\"peopleTime\":{\"zone\":\"Asia/Nowhere\",\"source\":\"s\"}|peopleTime: zone 'Asia/Nowhere' is not a time-zone id",
                "\"peopleTime\":{\"zone\":\"Asia/Kolkata\"}|peopleTime: 'source' is missing"
            })
    void malformedJurisdictionRulesFailAtLoadNamingThePackAndEntry(String entry, String message) {
        String bad = pack("{\"name\":\"r\",\"durations\":[" + OK_DURATION + "]}")
                .replace("\"noticeTypes\"", entry + ",\"noticeTypes\"");
        assertThatThrownBy(() -> RulePack.parse(bad, "packs/XX.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("packs/XX.json: ")
                .hasMessageContaining(message);
    }

    @Test
    void aNoticeTypesStatementClassIsCheckedAtLoadNamingTheNoticeType() {
        String ok = pack("{\"name\":\"r\",\"durations\":[" + OK_DURATION + "]}");
        String sc =
                "\"statementOfReasons\":{\"category\":\"STATEMENT_CATEGORY_CYBER_VIOLENCE\",\"syntheticMediaKeyword\":\"KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE\","
                        + "\"sourceType\":\"SOURCE_ARTICLE_16\",\"source\":\"s\"},";
        String good = ok.replace("\"id\":\"A\",", "\"id\":\"A\"," + sc);
        assertThat(RulePack.parse(good, "x.json")
                        .noticeType("A")
                        .orElseThrow()
                        .statementClass()
                        .syntheticMediaKeyword())
                .isEqualTo("KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE");
        assertThat(RulePack.parse(ok, "x.json").noticeType("A").orElseThrow().statementClass())
                .isEqualTo(RulePack.StatementClass.DEFAULT);
        assertThatThrownBy(() -> RulePack.parse(
                        good.replace("STATEMENT_CATEGORY_CYBER_VIOLENCE", "cyber violence"), "packs/XX.json"))
                .hasMessageStartingWith(
                        "packs/XX.json: notice type A: statementOfReasons: category must be a database value");
        assertThatThrownBy(() ->
                        RulePack.parse(good.replace("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER"), "packs/XX.json"))
                .hasMessageContaining("notice type A: statementOfReasons: sourceType must be")
                .hasMessageContaining("'SOURCE_TRUSTED_FLAGGER'");
        assertThatThrownBy(() -> RulePack.parse(
                        good.replace("SOURCE_ARTICLE_16\",\"source\":\"s\"}", "SOURCE_ARTICLE_16\"}"), "packs/XX.json"))
                .hasMessageContaining("notice type A: statementOfReasons: 'source' is missing");
        assertThat(RulePack.load("EU")
                        .noticeType("EU_DSA_ART16_NOTICE")
                        .orElseThrow()
                        .statementClass()
                        .sourceType())
                .isEqualTo("SOURCE_ARTICLE_16");
        assertThat(RulePack.load("IN")
                        .noticeType("IN_3_2_B_COMPLAINT")
                        .orElseThrow()
                        .statementClass()
                        .category())
                .isEqualTo("STATEMENT_CATEGORY_CYBER_VIOLENCE");
    }
}
