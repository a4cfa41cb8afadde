package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadContext;
import org.pramaan.notify.Delivery;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.HttpReceiver;
import org.pramaan.testkit.TestImages;

/**
 * Issue 12 item 4: jurisdiction rules are rule-pack data, not Java. An operator's India pack in
 * {@code cases.rule-pack-dir} that adds the identical-copies sweep (a US rule in the bundled packs)
 * and Transparency Database submission (an EU rule) makes an Indian case do both; the bundled
 * India pack does neither.
 */
class JurisdictionRulesAsDataTest {
    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-06-01T12:00:00Z");
    HttpReceiver platform;
    HttpReceiver tdb;
    Embedded app;

    @org.junit.jupiter.api.BeforeEach
    void receivers() throws Exception {
        platform = new HttpReceiver();
        tdb = new HttpReceiver();
    }

    @AfterEach
    void close() {
        if (app != null) app.close();
        platform.close();
        tdb.close();
    }

    static String bundledIndiaPack() throws Exception {
        try (var in = JurisdictionRulesAsDataTest.class.getResourceAsStream("/rulepacks/IN.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Embedded start(Optional<String> indiaPack) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "PRAMAAN_NOTIFY_WEBHOOK_URL",
                platform.url("/events"),
                "PRAMAAN_NOTIFY_WEBHOOK_SECRET",
                "rules-data-secret",
                "PRAMAAN_NOTIFY_TRANSPARENCY_DB_URL",
                tdb.url(""),
                "PRAMAAN_NOTIFY_TRANSPARENCY_DB_TOKEN",
                "tdb-token"));
        if (indiaPack.isPresent()) {
            Path packs = Files.createDirectories(dir.resolve("packs"));
            Files.writeString(packs.resolve("IN.json"), indiaPack.get());
            env.put("PRAMAAN_CASES_RULE_PACK_DIR", packs.toString());
        }
        return new Embedded(ServerTestBase.config(dir.resolve("data"), env), clock);
    }

    String ingest(byte[] bytes) throws Exception {
        Path f = Files.createTempFile(dir, "in", ".bin");
        Files.write(f, bytes);
        return app.intake().ingest(f, UploadContext.none()).media().id();
    }

    /** Removes an India r.3(2)(b) complaint's original while a re-encoded copy and a different picture are stored; returns the case and the copy's id. */
    Map.Entry<CaseFile, List<String>> removeIndianComplaint() throws Exception {
        var photo = TestImages.photo(400, 300, 71);
        String original = ingest(TestImages.png(photo));
        String copy = ingest(TestImages.jpeg(photo, 0.95f));
        String other = ingest(TestImages.png(TestImages.photo(400, 300, 72)));
        CaseFile c =
                app.cases().openCase(new NoticeRequest("IN_3_2_B_COMPLAINT", original, Map.of(), Optional.empty()));
        return Map.entry(
                app.cases().act(c.id(), CaseAction.REMOVE, org.pramaan.access.Actor.key("r"), "morphed image"),
                List.of(copy, other));
    }

    List<Delivery> statements(CaseFile c) {
        return app.adapters().deliveries().forCase(c.id()).stream()
                .filter(d -> d.kind().equals("dsa.statement_of_reasons"))
                .toList();
    }

    String acknowledgement(CaseFile c) {
        return app.adapters().deliveries().forCase(c.id()).stream()
                .filter(d -> d.kind().equals("notify.acknowledgement"))
                .findFirst()
                .orElseThrow()
                .body();
    }

    @Test
    void anOperatorsPackSwitchesTheIdenticalCopySweepAndDatabaseStatementsOnForIndia() throws Exception {
        String pack = bundledIndiaPack()
                .replace("  \"appeals\"", """
                  "identicalCopies": { "maxPdqDistance": 8, "source": "platform policy: sweep re-encodes of removed imagery" },
                  "transparencyDatabase": { "defaultTerritorialScope": ["DE"], "source": "platform policy: publish every statement" },
                  "appeals\"""")
                .replace("\"zone\": \"Asia/Kolkata\"", "\"zone\": \"Asia/Tokyo\"");
        app = start(Optional.of(pack));
        var removed = removeIndianComplaint();
        CaseFile done = removed.getKey();
        String copy = removed.getValue().get(0);
        String other = removed.getValue().get(1);
        assertThat(done.events())
                .filteredOn(e -> e.wireName().equals("identical_copies_removed"))
                .singleElement()
                .satisfies(e -> assertThat(e.details().get("mediaIds")).isEqualTo(copy));
        assertThat(app.adapters().media().find(copy).orElseThrow().status()).isEqualTo(MediaStatus.REMOVED);
        assertThat(app.adapters().media().find(other).orElseThrow().status()).isNotEqualTo(MediaStatus.REMOVED);
        assertThat(statements(done))
                .as("the pack's transparencyDatabase rule queues the statement")
                .singleElement()
                .satisfies(d -> assertThat(d.body()).contains("\"territorial_scope\":[\"DE\"]"));
        assertThat(acknowledgement(done))
                .as("the pack's peopleTime zone: 12:00 UTC is 21:00 in Tokyo")
                .contains("2026-06-01 21:00 JST")
                .doesNotContain("IST");
    }

    @Test
    void theBundledIndiaPackNeitherSweepsCopiesNorSubmitsStatements() throws Exception {
        app = start(Optional.empty());
        var removed = removeIndianComplaint();
        CaseFile done = removed.getKey();
        assertThat(done.events()).noneMatch(e -> e.wireName().equals("identical_copies_removed"));
        assertThat(app.adapters()
                        .media()
                        .find(removed.getValue().get(0))
                        .orElseThrow()
                        .status())
                .isNotEqualTo(MediaStatus.REMOVED);
        assertThat(statements(done)).isEmpty();
        assertThat(acknowledgement(done))
                .as("India's people read IST: 12:00 UTC is 17:30 IST")
                .contains("2026-06-01 17:30 IST");
        assertThat(done.events())
                .as("the statement is still made; only its submission is the pack's")
                .anyMatch(e -> e.wireName().equals("statement_of_reasons"));
    }

    @Test
    void aMalformedRuleInAnOperatorsPackStopsStartUpNamingThePackAndEntry() throws Exception {
        String pack = bundledIndiaPack()
                .replace(
                        "  \"appeals\"",
                        "  \"identicalCopies\": { \"maxPdqDistance\": \"8\", \"source\": \"s\" },\n  \"appeals\"");
        assertThatThrownBy(() -> start(Optional.of(pack)))
                .hasMessageContaining("IN.json")
                .hasMessageContaining("identicalCopies")
                .hasMessageContaining("maxPdqDistance");
    }
}
