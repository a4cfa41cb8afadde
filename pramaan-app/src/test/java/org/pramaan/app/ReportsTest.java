package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.audit.AuditEntry;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.intake.MediaScreened;
import org.pramaan.intake.UploadContext;
import org.pramaan.reports.Figure;
import org.pramaan.reports.Report;
import org.pramaan.reports.ReportFormat;
import org.pramaan.reports.ReportKind;
import org.pramaan.reports.ReportPeriod;
import org.pramaan.reports.Reports;
import org.pramaan.signals.UploaderDeclaration;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;

/**
 * Reports computed from a real embedded store filled through the real flows (intake, notices,
 * actions, appeals) under a fake clock, checked figure by figure against what the scenario did.
 */
class ReportsTest {
    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-10-31T12:00:00Z");
    Embedded app;
    final Actor reviewer = Actor.key("rev1");

    @BeforeEach
    void open() throws Exception {
        app = new Embedded(ServerTestBase.config(dir, Map.of()), clock);
    }

    @AfterEach
    void close() {
        app.close();
    }

    MediaScreened upload(int seed, Optional<UploaderDeclaration> declaration) throws Exception {
        Path f = Files.write(dir.resolve("u" + seed + ".png"), TestImages.png(TestImages.photo(120, 90, seed)));
        return app.intake().ingest(f, new UploadContext(Optional.of("user" + seed), Optional.empty(), declaration));
    }

    String media(int seed) throws Exception {
        return upload(seed, Optional.empty()).media().id();
    }

    CaseFile notice(String at, String type, String media, Map<String, String> fields) {
        clock.set(Instant.parse(at));
        return app.cases().openCase(new NoticeRequest(type, media, fields, Optional.empty()));
    }

    CaseFile act(CaseFile c, Duration after, CaseAction action) {
        clock.set(c.receivedAt().plus(after));
        return app.cases().act(c.id(), action, reviewer, "report test");
    }

    static long value(Report r, String key) {
        return r.figure(key)
                .orElseThrow(() -> new AssertionError("no figure " + key))
                .value()
                .orElseThrow();
    }

    static List<String> ids(Report r, String key) {
        return r.figure(key)
                .orElseThrow(() -> new AssertionError("no figure " + key))
                .ids();
    }

