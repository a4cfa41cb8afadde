package org.pramaan.banks;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import file would add, read without storing anything (the console shows it before a curator confirms).
 * Unlike an import, reading goes on past a bad line so the curator sees the first {@link #MAX_ERRORS} of them at once;
 * the import itself still refuses the whole file at its first bad line ({@link BankFiles}), so a preview with errors
 * cannot be confirmed. Items naming a {@code caseId} count as bad lines here, as the API refuses them: the case link
 * is server-owned.
 *
 * @param items      good lines (items the import would store if the file had no bad line)
 * @param errorCount bad lines in all, of which {@code errors} are the first
 * @param refusal    why the file as a whole was refused before its end (too large, a bad header), if it was
 */
public record BankImportPreview(
        long items,
        long sha256,
        long pdq,
        long vpdq,
        long audio,
        long errorCount,
        List<LineError> errors,
        Optional<String> refusal) {
    public static final int MAX_ERRORS = 20;

    /** One bad line: its number (1-based, blank and comment lines counted), the field at fault and the problem. */
    public record LineError(long line, String field, String message) {
        public LineError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    public BankImportPreview {
        errors = List.copyOf(errors);
        Objects.requireNonNull(refusal, "refusal");
    }

    /** Whether confirming would store the items: no bad line and no refusal. */
    public boolean importable() {
        return errorCount == 0 && refusal.isEmpty() && items > 0;
    }

    /** Reads the whole file (bounded by {@code maxItems} items, as the import is) and counts what it holds. */
    public static BankImportPreview of(
            BankFiles.Format format, String bank, Reader reader, String addedBy, Instant at, long maxItems)
            throws IOException {
        long[] n = new long[6]; // items, sha256, pdq, vpdq, audio, errors
        List<LineError> errors = new ArrayList<>();
        BankFileReader.BadLines bad = (line, field, message) -> {
            n[5]++;
            if (errors.size() < MAX_ERRORS) errors.add(new LineError(line, field, message));
        };
        Optional<String> refusal = Optional.empty();
        try {
            BankFileReader.forEach(
                    format,
                    bank,
                    reader,
                    "preview",
                    addedBy,
                    at,
                    maxItems,
                    i -> {
                        n[0]++;
                        if (i.sha256().isPresent()) n[1]++;
                        if (i.pdq().isPresent()) n[2]++;
                        if (!i.av().vpdq().isEmpty()) n[3]++;
                        if (i.av().audio().isPresent()) n[4]++;
                    },
                    Optional.of(bad));
        } catch (BankFiles.ImportException e) {
            refusal = Optional.of(e.getMessage());
        }
        return new BankImportPreview(n[0], n[1], n[2], n[3], n[4], n[5], errors, refusal);
    }
}
