package org.pramaan.banks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BankFilesTest {
    /** Fuzzing finding: an unclosed quote in a CSV header line escaped as IllegalArgumentException. */
    @Test
    void anUnclosedQuoteInTheHeaderIsAnImportErrorNamingTheLine() {
        String csv = "# bank\nhash,\"quality\n" + "f".repeat(64) + ",90\n";
        assertThatThrownBy(() ->
                        BankFiles.parse(BankFiles.Format.CSV, "b", new StringReader(csv), "s", "u", Instant.EPOCH))
                .isInstanceOf(BankFiles.ImportException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("header");
    }

    /** Issue 11 defect 10: a body with no line break is refused after MAX_LINE characters, without reading it into one string. */
    @Test
    void aLineWithoutEndIsRefusedByLengthWithoutBufferingIt() {
        long[] read = {0};
        Reader endless = new Reader() { // 1 GB of 'a' with no newline, generated as it is read
                    @Override
                    public int read(char[] buf, int off, int len) {
                        if (read[0] >= 1L << 30) return -1;
                        java.util.Arrays.fill(buf, off, off + len, 'a');
                        read[0] += len;
                        return len;
                    }

                    @Override
                    public void close() {}
                };
        assertThatThrownBy(() ->
                        BankFiles.forEach(BankFiles.Format.LINES, "b", endless, "s", "u", Instant.EPOCH, 10, i -> {}))
                .isInstanceOf(BankFiles.ImportException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("longer than " + BankFiles.MAX_LINE);
    }

    @Test
    void theItemLimitIsATooLargeRefusalNamingTheLine() {
        String three = ("f".repeat(64) + "\n").repeat(3);
        assertThatThrownBy(() -> BankFiles.forEach(
                        BankFiles.Format.LINES, "b", new StringReader(three), "s", "u", Instant.EPOCH, 2, i -> {}))
                .isInstanceOfSatisfying(BankFiles.ImportException.class, e -> {
                    assertThat(e.tooLarge()).isTrue();
                    assertThat(e.line()).isEqualTo(3);
                });
        assertThatThrownBy(() -> BankFiles.parse(
                        BankFiles.Format.LINES, "b", new StringReader("nope\n"), "s", "u", Instant.EPOCH))
                .isInstanceOfSatisfying(
                        BankFiles.ImportException.class,
                        e -> assertThat(e.tooLarge()).isFalse());
    }

    @Test
    void everyLineEndingStillSeparatesItemsAndTheCountIsReturned() throws Exception {
        String h = "f".repeat(64);
        long[] seen = {0};
        long n = BankFiles.forEach(
                BankFiles.Format.LINES,
                "b",
                new StringReader(h + "\r\n" + h + "\r" + h + "\n\n# c\n" + h),
                "s",
                "u",
                Instant.EPOCH,
                4,
                i -> seen[0]++);
        assertThat(n).isEqualTo(4);
        assertThat(seen[0]).isEqualTo(4);
    }

    /** Issue 11 defect 5 in JSON lines: a quality must be a JSON whole number in range, never text or a fraction. */
    @Test
    void aJsonLinesQualityMustBeAWholeNumberInRange() throws Exception {
        String h = "f".repeat(64);
        for (String q : new String[] {"\"50\"", "50.5", "true", "4294967346", "101", "-1"}) {
            assertThatThrownBy(() -> BankFiles.parse(
                            BankFiles.Format.JSONL,
                            "b",
                            new StringReader("{\"pdq\":\"" + h + "\",\"quality\":" + q + "}\n"),
                            "s",
                            "u",
                            Instant.EPOCH))
                    .as(q)
                    .isInstanceOf(BankFiles.ImportException.class)
                    .hasMessageContaining("line 1")
                    .hasMessageContaining("quality");
        }
        assertThat(BankFiles.parse(
                                BankFiles.Format.JSONL,
                                "b",
                                new StringReader("{\"pdq\":\"" + h + "\",\"quality\":90}\n"),
                                "s",
                                "u",
                                Instant.EPOCH)
                        .get(0)
                        .pdq()
                        .orElseThrow()
                        .quality())
                .isEqualTo(90);
    }
}
