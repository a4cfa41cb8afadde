package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;

/**
 * Issue 12 item 5: the CLI takes time from the runtime's clock, never the system's, so what it
 * writes (a bank item's addedAt) and what it shows (time left on a statutory clock) agree with the
 * server's clock. The fake clock sits years away from the real one, so any leftover system-clock
 * read shows up as a wrong timestamp or a wrong "time left".
 */
class CliClockTest {
    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2033-07-01T08:00:00Z");

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
    void bankImportStampsItemsWithTheRuntimeClock() throws Exception {
        assertThat(pramaan("bank", "create", "feed", "--kind", "partner-feed").exit())
                .isZero();
        Path file = dir.resolve("feed.txt");
        Files.writeString(file, "f".repeat(64) + "\n", StandardCharsets.US_ASCII);
        Run imported = pramaan("bank", "import", "feed", file.toString(), "--format", "lines");
        assertThat(imported.exit()).as(imported.err()).isZero();

        Run export = pramaan("bank", "export", "feed", "--format", "jsonl");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("\"addedAt\":\"2033-07-01T08:00:00Z\"");
    }

    @Test
    void casesListCountsTimeLeftFromTheRuntimeClock() throws Exception {
        String caseId;
        Instant deadline;
        try (Embedded app = new Embedded(config(), clock)) {
            Path f = Files.write(dir.resolve("up.png"), TestImages.png(TestImages.photo(160, 120, 18)));
            String media = app.intake()
                    .ingest(f, org.pramaan.intake.UploadContext.none())
                    .media()
                    .id();
            var opened = app.cases()
                    .openCase(new org.pramaan.cases.NoticeRequest(
                            "IN_3_2_B_COMPLAINT", media, Map.of(), java.util.Optional.empty()));
            caseId = opened.id();
            deadline = opened.nextDeadline().orElseThrow();
        }
        clock.advance(Duration.ofMinutes(30));
        Duration left = Duration.between(clock.instant(), deadline);
        assertThat(left)
                .as("the case's clock is still running at the fake time")
                .isPositive();

        Run list = pramaan("cases", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        String line =
                list.out().lines().filter(l -> l.startsWith(caseId)).findFirst().orElseThrow();
        String expected = left.toHours() > 0
                ? left.toHours() + "h" + (left.toMinutesPart() > 0 ? left.toMinutesPart() + "m" : "")
                : left.toMinutes() + "m";
        assertThat(line).contains(" " + expected + " ").doesNotContain("OVERDUE");
    }
}
