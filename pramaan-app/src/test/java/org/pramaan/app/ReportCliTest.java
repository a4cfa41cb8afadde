package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.cli.PramaanCli;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;

/** {@code pramaan report …} on a data directory: the report, its digest, its audit entry and refusals by name. */
class ReportCliTest {
    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-11-02T04:30:00Z");

    record Run(int exit, String out, String err) {}

    private PramaanConfig config() {
        return PramaanConfig.load(Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString()), new Properties());
    }

    private Run pramaan(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        PramaanConfig c = config();
        int exit = PramaanCli.run(
                () -> new EmbeddedRuntime(c, clock, System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void inMonthlyWritesTheCsvAndRecordsItsDigest() throws Exception {
        String caseId;
        try (Embedded app = new Embedded(config(), clock)) {
            Path f = Files.write(dir.resolve("up.png"), TestImages.png(TestImages.photo(160, 120, 18)));
            String media = app.intake()
                    .ingest(f, org.pramaan.intake.UploadContext.none())
                    .media()
                    .id();
            caseId = app.cases()
                    .openCase(new NoticeRequest("IN_3_2_B_COMPLAINT", media, Map.of(), Optional.empty()))
                    .id();
            clock.advance(Duration.ofMinutes(90));
            app.cases().act(caseId, CaseAction.REMOVE, org.pramaan.access.Actor.key("rev"), "cli report test");
        }
        clock.set(java.time.Instant.parse("2026-12-03T00:00:00Z"));
        Path out = dir.resolve("nov.csv");
        Run r = pramaan("report", "in-monthly", "--month", "2026-11", "--format", "csv", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv).contains(",complaints.received,Complaints and orders received,1,count,1\r\n");
        assertThat(csv).contains(",time_to_action.median_seconds,").contains(",5400,seconds,1\r\n");
        String sha = ReportsTest.sha256(csv);
        assertThat(r.err()).contains("sha256 " + sha);
        try (Embedded app = new Embedded(config(), clock)) {
            assertThat(app.audit().forSubject("report:in-monthly:2026-11"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.details()).contains(sha).contains("\"format\":\"csv\""));
        }

        Path pdf = dir.resolve("nov.pdf");
        Run asPdf = pramaan("report", "in-monthly", "--month", "2026-11", "--format", "pdf", "--out", pdf.toString());
        assertThat(asPdf.exit()).as(asPdf.err()).isZero();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        Run pdfToStdout = pramaan("report", "in-monthly", "--month", "2026-11", "--format", "pdf");
        assertThat(pdfToStdout.exit()).isEqualTo(2);
        assertThat(pdfToStdout.err()).contains("give --out FILE");

        Run json = pramaan("report", "in-monthly", "--month", "2026-11");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(json.out()).contains("\"ids\":[\"" + caseId + "\"]");
    }

    @Test
    void refusesBadKindsPeriodsAndFormatsByName() {
        clock.set(java.time.Instant.parse("2026-12-03T00:00:00Z"));
        Run kind = pramaan("report", "in-weekly", "--month", "2026-11");
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown report kind 'in-weekly'");
        Run month = pramaan("report", "in-monthly", "--month", "2026-13");
        assertThat(month.exit()).isEqualTo(2);
        assertThat(month.err()).contains("month 13");
        Run range = pramaan("report", "in-monthly", "--from", "2026-11-01", "--to", "2026-11-30");
        assertThat(range.exit()).isEqualTo(2);
        assertThat(range.err()).contains("calendar-month report");
        Run long_ = pramaan("report", "dsa", "--from", "2025-01-01", "--to", "2026-01-02");
        assertThat(long_.exit()).isEqualTo(2);
        assertThat(long_.err()).contains("covers 367 days; one report covers at most 366");
        Run format = pramaan("report", "dsa", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "xlsx");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("unknown report format 'xlsx'");
        Run future = pramaan("report", "cn", "--month", "2027-01");
        assertThat(future.exit()).isEqualTo(2);
        assertThat(future.err()).contains("starts in the future");
    }
}
