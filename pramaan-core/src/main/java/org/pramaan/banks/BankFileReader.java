package org.pramaan.banks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pramaan.banks.BankFiles.Format;
import org.pramaan.banks.BankFiles.ImportException;
import org.pramaan.hash.AudioFingerprint;
import org.pramaan.hash.AvHashes;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.json.Json;

/**
 * The import side of {@link BankFiles}: reads an import line by line (each line bounded by
 * {@link BankFiles#MAX_LINE} before it is parsed) and turns each line of any {@link Format} into a
 * {@link BankItem}. Anything wrong with a line is an {@link IllegalArgumentException} inside, turned
 * into an {@link ImportException} naming the line.
 */
final class BankFileReader {
    private static final int MAX_LINE = BankFiles.MAX_LINE;
    private static final long MAX_ITEMS = BankFiles.MAX_ITEMS;

    private BankFileReader() {}

    /** {@link BankFiles#forEach}'s parsing. */
    static long forEach(
            Format format,
            String bank,
            Reader reader,
            String source,
            String addedBy,
            Instant at,
            long maxItems,
            java.util.function.Consumer<BankItem> sink)
            throws IOException, ImportException {
        return forEach(format, bank, reader, source, addedBy, at, maxItems, sink, Optional.empty());
    }

    /** Where a bad line goes when the caller reads on past it (the console's import preview) instead of refusing. */
    interface BadLines {
        void bad(long line, String field, String message);
    }