    @Test
    void inMonthlyCountsEveryFigureAndCutsTheMonthInIst() throws Exception {
        String m1 = media(1), m2 = media(2), m3 = media(3), m4 = media(4), m5 = media(5);
        // 23:30 IST on 31 October: October's, though it is overdue all through November.
        CaseFile e = notice("2026-10-31T18:00:00Z", "IN_3_2_B_COMPLAINT", m1, Map.of());
        CaseFile a = notice("2026-11-02T04:30:00Z", "IN_3_2_B_COMPLAINT", m2, Map.of("origin_country", "IN"));
        act(a, Duration.ofHours(1), CaseAction.REMOVE); // within the 2 h of r.3(2)(b)
        CaseFile b = notice("2026-11-05T10:00:00Z", "IN_3_2_B_COMPLAINT", m3, Map.of("origin_country", "US"));
        act(b, Duration.ofHours(3), CaseAction.REMOVE); // late
        CaseFile c = notice("2026-11-10T10:00:00Z", "IN_3_2_A_GRIEVANCE", m4, Map.of());
        act(c, Duration.ofHours(1), CaseAction.ACKNOWLEDGE);
        act(c, Duration.ofHours(49), CaseAction.DISMISS);
        // 2026-11-30T19:00Z is 00:30 IST on 1 December.
        CaseFile d = notice("2026-11-30T19:00:00Z", "IN_3_2_B_COMPLAINT", m5, Map.of());
        clock.set(Instant.parse("2026-11-15T10:00:00Z"));
        MediaScreened again = upload(2, Optional.empty()); // the removed bytes again: blocked by the bank
        MediaScreened declared = upload(6, Optional.of(new UploaderDeclaration(true, "")));
        MediaScreened authentic = upload(7, Optional.of(new UploaderDeclaration(false, "")));
        clock.set(Instant.parse("2026-12-02T00:00:00Z"));

        Reports reports = app.reports();
        Report nov =
                reports.compute(ReportKind.IN_MONTHLY, ReportPeriod.month("2026-11", ReportKind.IN_MONTHLY.zone()));
        assertThat(nov.period().from()).isEqualTo(Instant.parse("2026-10-31T18:30:00Z"));
        assertThat(nov.period().to()).isEqualTo(Instant.parse("2026-11-30T18:30:00Z"));
        assertThat(nov.generatedAt()).isEqualTo(clock.instant());
        assertThat(ids(nov, "complaints.received")).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(value(nov, "complaints.by_type.IN_3_2_B_COMPLAINT")).isEqualTo(2);
        assertThat(value(nov, "complaints.by_type.IN_3_2_A_GRIEVANCE")).isEqualTo(1);
        assertThat(value(nov, "complaints.by_type.IN_3_1_D_ORDER")).isZero();
        assertThat(ids(nov, "complaints.by_origin.IN")).containsExactly(a.id());
        assertThat(ids(nov, "complaints.by_origin.US")).containsExactly(b.id());
        assertThat(ids(nov, "complaints.by_origin.unrecorded")).containsExactly(c.id());
        assertThat(value(nov, "actions.remove")).isEqualTo(2);
        assertThat(value(nov, "actions.acknowledge")).isEqualTo(1);
        assertThat(value(nov, "actions.dismiss")).isEqualTo(1);
        assertThat(value(nov, "actions.label")).isZero();
        assertThat(ids(nov, "time_to_action.settled")).containsExactlyInAnyOrder(a.id(), b.id(), c.id());
        assertThat(value(nov, "time_to_action.median_seconds")).isEqualTo(3 * 3600); // of 1 h, 3 h, 49 h
        assertThat(ids(nov, "time_to_action.within_limit")).containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(ids(nov, "time_to_action.late")).containsExactly(b.id());
        assertThat(ids(nov, "time_to_action.overdue_at_period_end")).containsExactly(e.id());
        assertThat(ids(nov, "proactive.bank_matches"))
                .containsExactly("upload:" + again.upload().id());
        assertThat(value(nov, "proactive.screening_blocks")).isZero();
        assertThat(ids(nov, "proactive.resurfaced_blocked")).containsExactly(a.id());
        assertThat(ids(nov, "synthetic.labelled_uploads"))
                .containsExactly("upload:" + declared.upload().id());
        assertThat(value(nov, "synthetic.labelled_generations")).isZero();
        assertThat(ids(nov, "declarations.collected"))
                .containsExactlyInAnyOrder(
                        "upload:" + declared.upload().id(),
                        "upload:" + authentic.upload().id());
        assertThat(ids(nov, "declarations.synthetic"))
                .containsExactly("upload:" + declared.upload().id());
        assertThat(value(nov, "declarations.verified")).isZero(); // declared only: no provenance evidence confirms it
        assertThat(value(nov, "declarations.contradicted")).isZero();

        Report dec =
                reports.compute(ReportKind.IN_MONTHLY, ReportPeriod.month("2026-12", ReportKind.IN_MONTHLY.zone()));
        assertThat(ids(dec, "complaints.received")).containsExactly(d.id());
        assertThat(ids(dec, "time_to_action.overdue_at_period_end")).containsExactlyInAnyOrder(d.id(), e.id());
        Report oct =
                reports.compute(ReportKind.IN_MONTHLY, ReportPeriod.month("2026-10", ReportKind.IN_MONTHLY.zone()));
        assertThat(ids(oct, "complaints.received")).containsExactly(e.id());
        assertThat(value(oct, "actions.remove")).isZero();
    }

