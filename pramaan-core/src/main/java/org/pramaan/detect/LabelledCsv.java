package org.pramaan.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pramaan.errors.Invalid;
import org.pramaan.limits.PlainText;

/**
 * An operator's labelled set as CSV (issue 16): a header naming {@code score} and {@code label} and optionally
 * {@code id} and {@code family}, then one item per line. {@code label} is {@code synthetic} or {@code authentic} (also
 * 1 or 0); {@code score} is the model's raw output as a finite decimal number. The file is hostile until checked:
 * lines and fields are capped before they are split, the row count is capped, and every refusal names its line and
 * column. {@code pramaan detect export-labels} writes exactly this format.
 */
public final class LabelledCsv {
    public static final String HEADER = "id,score,label,family";
    /** Longest line read; longer ones are refused before they are split. */
    public static final int MAX_LINE = 4096;
    /** Longest field. */
    public static final int MAX_FIELD = 256;

    private LabelledCsv() {}

    /**
     * Reads every item.
     *
     * @throws Invalid naming the line and column of the first bad value, or the row cap
     */
    public static List<LabelledScore> read(BufferedReader in, int maxRows) throws IOException {
        List<LabelledScore> out = new ArrayList<>();
        rows(
                in,
                maxRows,
                "score",
                (id, value, synthetic, family, line) ->
                        out.add(new LabelledScore(id, number(value, line), synthetic, family)));
        return out;
    }

    /**
     * One item of a labelled set of files: a {@code path} column (relative to the files folder) instead of scores,
     * which {@code pramaan detect calibrate --files} scores with the model (issue 16).
     */
    public record LabelledFile(String id, String path, boolean synthetic, Optional<String> family, int line) {}

    /**
     * Reads a labelled set whose header names {@code path} and {@code label} (and optionally {@code id} and
     * {@code family}); the paths are not checked here.
     *
     * @throws Invalid naming the line and column of the first bad value, or the row cap
     */
    public static List<LabelledFile> readFiles(BufferedReader in, int maxRows) throws IOException {
        List<LabelledFile> out = new ArrayList<>();
        rows(in, maxRows, "path", (id, value, synthetic, family, line) -> {
            if (value.isBlank()) throw new Invalid("csv", "line " + line + ", column path: empty");
            out.add(new LabelledFile(id, value.strip(), synthetic, family, line));
        });
        return out;
    }

    private interface Row {
        void add(String id, String value, boolean synthetic, Optional<String> family, int line);
    }

    private static void rows(BufferedReader in, int maxRows, String valueColumn, Row sink) throws IOException {
        String header = in.readLine();
        if (header == null) throw new Invalid("csv", "the labelled set is empty: it needs a header line");
        if (header.length() > MAX_LINE) throw new Invalid("csv", "line 1 is longer than " + MAX_LINE + " characters");
        List<String> cols = PlainText.csvFields(header.strip());
        int value = cols.indexOf(valueColumn);
        int label = cols.indexOf("label");
        int id = cols.indexOf("id");
        int family = cols.indexOf("family");
        if (value < 0 || label < 0)
            throw new Invalid(
                    "csv",
                    "line 1 must name the columns " + valueColumn + " and label (and may name id and family), got "
                            + PlainText.controlsAsQuestionMarks(
                                    header.length() > 200 ? header.substring(0, 200) : header)
                            + (valueColumn.equals("score") && cols.contains("path")
                                    ? "; a set of files (a path column) is scored by calibrate --files"
                                    : ""));
        int rows = 0;
        int lineNo = 1;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) continue;
            if (line.length() > MAX_LINE)
                throw new Invalid("csv", "line " + lineNo + " is longer than " + MAX_LINE + " characters");
            if (rows++ >= maxRows) throw new Invalid("csv", "the labelled set has more than " + maxRows + " items");
            List<String> f;
            try {
                f = PlainText.csvFields(line);
            } catch (IllegalArgumentException e) {
                throw new Invalid("csv", "line " + lineNo + ": " + e.getMessage());
            }
            if (f.size() != cols.size())
                throw new Invalid(
                        "csv", "line " + lineNo + " has " + f.size() + " fields; the header has " + cols.size());
            for (int i = 0; i < f.size(); i++)
                if (f.get(i).length() > MAX_FIELD)
                    throw new Invalid(
                            "csv", "line " + lineNo + ", column " + cols.get(i) + ": longer than " + MAX_FIELD);
            sink.add(
                    id >= 0 ? f.get(id) : "line " + lineNo,
                    f.get(value),
                    synthetic(f.get(label), lineNo),
                    family >= 0 && !f.get(family).isBlank()
                            ? Optional.of(f.get(family).strip())
                            : Optional.empty(),
                    lineNo);
        }
    }

    private static double number(String s, int line) {
        String v = s.strip();
        // Decimal numbers only: digits, one point, an optional sign and exponent; never hex, NaN or Infinity.
        boolean ok = !v.isEmpty() && v.length() <= 40;
        for (int i = 0; ok && i < v.length(); i++) {
            char c = v.charAt(i);
            ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        }
        try {
            double d = ok ? Double.parseDouble(v) : Double.NaN;
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new Invalid(
                "csv",
                "line " + line + ", column score: '" + PlainText.controlsAsQuestionMarks(v)
                        + "' is not a finite decimal number");
    }

    private static boolean synthetic(String s, int line) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "synthetic", "1" -> true;
            case "authentic", "0" -> false;
            default ->
                throw new Invalid(
                        "csv",
                        "line " + line + ", column label: '" + PlainText.controlsAsQuestionMarks(s)
                                + "' is not synthetic or authentic");
        };
    }

    /** One line of the format, quoting fields that need it. */
    public static String line(String id, double raw, boolean synthetic, Optional<String> family) {
        return quote(id) + "," + raw + "," + (synthetic ? "synthetic" : "authentic") + "," + quote(family.orElse(""));
    }

    private static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0;
        return needs ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
