package org.pramaan.banks;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bank import and export. An import is parsed completely before anything is stored: one bad line
 * rejects the whole file with its line number, so a half-applied import never happens.
 * <ul>
 *   <li>{@code csv}: {@code hash,quality[,note]}, or any column order with a header naming
 *       {@code hash|pdq, quality, sha256, note, source, case_id}.</li>
 *   <li>{@code tsv}: as {@code csv} with tabs between fields (ThreatExchange tools' tab-separated
 *       {@code hash<TAB>quality[<TAB>…]} lists).</li>
 *   <li>{@code jsonl}: one object per line: {@code pdq, quality, sha256, note, source, caseId, disabledUntil},
 *       and for video and audio {@code vpdq} (array of {@code frameNumber,quality,pdqHex,timestampSec}
 *       lines, the vPDQ reference tools' form) and {@code audio} (base64 fingerprint). The only format
 *       that carries every hash kind; csv, tsv and lines carry PDQ and SHA-256 only.</li>
 *   <li>{@code lines}: one bare 64-hex PDQ hash per line, as ThreatExchange/HMA tools and Meta's
 *       reference data write them; no quality is given, so the source is trusted at 100.</li>
 * </ul>
 */
public final class BankFiles {
    public enum Format {
        CSV,
        TSV,
        JSONL,
        LINES;

        public static Format parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new org.pramaan.errors.Invalid(
                        "format", "unknown bank file format '" + s + "': use csv, tsv, jsonl or lines");
            }
        }
    }

    /** An import refused as a whole, naming the first bad line. */
    public static final class ImportException extends Exception {
        private final long line;
        private final boolean tooLarge;

        ImportException(long line, String message) {
            this(line, message, false);
        }

        ImportException(long line, String message, boolean tooLarge) {
            super("line " + line + ": " + message);
            this.line = line;
            this.tooLarge = tooLarge;
        }

        public long line() {
            return line;
        }

        /** The import broke a size limit ({@link Limits}) rather than having a bad line: HTTP answers 413, not 400. */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /**
     * How big one import may be. Every imported item stays in memory (the match index holds them),
     * so the item count bounds the heap an import may take; the byte limit refuses a body before it
     * is parsed (issue 11 defect 10: a 163 MB import took 830 MB of heap before being refused).
     *
     * @param maxBytes bytes of one import file or request body
     * @param maxItems items (non-blank, non-comment lines) in one import
     */
    public record Limits(long maxBytes, long maxItems) {
        /**
         * Measured on the packaged server: an import of 100,000 PDQ items raised the live heap by
         * about 100 MB (parsed list, stored copies, match index), and 900,000 items ran a 256 MB heap
         * out of memory. 100,000 items (6.5 MB as bare hashes) fits a small heap; 32 MiB leaves room
         * for JSON lines with notes. Larger feeds raise both with the heap, or are split.
         */
        public static final Limits DEFAULT = new Limits(32L * 1024 * 1024, 100_000);

        public Limits {
            if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
            if (maxItems < 1 || maxItems > MAX_ITEMS)
                throw new IllegalArgumentException("maxItems must be 1.." + MAX_ITEMS + ", got " + maxItems);
        }
    }

    public static final int MAX_LINE = 64 * 1024;
    public static final long MAX_ITEMS = 5_000_000;

    private BankFiles() {}

    /** Parses a whole import into a list (at most {@link #MAX_ITEMS} items). */
    public static List<BankItem> parse(
            Format format, String bank, Reader reader, String source, String addedBy, Instant at)
            throws IOException, ImportException {
        return parse(format, bank, reader, source, addedBy, at, MAX_ITEMS);
    }

    /** Parses a whole import into a list, refusing (as too large) past {@code maxItems} items. */
    public static List<BankItem> parse(
            Format format, String bank, Reader reader, String source, String addedBy, Instant at, long maxItems)
            throws IOException, ImportException {
        List<BankItem> out = new ArrayList<>();
        forEach(format, bank, reader, source, addedBy, at, maxItems, out::add);
        return out;
    }

    /**
     * Parses an import one line at a time, handing each item to {@code sink} and keeping nothing
     * itself; it stops at the first bad line or past {@code maxItems}, so a caller that collects the
     * items holds at most that many. Returns the count.
     */
    public static long forEach(
            Format format,
            String bank,
            Reader reader,
            String source,
            String addedBy,
            Instant at,
            long maxItems,
            java.util.function.Consumer<BankItem> sink)
            throws IOException, ImportException {
        return BankFileReader.forEach(format, bank, reader, source, addedBy, at, maxItems, sink);
    }

    public static void write(Format format, List<BankItem> items, Writer out) throws IOException {
        BankFileWriter.write(format, items, out);
    }

    /** An item as JSON lines export and the API show it. */
    public static Map<String, Object> view(BankItem i) {
        return BankFileWriter.view(i);
    }
}
