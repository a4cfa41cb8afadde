package org.pramaan.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import org.pramaan.errors.Invalid;
import org.pramaan.limits.PlainText;

/**
 * The span a report covers: {@code [from, to)} as instants, cut at midnight in {@code zone} (an Indian
 * monthly report is a calendar month in Asia/Kolkata, so a notice received at 2026-11-30T19:00Z, 00:30
 * IST on 1 December, belongs to December).
 *
 * @param label how the client named it: {@code 2026-11} or {@code 2026-01-01..2026-06-30}
 */
public record ReportPeriod(Instant from, Instant to, ZoneId zone, String label) {
    /** The most days one report may cover: a DSA report is at most yearly (art.15(1), art.24(1)). */
    public static final int MAX_DAYS = 366;
    /** As instants: a day more, for the hour a zone's DST change adds to a year of days. */
    static final Duration MAX = Duration.ofDays(MAX_DAYS + 1);

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2999;

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(label, "label");
        if (!from.isBefore(to)) throw new Invalid("to", "the period ends (" + to + ") before it starts (" + from + ")");
        if (Duration.between(from, to).compareTo(MAX) > 0)
            throw new Invalid(
                    "to", "the period " + label + " is longer than the " + MAX_DAYS + " days one report may cover");
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** A calendar month {@code YYYY-MM} in {@code zone}; anything else is refused naming {@code month}. */
    public static ReportPeriod month(String month, ZoneId zone) {
        boolean shape = month.length() == 7 && month.charAt(4) == '-';
        for (int i = 0; shape && i < 7; i++) shape = i == 4 || PlainText.isAsciiDigit(month.charAt(i));
        if (!shape) throw new Invalid("month", "month must be YYYY-MM, got '" + shown(month) + "'");
        int year = Integer.parseInt(month.substring(0, 4));
        int m = Integer.parseInt(month.substring(5));
        if (m < 1 || m > 12) throw new Invalid("month", "month " + m + " in '" + month + "' is not 01-12");
        if (year < FIRST_YEAR || year > LAST_YEAR)
            throw new Invalid("month", "year " + year + " is outside " + FIRST_YEAR + "-" + LAST_YEAR);
        YearMonth ym = YearMonth.of(year, m);
        return new ReportPeriod(
                ym.atDay(1).atStartOfDay(zone).toInstant(),
                ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                zone,
                month);
    }

    /** From the start of day {@code from} to the end of day {@code to} (both {@code YYYY-MM-DD}, inclusive) in {@code zone}. */
    public static ReportPeriod dates(String from, String to, ZoneId zone) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) throw new Invalid("to", "to " + to + " is before from " + from);
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS)
            throw new Invalid(
                    "to",
                    "the period " + from + ".." + to + " covers " + days + " days; one report covers at most "
                            + MAX_DAYS);
        return new ReportPeriod(
                start.atStartOfDay(zone).toInstant(),
                end.plusDays(1).atStartOfDay(zone).toInstant(),
                zone,
                from + ".." + to);
    }

    private static LocalDate date(String field, String s) {
        if (!PlainText.isDateShape(s)) throw new Invalid(field, field + " must be YYYY-MM-DD, got '" + shown(s) + "'");
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (java.time.DateTimeException e) {
            throw new Invalid(field, field + " '" + s + "' is no calendar date");
        }
        if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR)
            throw new Invalid(field, field + " year " + d.getYear() + " is outside " + FIRST_YEAR + "-" + LAST_YEAR);
        return d;
    }

    private static String shown(String s) {
        return PlainText.controlsAsQuestionMarks(s.length() <= 32 ? s : s.substring(0, 32) + "…");
    }
}
