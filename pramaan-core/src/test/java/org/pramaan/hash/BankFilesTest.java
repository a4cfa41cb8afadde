package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BankFilesTest {
    /** Fuzzing finding: an unclosed quote in a CSV header line escaped as IllegalArgumentException. */
    @Test
    void anUnclosedQuoteInTheHeaderIsAnImportErrorNamingTheLine() {
        String csv = "# bank\nhash,\"quality\n" + "f".repeat(64) + ",90\n";
        assertThatThrownBy(() -> BankFiles.parse(BankFiles.Format.CSV, "b", new StringReader(csv), "s", "u", Instant.EPOCH))
                .isInstanceOf(BankFiles.ImportException.class).hasMessageContaining("line 2").hasMessageContaining("header");
    }
}
