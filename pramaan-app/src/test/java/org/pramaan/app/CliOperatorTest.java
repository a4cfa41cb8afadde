package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;
import org.pramaan.testkit.TestImages;

/** The CLI in-process on a real embedded store, as an operator uses it on a folder and on the case queue. */
class CliOperatorTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private PramaanConfig config() {
        return PramaanConfig.load(Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString()), new Properties());
    }

    private Run pramaan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PramaanConfig c = config();
        int exit = PramaanCli.run(
                () -> new EmbeddedRuntime(c, Clock.systemUTC(), System.out),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void scanSkipsFilesThatAreNotMediaAndNamesTheBankMatchBehindABlock() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path banned = Files.write(inbox.resolve("banned.png"), TestImages.png(TestImages.photo(160, 120, 18)));
        Files.write(inbox.resolve("camera.jpg"), TestMedia.cameraJpeg(12));
        Files.writeString(inbox.resolve("banned.png.json"), "{\"source\":\"sidecar\"}");
        Files.writeString(inbox.resolve("README.md"), "# uploads of 2 March\n");
        assertThat(pramaan("bank", "create", "takedowns", "--kind", "removed").exit())
                .isZero();
        Run hash = pramaan("hash", "pdq", banned.toString());
        assertThat(hash.exit()).as(hash.err()).isZero();
        String[] pdq = hash.out().trim().split(",");
        Files.writeString(dir.resolve("list.csv"), "hash,quality\n" + pdq[0] + "," + pdq[1] + "\n");
        Run imported =
                pramaan("bank", "import", "takedowns", dir.resolve("list.csv").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        Run scan = pramaan("scan", inbox.toString());
        assertThat(scan.exit())
                .as("every media file was screened: " + scan.out() + scan.err())
                .isZero();
        assertThat(scan.err()).contains("4 file(s) scanned, 2 skipped (not media), 0 failed");
        String blockLine = scan.out()
                .lines()
                .filter(l -> l.contains("banned.png "))
                .findFirst()
                .orElseThrow();
        assertThat(blockLine).contains("BLOCK").contains("by bank takedowns (removed), pdq, distance 0");
        assertThat(scan.out())
                .contains("README.md  SKIPPED not media (media.unknown_type")
                .contains("banned.png.json  SKIPPED not media");
        assertThat(scan.out()).doesNotContain("ERROR");

        Run json = pramaan(
                "scan", "--json", inbox.toString(), dir.resolve("missing.png").toString());
        assertThat(json.exit()).as("a missing file is still a failure").isEqualTo(1);
        assertThat(json.out())
                .contains("\"skipped\":{\"code\":\"media.unknown_type\"")
                .contains("\"code\":\"file.not_found\"");
    }

    @Test
    void closedCasesShowTheirOutcomeAndClosingTimeNotAClock() throws Exception {
        String caseId;
        try (Embedded app = new Embedded(config(), Clock.systemUTC())) {
            Path f = Files.write(dir.resolve("up.png"), TestImages.png(TestImages.photo(160, 120, 18)));
            String media = app.intake()
                    .ingest(f, org.pramaan.intake.UploadContext.none())
                    .media()
                    .id();
            caseId = app.cases()
                    .openCase(new org.pramaan.cases.NoticeRequest(
                            "IN_3_2_B_COMPLAINT", media, Map.of(), java.util.Optional.empty()))
                    .id();
            app.cases()
                    .act(
                            caseId,
                            org.pramaan.cases.CaseAction.REMOVE,
                            org.pramaan.access.Actor.operator("test"),
                            "NCII");
        }
        Run closed = pramaan("cases", "list", "--state", "closed");
        assertThat(closed.exit()).as(closed.err()).isZero();
        String line = closed.out()
                .lines()
                .filter(l -> l.startsWith(caseId))
                .findFirst()
                .orElseThrow();
        assertThat(line)
                .doesNotContain("awaiting information")
                .containsPattern("closed: REMOVE at 20\\d\\d-\\d\\d-\\d\\dT");
    }
}
