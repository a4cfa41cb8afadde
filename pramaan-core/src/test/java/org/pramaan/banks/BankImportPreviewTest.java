package org.pramaan.banks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The console's import preview reads on past bad lines; the import itself still refuses the file at the first one. */
class BankImportPreviewTest {
    private static final String A = "0".repeat(64);
    private static final String B = "1".repeat(64);

    private static BankImportPreview preview(BankFiles.Format f, String text, long maxItems) throws Exception {
        return BankImportPreview.of(f, "b", new StringReader(text), "key:k", Instant.EPOCH, maxItems);
    }

    @Test
    void countsGoodLinesByHashKindAndListsEveryBadLineWithItsField() throws Exception {
        String csv = "hash,quality,note,sha256\n" + A + ",90,ok,\n" + "xyz,90,bad hash,\n" + B + ",101,bad quality,\n"
                + ",,only sha," + "a".repeat(64) + "\n" + ",,bad sha,abc\n" + "\n# comment\n" + B + ",50,ok too,"
                + "b".repeat(64) + "\n";
        BankImportPreview p = preview(BankFiles.Format.CSV, csv, 100);
        assertThat(p.items()).isEqualTo(3);
        assertThat(p.pdq()).isEqualTo(2);
        assertThat(p.sha256()).isEqualTo(2);
        assertThat(p.errorCount()).isEqualTo(3);
        assertThat(p.errors())
                .extracting(BankImportPreview.LineError::line, BankImportPreview.LineError::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "hash"),
                        org.assertj.core.groups.Tuple.tuple(4L, "quality"),
                        org.assertj.core.groups.Tuple.tuple(6L, "sha256"));
        assertThat(p.importable()).isFalse();
        // The import of the same file is refused whole at its first bad line, as the API has always done.
        assertThatThrownBy(() ->
                        BankFiles.parse(BankFiles.Format.CSV, "b", new StringReader(csv), "s", "u", Instant.EPOCH))
                .isInstanceOf(BankFiles.ImportException.class)
                .hasMessageStartingWith("line 3:");
    }

    @Test
    void aCaseIdIsABadLineBecauseTheServerOwnsIt() throws Exception {
        String jsonl = "{\"pdq\":\"" + A + "\",\"quality\":90,\"caseId\":\"IN-1\"}\n{\"pdq\":\"" + B
                + "\",\"quality\":90,\"note\":\"fine\"}\n";
        BankImportPreview p = preview(BankFiles.Format.JSONL, jsonl, 100);
        assertThat(p.items()).isEqualTo(1);
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.field()).isEqualTo("caseId");
        });
    }

    @Test
    void keepsTheFirstTwentyErrorsButCountsThemAllAndStopsAtTheItemLimit() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) lines.append("nope\n");
        BankImportPreview p = preview(BankFiles.Format.LINES, lines.toString(), 100);
        assertThat(p.errorCount()).isEqualTo(50);
        assertThat(p.errors()).hasSize(BankImportPreview.MAX_ERRORS);
        assertThat(p.errors().get(19).line()).isEqualTo(20);

        BankImportPreview big = preview(BankFiles.Format.LINES, A + "\n" + B + "\n" + A + "\n", 2);
        assertThat(big.refusal()).hasValueSatisfying(r -> assertThat(r).contains("more than 2 items"));
        assertThat(big.importable()).isFalse();

        BankImportPreview good = preview(BankFiles.Format.LINES, A + "\n" + B + "\n", 2);
        assertThat(good.importable()).isTrue();
        assertThat(good.errors()).isEmpty();
    }
}
