package org.pramaan.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.contracts.ProtectedPersonsContract;

/**
 * A deleted protected person leaves nothing in the database files either (issue 16: "a person can be
 * removed completely"): not only is the row gone from queries, its bytes are gone from the file and
 * the WAL, where a forensic reader would look. (The bundled SQLite build already clears freed cells
 * here; the adapter turns {@code secure_delete} on for this delete so it holds on builds that do not.)
 */
class SqliteProtectedPersonsErasureTest {
    @TempDir
    Path dir;

    @Test
    void deletedPersonsBytesAreGoneFromTheDatabaseFile() throws Exception {
        String marker = "consent-doc-pp_erasemeplease";
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            store.likeness()
                    .save(ProtectedPersonsContract.person(
                            "pp_erasemeplease", Optional.of("case-1"), ProtectedPersonsContract.unit(256, 7)));
            store.likeness()
                    .save(ProtectedPersonsContract.person(
                            "pp_keep", Optional.empty(), ProtectedPersonsContract.unit(256, 8)));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(contains(dir.resolve(EmbeddedStore.DATABASE_FILE), marker))
                    .as("the row is in the file before the delete (else this test proves nothing)")
                    .isTrue();
            assertThat(store.likeness().delete("pp_erasemeplease")).isTrue();
        }
        // Closing checkpoints the WAL into the file and removes it.
        for (Path f : Files.list(dir).toList())
            if (Files.isRegularFile(f))
                assertThat(contains(f, marker)).as(f.getFileName().toString()).isFalse();
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.likeness().all()).extracting(p -> p.id()).containsExactly("pp_keep");
        }
    }

    private static boolean contains(Path file, String marker) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
    }
}
