package org.pramaan.banks;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.hash.VpdqFrame;


import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pramaan.json.Json;

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
        CSV, TSV, JSONL, LINES;

        public static Format parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new org.pramaan.errors.Invalid("format", "unknown bank file format '" + s + "': use csv, tsv, jsonl or lines");
            }
        }
    }

    /** An import refused as a whole, naming the first bad line. */
    public static final class ImportException extends Exception {
        private final long line;
        private final boolean tooLarge;

        ImportException(long line, String message) { this(line, message, false); }

        ImportException(long line, String message, boolean tooLarge) {
            super("line " + line + ": " + message);
            this.line = line;
            this.tooLarge = tooLarge;
        }

        public long line() { return line; }

        /** The import broke a size limit ({@link Limits}) rather than having a bad line: HTTP answers 413, not 400. */
        public boolean tooLarge() { return tooLarge; }
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
            if (maxItems < 1 || maxItems > MAX_ITEMS) throw new IllegalArgumentException("maxItems must be 1.." + MAX_ITEMS + ", got " + maxItems);
        }
    }

    public static final int MAX_LINE = 64 * 1024;
    public static final long MAX_ITEMS = 5_000_000;

    private BankFiles() {}

    /** Parses a whole import into a list (at most {@link #MAX_ITEMS} items). */
    public static List<BankItem> parse(Format format, String bank, Reader reader, String source, String addedBy, Instant at) throws IOException, ImportException {
        return parse(format, bank, reader, source, addedBy, at, MAX_ITEMS);
    }

    /** Parses a whole import into a list, refusing (as too large) past {@code maxItems} items. */
    public static List<BankItem> parse(Format format, String bank, Reader reader, String source, String addedBy, Instant at, long maxItems) throws IOException, ImportException {
        List<BankItem> out = new ArrayList<>();
        forEach(format, bank, reader, source, addedBy, at, maxItems, out::add);
        return out;
    }

    /**
     * Parses an import one line at a time, handing each item to {@code sink} and keeping nothing
     * itself; it stops at the first bad line or past {@code maxItems}, so a caller that collects the
     * items holds at most that many. Returns the count.
     */
    public static long forEach(Format format, String bank, Reader reader, String source, String addedBy, Instant at, long maxItems,
                               java.util.function.Consumer<BankItem> sink) throws IOException, ImportException {
        long cap = Math.min(maxItems, MAX_ITEMS);
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> header = List.of();
        long items = 0;
        String line;
        long n = 0;
        StringBuilder buf = new StringBuilder();
        while ((line = readLine(in, buf)) != null) {
            n++;
            if (line.length() > MAX_LINE) throw new ImportException(n, "longer than " + MAX_LINE + " characters");
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (items >= cap) throw new ImportException(n, "more than " + cap + " items in one import (the limit is " + cap + ")", true);
            boolean delimited = format == Format.CSV || format == Format.TSV;
            if (delimited && header.isEmpty() && items == 0 && Character.isLetter(t.charAt(0)) && !org.pramaan.limits.PlainText.startsWithHex64(t)) {
                try {
                    header = fields(format, t).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                } catch (IllegalArgumentException e) { // an unclosed quote in the header line: refuse naming the line
                    throw new ImportException(n, "header: " + e.getMessage());
                }
                if (!header.contains("hash") && !header.contains("pdq") && !header.contains("sha256")) throw new ImportException(n, "the header names no hash column (hash, pdq or sha256)");
                continue;
            }
            BankItem item;
            try {
                item = switch (format) {
                    case CSV, TSV -> fromFields(bank, header.isEmpty() ? positional(fields(format, t)) : named(header, fields(format, t)), source, addedBy, at);
                    case JSONL -> fromJson(bank, t, source, addedBy, at);
                    case LINES -> fromFields(bank, Map.of("hash", t, "quality", "100"), source, addedBy, at);
                };
            } catch (IllegalArgumentException e) {
                throw new ImportException(n, e.getMessage());
            }
            items++;
            sink.accept(item);
        }
        return items;
    }

    /**
     * One line without its terminator (\n, \r or \r\n), or null at the end. Unlike
     * {@link BufferedReader#readLine} it stops at {@link #MAX_LINE} + 1 characters, so a 100 MB body
     * with no line break costs 64 KiB, not 200 MB of chars; the caller refuses the line.
     */
    private static String readLine(BufferedReader in, StringBuilder buf) throws IOException {
        buf.setLength(0);
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') break;
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') in.reset();
                break;
            }
            buf.append((char) c);
            if (buf.length() > MAX_LINE) break; // the caller refuses it; reading on would only cost time
        }
        return any ? buf.toString() : null;
    }

    public static void write(Format format, List<BankItem> items, Writer out) throws IOException {
        if (format == Format.CSV) out.write("hash,quality,sha256,note,source,case_id\n");
        if (format == Format.TSV) out.write("hash\tquality\tsha256\tnote\tsource\tcase_id\n");
        for (BankItem i : items) {
            switch (format) {
                case CSV -> out.write(String.join(",", i.pdq().map(p -> p.hash().toHex()).orElse(""), i.pdq().map(p -> Integer.toString(p.quality())).orElse(""),
                        i.sha256().orElse(""), quote(i.note()), quote(i.source()), quote(i.caseId().orElse(""))) + "\n");
                case TSV -> out.write(String.join("\t", i.pdq().map(p -> p.hash().toHex()).orElse(""), i.pdq().map(p -> Integer.toString(p.quality())).orElse(""),
                        i.sha256().orElse(""), tsv(i.note()), tsv(i.source()), tsv(i.caseId().orElse(""))) + "\n");
                case JSONL -> out.write(Json.write(view(i)) + "\n");
                case LINES -> { if (i.pdq().isPresent()) out.write(i.pdq().get().hash().toHex() + "\n"); }
            }
        }
        out.flush();
    }

    /** An item as JSON lines export and the API show it. */
    public static Map<String, Object> view(BankItem i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        i.pdq().ifPresent(p -> { m.put("pdq", p.hash().toHex()); m.put("quality", p.quality()); });
        i.sha256().ifPresent(s -> m.put("sha256", s));
        i.mediaId().ifPresent(s -> m.put("mediaId", s));
        i.caseId().ifPresent(s -> m.put("caseId", s));
        m.put("source", i.source());
        m.put("note", i.note());
        m.put("addedBy", i.addedBy());
        m.put("addedAt", i.addedAt().toString());
        i.disabledUntil().ifPresent(d -> m.put("disabledUntil", d.toString()));
        if (!i.av().vpdq().isEmpty()) m.put("vpdq", i.av().vpdq().stream().map(VpdqFrame::toReferenceLine).toList());
        i.av().audio().ifPresent(a -> m.put("audio", a.toBase64()));
        return m;
    }

    private static BankItem fromJson(String bank, String line, String source, String addedBy, Instant at) {
        JsonNode n;
        try {
            n = Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON object");
        // A JSON quality is a whole number, as export writes it: "50", 50.5 or true is refused, not read as text (issue 11 defect 5).
        JsonNode q = n.get("quality");
        if (q != null && !q.isNull() && !(q.isIntegralNumber() && q.canConvertToInt())) {
            throw new IllegalArgumentException("quality must be a whole number in 0..100, got " + abbreviate(q.toString()));
        }
        Map<String, String> f = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> f.put(e.getKey(), e.getValue().asText()));
        if (f.containsKey("pdq")) f.put("hash", f.get("pdq"));
        if (f.containsKey("caseId")) f.put("case_id", f.get("caseId"));
        return fromFields(bank, f, source, addedBy, at, av(n));
    }

    private static AvHashes av(JsonNode n) {
        List<VpdqFrame> frames = new ArrayList<>();
        JsonNode v = n.path("vpdq");
        if (!v.isMissingNode() && !v.isArray()) throw new IllegalArgumentException("vpdq must be an array of 'frameNumber,quality,hash,timestamp' lines");
        if (v.size() > 1_000_000) throw new IllegalArgumentException("vpdq has " + v.size() + " frames; the limit is 1,000,000");
        for (int k = 0; k < v.size(); k++) {
            try {
                frames.add(VpdqFrame.parseReferenceLine(v.get(k).asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vpdq[" + k + "]: " + e.getMessage());
            }
        }
        Optional<AudioFingerprint> audio = n.hasNonNull("audio") ? Optional.of(AudioFingerprint.fromBase64(n.get("audio").asText())) : Optional.empty();
        return new AvHashes(frames, audio, List.of());
    }

    private static BankItem fromFields(String bank, Map<String, String> f, String source, String addedBy, Instant at) {
        return fromFields(bank, f, source, addedBy, at, AvHashes.NONE);
    }

    private static BankItem fromFields(String bank, Map<String, String> f, String source, String addedBy, Instant at, AvHashes av) {
        String hex = f.getOrDefault("hash", f.getOrDefault("pdq", "")).strip();
        Optional<PdqResult> pdq = Optional.empty();
        if (!hex.isEmpty()) {
            if (!org.pramaan.limits.PlainText.isHex(hex, 64, false)) throw new IllegalArgumentException("'" + abbreviate(hex) + "' is not a 64-digit hex PDQ hash");
            pdq = Optional.of(new PdqResult(Hash256.fromHex(hex), quality(f.getOrDefault("quality", ""))));
        }
        String sha = f.getOrDefault("sha256", "").strip().toLowerCase(Locale.ROOT);
        String until = f.getOrDefault("disabledUntil", "").strip();
        Optional<Instant> disabledUntil;
        try {
            disabledUntil = until.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(until));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("disabledUntil '" + until + "' is not an ISO-8601 instant");
        }
        return new BankItem(0, bank, sha.isEmpty() ? Optional.empty() : Optional.of(sha), pdq, Optional.empty(),
                Optional.ofNullable(f.get("case_id")).filter(s -> !s.isBlank()), f.getOrDefault("source", "").isBlank() ? source : f.get("source"),
                f.getOrDefault("note", ""), addedBy, at, disabledUntil, av);
    }

    private static int quality(String q) {
        if (q.isBlank()) throw new IllegalArgumentException("the PDQ quality is missing (expected 0..100)");
        try {
            int v = Integer.parseInt(q.strip());
            if (v < 0 || v > 100) throw new IllegalArgumentException("quality " + v + " is outside 0..100");
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quality '" + abbreviate(q) + "' is not a whole number");
        }
    }

    private static Map<String, String> positional(List<String> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] names = {"hash", "quality", "note"};
        if (fields.size() > names.length) throw new IllegalArgumentException("expected hash,quality[,note] but found " + fields.size() + " fields");
        for (int i = 0; i < fields.size(); i++) m.put(names[i], fields.get(i));
        return m;
    }

    private static Map<String, String> named(List<String> header, List<String> fields) {
        if (fields.size() > header.size()) throw new IllegalArgumentException("found " + fields.size() + " fields but the header names " + header.size());
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) m.put(header.get(i), fields.get(i));
        return m;
    }

    /** RFC 4180 fields: commas inside double quotes, "" for a quote. */
    private static List<String> fields(Format format, String line) {
        return format == Format.TSV ? org.pramaan.limits.PlainText.split(line, '\t', true) : csv(line);
    }

    /** Tabs and line breaks would split a TSV field: replaced by spaces. */
    private static String tsv(String s) { return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '); }

    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("a quoted field is not closed");
        out.add(cur.toString());
        return out;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"").replace("\n", " ") + "\"" : s;
    }

    private static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 37) + "..."; }
}
