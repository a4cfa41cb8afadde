package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;

/** The embedded runtime keeps the PDQ index snapshot in the data directory and a restart loads it. */
class PdqIndexRestartTest {
    @TempDir
    Path dir;

    @Test
    void closeWritesTheSnapshotAndTheNextStartLoadsIt() throws Exception {
        PramaanConfig c = PramaanConfig.load(
                Map.of("PRAMAAN_DATA_DIR", dir.resolve("data").toString()), new Properties());
        Hash256 h = Hash256.fromHex("f".repeat(16) + "0123456789abcdef".repeat(2) + "0".repeat(16));
        try (Embedded app = new Embedded(c, Clock.systemUTC())) {
            assertThat(app.banks().indexStatus()).startsWith("rebuilt: no snapshot");
            app.banks().ensure("removed", BankKind.REMOVED);
            app.banks()
                    .add(new BankItem(
                            0,
                            "removed",
                            Optional.empty(),
                            Optional.of(new PdqResult(h, 90)),
                            Optional.empty(),
                            Optional.empty(),
                            "test",
                            "",
                            "t",
                            java.time.Instant.now(),
                            Optional.empty()));
        }
        assertThat(Files.exists(dir.resolve("data").resolve(Embedded.PDQ_INDEX_FILE)))
                .isTrue();
        try (Embedded app = new Embedded(c, Clock.systemUTC())) {
            assertThat(app.banks().indexStatus()).startsWith("loaded from");
            assertThat(app.banks().match(Optional.empty(), Optional.of(new PdqResult(h, 90))))
                    .singleElement()
                    .satisfies(m -> assertThat(m.distance()).isZero());
        }
    }
}
