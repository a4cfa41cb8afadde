package org.pramaan.detect;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pramaan.errors.Invalid;

/**
 * Reviewers' findings as the labelled set {@code pramaan detect calibrate|evaluate} read (issue 16): the
 * {@link LabelledCsv} format, {@code id} = media id and scope, {@code score} = the raw score the screening recorded
 * (calibration maps raw scores, so a refit does not depend on the calibration of the time), {@code label} = the
 * finding, and a trailing {@code source} column ({@code screening} or {@code case:<id>}: which review gave the finding,
 * so an operator can audit or filter the set; {@link LabelledCsv} reads columns by name and ignores it). Unsure
 * findings are counted and left out: they say nothing about either class.
 *
 * @param csv       the file's text, header first
 * @param synthetic rows labelled synthetic
 * @param authentic rows labelled authentic
 * @param unsure    unsure findings left out
 * @param families  synthetic rows per generator family ({@code -} for none)
 */
public record LabelExport(String csv, int synthetic, int authentic, int unsure, Map<String, Integer> families) {
    /** The export's header: the labelled-set columns, then where each finding came from. */
    public static final String HEADER = LabelledCsv.HEADER + ",source";

    public LabelExport {
        families = Map.copyOf(families);
    }

    public static LabelExport of(List<ReviewLabel> labels) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        int syn = 0;
        int auth = 0;
        int unsure = 0;
        Map<String, Integer> families = new TreeMap<>();
        for (ReviewLabel l : labels) {
            if (l.finding() == Finding.UNSURE) {
                unsure++;
                continue;
            }
            boolean synthetic = l.finding() == Finding.SYNTHETIC;
            if (synthetic) {
                syn++;
                families.merge(l.family().orElse("-"), 1, Integer::sum);
            } else auth++;
            // An authentic item has no generator; a family on it would only confuse per-family evaluation.
            Optional<String> family = synthetic ? l.family() : Optional.empty();
            out.append(LabelledCsv.line(l.mediaId() + "/" + l.scope(), l.raw(), synthetic, family))
                    .append(',')
                    .append(l.source())
                    .append('\n');
        }
        return new LabelExport(out.toString(), syn, auth, unsure, families);
    }

    /**
     * A {@code --since} / {@code since=} value: a UTC date ({@code 2026-05-01}, from its start) or an ISO-8601 instant.
     *
     * @throws Invalid naming {@code since}
     */
    public static java.time.Instant since(String s) {
        String v = s.strip();
        if (v.length() > 40) throw new Invalid("since", "since is " + v.length() + " characters; at most 40");
        try {
            if (v.length() == 10)
                return java.time.LocalDate.parse(v)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant();
            return java.time.Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Invalid(
                    "since",
                    "since '" + org.pramaan.limits.PlainText.controlsAsQuestionMarks(v)
                            + "' is not a date (2026-05-01) or an ISO-8601 instant (2026-05-01T00:00:00Z)");
        }
    }

    /** The count table {@code export-labels} prints. */
    public String table() {
        StringBuilder t = new StringBuilder();
        t.append(String.format(java.util.Locale.ROOT, "%-24s %8s%n", "label", "rows"));
        t.append(String.format(java.util.Locale.ROOT, "%-24s %8d%n", "synthetic", synthetic));
        for (Map.Entry<String, Integer> e : families.entrySet())
            t.append(String.format(java.util.Locale.ROOT, "%-24s %8d%n", "  family " + e.getKey(), e.getValue()));
        t.append(String.format(java.util.Locale.ROOT, "%-24s %8d%n", "authentic", authentic));
        t.append(String.format(java.util.Locale.ROOT, "%-24s %8d%n", "unsure (left out)", unsure));
        return t.toString();
    }
}
