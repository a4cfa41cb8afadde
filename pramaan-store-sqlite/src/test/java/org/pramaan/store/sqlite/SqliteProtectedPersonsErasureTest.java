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
 * A deleted protected person leaves nothing in the database file either (issue 16: "a person can be
 * removed completely"): SQLite otherwise keeps a deleted row's bytes in the freed page until it is
 * reused, where a forensic reader finds them.
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
