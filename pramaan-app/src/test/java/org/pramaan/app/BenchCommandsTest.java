package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;

/**
 * Issue 12 item 6: the bench drivers moved to pramaan-bench and reach the CLI through the
 * {@code CliCommands} service on the app's class path; every {@code pramaan bench …} command of the
 * README still answers {@code --help}, and a tiny real run still prints its table. (CliProcessIT runs
 * bench pdq, match and notices through the packaged jar.)
 */
class BenchCommandsTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run pramaan(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        PramaanConfig c = PramaanConfig.load(
                Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString()), new Properties());
        int exit = PramaanCli.run(
                () -> new EmbeddedRuntime(c, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyDocumentedBenchCommandAnswersHelp() {
        Run bench = pramaan("bench", "--help");
        assertThat(bench.exit()).as(bench.err()).isZero();
        for (String name : List.of(
                "pdq",
                "notices",
                "match",
                "vpdq",
                "audio",
                "c2pa",
                "avmatch",
                "watermark",
                "labels",
                "console",
                "queue",
                "backscan")) {
            assertThat(bench.out()).as("pramaan bench lists %s", name).containsPattern("(?m)^\\s+" + name + "\\s");
            Run help = pramaan("bench", name, "--help");
            assertThat(help.exit())
                    .as("pramaan bench %s --help: %s", name, help.err())
                    .isZero();
            assertThat(help.out()).contains("Usage: pramaan bench " + name);
        }
        assertThat(pramaan("--help").out()).as("bench is a top-level command").containsPattern("(?m)^\\s+bench\\s");
    }

    @Test
    void watermarkRobustnessRefusesBadCountsAndRunsWithoutTheCleanImages() throws Exception {
        Run negative = pramaan("bench", "watermark-robustness", "--clean", "-1");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--clean must be 0 or more, got -1");
        assertThat(pramaan("bench", "watermark-robustness", "--threads", "0").err())
                .contains("--threads must be 1 or more, got 0");
        // --clean 0 used to print every table and then fail with an index error.
        Path photos = java.nio.file.Files.createDirectories(dir.resolve("testdata/pdq"));
        for (int i = 0; i < 2; i++)
            javax.imageio.ImageIO.write(
                    org.pramaan.testkit.TestImages.photo(320, 256, i),
                    "png",
                    photos.resolve("p" + i + ".png").toFile());
        Run tiny = pramaan(
                "bench",
                "watermark-robustness",
                "--testdata",
                dir.resolve("testdata").toString(),
                "--clean",
                "0",
                "--rounds",
                "1");
        assertThat(tiny.exit()).as(tiny.err()).isZero();
        assertThat(tiny.out()).contains("clean images: 0 (no false-positive run");
    }

    @Test
    void aTinyMatchRunPrintsItsTableWithFullRecall() {
        Run r = pramaan(
                "bench",
                "match",
                "--hashes",
                "2000",
                "--queries",
                "200",
                "--sample",
                "16",
                "--threads",
                "1",
                "--extrapolate",
                "0",
                "--build-threads",
                "2",
                "--sequential-build",
                "--dir",
                dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("| metric | value |")
                .contains("| hashes | 2,000 |")
                .contains("| queries/s |");
        assertThat(r.out())
                .as("issue 18: the parallel build is timed beside the one-thread reference")
                .containsPattern("\\| build s \\| [0-9.]+ on 2 threads \\(1 thread: [0-9.]+, CPU [0-9.]+\\) \\|");
        assertThat(r.out())
                .as(r.out())
                .containsPattern(
                        "\\| recall vs brute force \\| 100\\.00% \\(\\d+ of \\d+ hits on 16 queries; 0 extra\\) \\|");
    }

    /** The notice driver now reaches the store through CliRuntime.scratch: still a scratch store, never the configured data directory. */
    @Test
    void aTinyNoticesRunPrintsItsFiguresOnAScratchStore() {
        Run r = pramaan("bench", "notices", "--count", "20");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("notices/s")
                .contains("p99 ms")
                .contains("clock check ms")
                .contains("open cases       40")
                .contains("escalations due during load 2");
        assertThat(dir.resolve("data"))
                .as("the benchmark never touches the configured data directory")
                .doesNotExist();
    }

    /** Issue 13 "Speed": the console bench signs in over real HTTP, renders both pages and prints their table. */
    @Test
    void tinyConsoleAndQueueRunsPrintTheirTablesOnAScratchStore() {
        Run r = pramaan("bench", "console", "--cases", "50", "--rounds", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("machine: ")
                .contains("open cases: 50")
                .containsPattern("(?m)^queue page \\(/queue\\)\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+")
                .containsPattern("(?m)^case view \\(/cases/\\{id\\}\\)\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+");
        Run q = pramaan("bench", "queue", "--cases", "50", "--rounds", "3");
        assertThat(q.exit()).as(q.err()).isZero();
        assertThat(q.out()).containsPattern("(?m)^console queue, no filter\\s+[0-9.]+\\s+[0-9.]+\\s+50$");
        assertThat(q.out()).containsPattern("(?m)^console page 1 \\(store\\), no filter\\s+[0-9.]+\\s+[0-9.]+\\s+50$");
        assertThat(dir.resolve("data"))
                .as("the benchmarks never touch the configured data directory")
                .doesNotExist();
    }

    /** Issue 17 part 2: the back-scan bench runs its three variants on a scratch store and prints items/s per core. */
    @Test
    void aTinyBackscanRunPrintsItsTableOnAScratchStore() {
        Run r = pramaan("bench", "backscan", "--stored", "300", "--bank", "20", "--new", "20", "--images", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("machine: ")
                .contains("load: ")
                .containsPattern(
                        "(?m)^re-match: stored-media job \\(read, match, commit\\)\\s+300\\s+[0-9.]+\\s+[0-9]+$")
                .containsPattern("(?m)^re-match: bank addition \\(index query \\+ job\\), stored covered\\s+300\\s")
                .containsPattern("(?m)^  candidates scanned for the new items\\s+[12]$")
                .containsPattern("(?m)^fresh scan: probe \\+ decode \\+ PDQ \\+ match \\(640x480 JPEG\\)\\s+3\\s");
        assertThat(dir.resolve("data"))
                .as("the benchmark never touches the configured data directory")
                .doesNotExist();
    }
}