    @Test
    void aGeneratedReportIsAuditedWithTheDigestOfItsBytes() throws Exception {
        String m = media(11);
        CaseFile a = notice("2026-11-02T04:30:00Z", "IN_3_2_B_COMPLAINT", m, Map.of());
        act(a, Duration.ofMinutes(30), CaseAction.REMOVE);
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        Reports reports = app.reports();
        ReportPeriod nov =
                reports.period(ReportKind.IN_MONTHLY, Optional.of("2026-11"), Optional.empty(), Optional.empty());
        Reports.Generated json = reports.generate(ReportKind.IN_MONTHLY, nov, ReportFormat.JSON, Actor.key("aud1"));
        Reports.Generated csv = reports.generate(ReportKind.IN_MONTHLY, nov, ReportFormat.CSV, Actor.key("aud1"));
        assertThat(json.sha256()).isEqualTo(sha256(json.body()));
        List<AuditEntry> entries = app.audit().forSubject("report:in-monthly:2026-11");
        assertThat(entries).extracting(AuditEntry::type).containsExactly(Reports.AUDIT_TYPE, Reports.AUDIT_TYPE);
        assertThat(entries.get(0).details())
                .contains("\"sha256\":\"" + json.sha256() + "\"")
                .contains("\"actor\":\"key:aud1\"");
        assertThat(entries.get(1).details())
                .contains("\"sha256\":\"" + csv.sha256() + "\"")
                .contains("\"format\":\"csv\"");
        assertThat(json.body()).contains("\"ids\":[\"" + a.id() + "\"]").doesNotContain("\"value\":null");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "report,period_from,period_to,zone,section,section_title,indicator,label,value,unit,records");
        assertThat(csv.body())
                .contains(
                        "in-monthly,2026-10-31T18:30:00Z,2026-11-30T18:30:00Z,Asia/Kolkata,complaints,Complaints received,complaints.received,Complaints and orders received,1,count,1\r\n");
        assertThat(csv.body()).contains(",time_to_action.median_seconds,").contains(",1800,seconds,1\r\n");
    }

    static final Map<String, String> EU_NOTICE = Map.of(
            "substantiated_explanation", "a deepfake of the notifier",
            "exact_url", "https://example.org/p/9",
            "notifier_name", "N. Otifier",
            "notifier_email", "n@example.org",
            "bona_fide_statement", "yes");

    @Test
    void dsaReportReadsNoticesStatementsAppealsAndSaysNotRecordedForOrders() throws Exception {
        String m1 = media(21), m2 = media(22);
        Map<String, String> trusted = new java.util.HashMap<>(EU_NOTICE);
        trusted.put("trusted_flagger", "true"); // what CaseRoutes sets for a trusted flagger's key (art.22)
        CaseFile f = notice("2026-11-03T09:00:00Z", "EU_DSA_ART16_NOTICE", m1, trusted);
        act(f, Duration.ofHours(2), CaseAction.REMOVE);
        clock.set(f.receivedAt().plus(Duration.ofDays(1)));
        app.cases().appeal(f.id(), "uploader", "it is satire");
        clock.set(f.receivedAt().plus(Duration.ofDays(2)));
        app.cases().decideAppeal(f.id(), true, reviewer, "satire is lawful here");
        Map<String, String> incomplete = new java.util.HashMap<>(EU_NOTICE);
        incomplete.remove("notifier_email");
        CaseFile g = notice("2026-11-04T09:00:00Z", "EU_DSA_ART16_NOTICE", m2, incomplete);
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        Reports reports = app.reports();
        ReportPeriod p =
                reports.period(ReportKind.DSA, Optional.empty(), Optional.of("2026-11-01"), Optional.of("2026-11-30"));
        assertThat(p.from()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z")); // midnight in Brussels (CET)
        Report r = reports.compute(ReportKind.DSA, p);
        assertThat(r.figure("orders.to_act").orElseThrow().value()).isEmpty();
        assertThat(r.figure("orders.to_act").orElseThrow().shown()).isEqualTo(Figure.NOT_RECORDED);
        assertThat(ids(r, "notices.total")).containsExactlyInAnyOrder(f.id(), g.id());
        assertThat(value(r, "notices.by_type.EU_DSA_ART16_NOTICE")).isEqualTo(2);
        assertThat(ids(r, "notices.trusted_flaggers")).containsExactly(f.id());
        // the removal and the restoration after the appeal each made a statement of reasons (art.17)
        assertThat(ids(r, "actions.by_ground.DECISION_GROUND_ILLEGAL_CONTENT"))
                .containsExactly(f.id() + "-1", f.id() + "-2");
        assertThat(ids(r, "automated.decisions.AUTOMATED_DECISION_NOT_AUTOMATED"))
                .hasSize(2);
        assertThat(ids(r, "notices.time_to_action.settled")).containsExactly(f.id());
        assertThat(value(r, "notices.time_to_action.median_seconds")).isEqualTo(7200);
        assertThat(ids(r, "notices.time_to_action.within_limit")).containsExactly(f.id());
        assertThat(value(r, "notices.time_to_action.overdue_at_period_end")).isZero(); // g's clock never started
        assertThat(ids(r, "complaints.received")).containsExactly(f.id());
        assertThat(ids(r, "complaints.decision_reversed")).containsExactly(f.id());
        assertThat(value(r, "complaints.decision_upheld")).isZero();
        assertThat(value(r, "complaints.pending_at_period_end")).isZero();
        assertThat(value(r, "complaints.median_seconds")).isEqualTo(86400);
        assertThat(r.figure("out_of_court.disputes").orElseThrow().value()).isEmpty();
        assertThat(value(r, "suspensions.accounts")).isZero();
        assertThat(value(r, "sor.issued")).isEqualTo(2);
        assertThat(value(r, "sor.refused")).isZero();
        String json = org.pramaan.reports.ReportWriter.write(r, ReportFormat.JSON);
        assertThat(json).contains("\"value\":\"not recorded\"");
    }

    @Test
    void takeItDownCountsValidAndIncompleteRequestsAndThe48HourLimit() throws Exception {
        String m1 = media(31), m2 = media(32), m3 = media(33);
        Map<String, String> valid = Map.of(
                "signature", "J. Doe",
                "content_identification_and_location", "https://example.org/p/3",
                "good_faith_nonconsent_statement", "I did not consent",
                "contact_info", "j@example.org");
        CaseFile h = notice("2026-11-02T10:00:00Z", "US_TAKE_IT_DOWN_REQUEST", m1, valid);
        act(h, Duration.ofHours(20), CaseAction.REMOVE);
        CaseFile late = notice("2026-11-03T10:00:00Z", "US_TAKE_IT_DOWN_REQUEST", m2, valid);
        act(late, Duration.ofHours(50), CaseAction.REMOVE);
        Map<String, String> missing = new java.util.HashMap<>(valid);
        missing.remove("signature");
        CaseFile i = notice("2026-11-04T10:00:00Z", "US_TAKE_IT_DOWN_REQUEST", m3, missing);
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        Reports reports = app.reports();
        Report r = reports.compute(
                ReportKind.TAKE_IT_DOWN,
                reports.period(ReportKind.TAKE_IT_DOWN, Optional.of("2026-11"), Optional.empty(), Optional.empty()));
        assertThat(ids(r, "requests.received")).containsExactlyInAnyOrder(h.id(), late.id(), i.id());
        assertThat(ids(r, "requests.valid")).containsExactlyInAnyOrder(h.id(), late.id());
        assertThat(ids(r, "requests.incomplete")).containsExactly(i.id());
        assertThat(value(r, "removals.total")).isEqualTo(2);
        assertThat(ids(r, "removals.time_to_action.within_limit")).containsExactly(h.id());
        assertThat(ids(r, "removals.time_to_action.late")).containsExactly(late.id());
        assertThat(value(r, "removals.time_to_action.median_seconds")).isEqualTo(35 * 3600); // of 20 h and 50 h
        assertThat(value(r, "removals.identical_copies_swept")).isZero();
    }

    @Test
    void chinaReportSummarisesTheLabellingLogAndComplaintHandling() throws Exception {
        String m = media(41);
        CaseFile k = notice("2026-11-02T02:00:00Z", "CN_DSP_ART12_COMPLAINT", m, Map.of());
        act(k, Duration.ofDays(1), CaseAction.DISMISS);
        var gens = app.adapters().generations();
        gens.save(generation("g1", "2026-11-05T00:00:00Z", List.of("visible-label", "gb45438-aigc"), false));
        gens.save(generation("g2", "2026-11-06T00:00:00Z", List.of("gb45438-aigc", "watermark"), true));
        gens.save(generation("g3", "2026-10-31T15:59:59Z", List.of("visible-label"), false)); // 23:59:59 CST: October
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        Reports reports = app.reports();
        Report r = reports.compute(ReportKind.CN, ReportPeriod.month("2026-11", ReportKind.CN.zone()));
        assertThat(ids(r, "labels.generations")).containsExactly("generation:g1", "generation:g2");
        assertThat(ids(r, "labels.explicit")).containsExactly("generation:g1");
        assertThat(ids(r, "labels.implicit")).containsExactly("generation:g1", "generation:g2");
        assertThat(ids(r, "labels.unlabelled_exports")).containsExactly("generation:g2");
        assertThat(ids(r, "labels.unlabelled_duty_agreed")).containsExactly("generation:g2");
        assertThat(ids(r, "complaints.received")).containsExactly(k.id());
        assertThat(ids(r, "complaints.within_limit")).containsExactly(k.id());
        assertThat(value(r, "complaints.median_seconds")).isEqualTo(86400);
    }

    static org.pramaan.generation.GenerationRecord generation(
            String id, String at, List<String> marks, boolean unlabelled) {
        Instant t = Instant.parse(at);
        return new org.pramaan.generation.GenerationRecord(
                id,
                "model",
                "1",
                "a".repeat(64),
                Optional.empty(),
                "user-1",
                true,
                "phone",
                List.of(),
                "PNG",
                "b".repeat(64),
                Optional.empty(),
                List.of("sha256"),
                marks,
                "CN",
                unlabelled,
                unlabelled,
                Optional.empty(),
                Optional.empty(),
                "key:k1",
                t,
                t.plus(Duration.ofDays(184)));
    }

    /** The PDF rasterised by poppler's pdftoppm (issue 17 "done when"): every page becomes a PNG. */
    @Test
    void thePdfRendersToPngPages() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean present = java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "pdftoppm")));
        if (!ci)
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    present, "pdftoppm (Debian poppler-utils) is not installed: the PDF is not rasterised");
        clock.set(Instant.parse("2026-12-01T00:00:00Z"));
        Report r = app.reports()
                .compute(ReportKind.DSA, ReportPeriod.dates("2026-11-01", "2026-11-30", ReportKind.DSA.zone()));
        Path pdf = Files.write(dir.resolve("dsa.pdf"), ReportPdf.render(r));
        Process p = new ProcessBuilder(
                        "pdftoppm",
                        "-png",
                        "-r",
                        "50",
                        pdf.toString(),
                        dir.resolve("page").toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
        int pages;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            pages = doc.getNumberOfPages();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("page"))
                            .count())
                    .isEqualTo(pages);
        }
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
