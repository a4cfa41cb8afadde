package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;

/** Issue 11 defect 10 for {@code pramaan bank import}: the same byte and item limits as the API, nothing stored when refused. */
class BankImportCliLimitTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run pramaan(Map<String, String> env, String... args) {
        PramaanConfig config = ServerTestBase.config(dir.resolve("data"), env);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aFileOverTheByteOrItemLimitIsRefusedNamingTheLimitAndNothingIsStored() throws Exception {
        assertThat(pramaan(Map.of(), "bank", "create", "feed", "--kind", "partner-feed")
                        .exit())
                .isZero();
        Path file = dir.resolve("feed.txt");
        Files.writeString(file, hashLines(20), StandardCharsets.US_ASCII); // 1300 bytes

        Run bytes = pramaan(
                Map.of("PRAMAAN_BANKS_MAX_IMPORT_BYTES", "1000"),
                "bank",
                "import",
                "feed",
                file.toString(),
                "--format",
                "lines");
        assertThat(bytes.exit()).isEqualTo(1);
        assertThat(bytes.err())
                .contains("1300 bytes")
                .contains("1000")
                .contains("banks.max-import-bytes")
                .contains("nothing was imported");

        Run items = pramaan(
                Map.of("PRAMAAN_BANKS_MAX_IMPORT_ITEMS", "19"),
                "bank",
                "import",
                "feed",
                file.toString(),
                "--format",
                "lines");
        assertThat(items.exit()).isEqualTo(1);
        assertThat(items.err())
                .contains("line 20")
                .contains("19")
                .contains("banks.max-import-items")
                .contains("nothing was imported");

        assertThat(pramaan(Map.of(), "bank", "export", "feed", "--format", "lines")
                        .out())
                .as("nothing stored by the refused imports")
                .isEmpty();
        Run fits = pramaan(
                Map.of("PRAMAAN_BANKS_MAX_IMPORT_ITEMS", "20"),
                "bank",
                "import",
                "feed",
                file.toString(),
                "--format",
                "lines");
        assertThat(fits.exit()).as(fits.err()).isZero();
        assertThat(fits.out()).contains("imported 20 item(s)");
        assertThat(pramaan(Map.of(), "bank", "export", "feed", "--format", "lines")
                        .out()
                        .lines())
                .hasSize(20);
    }

    private static String hashLines(int n) {
        Random r = new Random(7);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 64; k++) s.append(Character.forDigit(r.nextInt(16), 16));
            s.append('\n');
        }
        return s.toString();
    }
}