    /** As above; with {@code bad}, a bad line is handed to it and reading goes on (size limits still refuse). */
    static long forEach(
            Format format,
            String bank,
            Reader reader,
            String source,
            String addedBy,
            Instant at,
            long maxItems,
            java.util.function.Consumer<BankItem> sink,
            Optional<BadLines> bad)
            throws IOException, ImportException {
        long cap = Math.min(maxItems, MAX_ITEMS);
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String> header = List.of();
        long items = 0;
        String line;
        long n = 0;
        StringBuilder buf = new StringBuilder();
        while ((line = readLine(in, buf)) != null) {
            n++;
            if (line.length() > MAX_LINE) {
                if (bad.isEmpty()) throw new ImportException(n, "longer than " + MAX_LINE + " characters");
                bad.get().bad(n, "line", "longer than " + MAX_LINE + " characters");
                continue;
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (items >= cap)
                throw new ImportException(
                        n, "more than " + cap + " items in one import (the limit is " + cap + ")", true);
            boolean delimited = format == Format.CSV || format == Format.TSV;
            if (delimited
                    && header.isEmpty()
                    && items == 0
                    && Character.isLetter(t.charAt(0))
                    && !org.pramaan.limits.PlainText.startsWithHex64(t)) {
                try {
                    header = fields(format, t).stream()
                            .map(h -> h.strip().toLowerCase(Locale.ROOT))
                            .toList();
                } catch (IllegalArgumentException e) { // an unclosed quote in the header line: refuse naming the line
                    throw new ImportException(n, "header: " + e.getMessage());
                }
                if (!header.contains("hash") && !header.contains("pdq") && !header.contains("sha256"))
                    throw new ImportException(n, "the header names no hash column (hash, pdq or sha256)");
                continue;
            }
            BankItem item;
            try {
                item = switch (format) {
                    case CSV, TSV ->
                        fromFields(
                                bank,
                                header.isEmpty() ? positional(fields(format, t)) : named(header, fields(format, t)),
                                source,
                                addedBy,
                                at);
                    case JSONL -> fromJson(bank, t, source, addedBy, at);
                    case LINES -> fromFields(bank, Map.of("hash", t, "quality", "100"), source, addedBy, at);
                };
            } catch (IllegalArgumentException e) {
                if (bad.isEmpty()) throw new ImportException(n, e.getMessage());
                bad.get().bad(n, e instanceof BankFieldError f ? f.field : "line", e.getMessage());
                continue;
            }
            if (bad.isPresent() && item.caseId().isPresent()) { // the API refuses these: the case link is the server's
                bad.get().bad(n, "caseId", "caseId is set by the server when a case banks content; remove it");
                continue;
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

    private static BankItem fromJson(String bank, String line, String source, String addedBy, Instant at) {
        JsonNode n;
        try {
            n = Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON object");
        // A JSON quality is a whole number, as export writes it: "50", 50.5 or true is refused, not read as text (issue
        // 11 defect 5).
        JsonNode q = n.get("quality");
        if (q != null && !q.isNull() && !(q.isIntegralNumber() && q.canConvertToInt())) {
            throw new IllegalArgumentException(
                    "quality must be a whole number in 0..100, got " + abbreviate(q.toString()));
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
        if (!v.isMissingNode() && !v.isArray())
            throw new IllegalArgumentException("vpdq must be an array of 'frameNumber,quality,hash,timestamp' lines");
        if (v.size() > 1_000_000)
            throw new IllegalArgumentException("vpdq has " + v.size() + " frames; the limit is 1,000,000");
        for (int k = 0; k < v.size(); k++) {
            try {
                frames.add(VpdqFrame.parseReferenceLine(v.get(k).asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("vpdq[" + k + "]: " + e.getMessage());
            }
        }
        Optional<AudioFingerprint> audio = n.hasNonNull("audio")
                ? Optional.of(AudioFingerprint.fromBase64(n.get("audio").asText()))
                : Optional.empty();
        return new AvHashes(frames, audio, List.of());
    }

    private static BankItem fromFields(String bank, Map<String, String> f, String source, String addedBy, Instant at) {
        return fromFields(bank, f, source, addedBy, at, AvHashes.NONE);
    }

    private static BankItem fromFields(
            String bank, Map<String, String> f, String source, String addedBy, Instant at, AvHashes av) {
        String hex = f.getOrDefault("hash", f.getOrDefault("pdq", "")).strip();
        Optional<PdqResult> pdq = Optional.empty();
        if (!hex.isEmpty()) {
            if (!org.pramaan.limits.PlainText.isHex(hex, 64, false))
                throw new BankFieldError("hash", "'" + abbreviate(hex) + "' is not a 64-digit hex PDQ hash");
            pdq = Optional.of(new PdqResult(Hash256.fromHex(hex), quality(f.getOrDefault("quality", ""))));
        }
        String sha = f.getOrDefault("sha256", "").strip().toLowerCase(Locale.ROOT);
        if (!sha.isEmpty() && !org.pramaan.limits.PlainText.isHex(sha, 64, true))
            throw new BankFieldError("sha256", "'" + abbreviate(sha) + "' is not a 64-digit hex SHA-256");
        String until = f.getOrDefault("disabledUntil", "").strip();
        Optional<Instant> disabledUntil;
        try {
            disabledUntil = until.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(until));
        } catch (java.time.format.DateTimeParseException e) {
            throw new BankFieldError("disabledUntil", "disabledUntil '" + until + "' is not an ISO-8601 instant");
        }
        return new BankItem(
                0,
                bank,
                sha.isEmpty() ? Optional.empty() : Optional.of(sha),
                pdq,
                Optional.empty(),
                Optional.ofNullable(f.get("case_id")).filter(s -> !s.isBlank()),
                f.getOrDefault("source", "").isBlank() ? source : f.get("source"),
                f.getOrDefault("note", ""),
                addedBy,
                at,
                disabledUntil,
                av);
    }

    private static int quality(String q) {
        if (q.isBlank()) throw new BankFieldError("quality", "the PDQ quality is missing (expected 0..100)");
        try {
            int v = Integer.parseInt(q.strip());
            if (v < 0 || v > 100) throw new BankFieldError("quality", "quality " + v + " is outside 0..100");
            return v;
        } catch (NumberFormatException e) {
            throw new BankFieldError("quality", "quality '" + abbreviate(q) + "' is not a whole number");
        }
    }

    private static Map<String, String> positional(List<String> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        String[] names = {"hash", "quality", "note"};
        if (fields.size() > names.length)
            throw new IllegalArgumentException("expected hash,quality[,note] but found " + fields.size() + " fields");
        for (int i = 0; i < fields.size(); i++) m.put(names[i], fields.get(i));
        return m;
    }

    private static Map<String, String> named(List<String> header, List<String> fields) {
        if (fields.size() > header.size())
            throw new IllegalArgumentException(
                    "found " + fields.size() + " fields but the header names " + header.size());
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) m.put(header.get(i), fields.get(i));
        return m;
    }

    /** RFC 4180 fields: commas inside double quotes, "" for a quote. */
    private static List<String> fields(Format format, String line) {
        return format == Format.TSV
                ? org.pramaan.limits.PlainText.split(line, '\t', true)
                : org.pramaan.limits.PlainText.csvFields(line);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
