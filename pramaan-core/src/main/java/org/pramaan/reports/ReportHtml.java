package org.pramaan.reports;

import java.util.List;

/**
 * The human report: one table per section and two SVG charts (notices received per day; settling
 * actions by share of their legal limit used, late ones apart). Well-formed XHTML with inline SVG and
 * no scripts or external resources, so it renders the same in a browser and in a PDF renderer; text
 * is set in Noto Sans Devanagari (the font the console serves), which covers Devanagari and Latin.
 */
public final class ReportHtml {
    /** The family name the style sheet asks for; a PDF renderer registers the console's font under it. */
    public static final String FONT_FAMILY = "Noto Sans Devanagari";
    /**
     * The Latin face the console ships beside it: Noto Sans Devanagari has no Latin letters, so without it
     * a PDF renderer sets every Latin figure in its built-in, non-embedded Helvetica.
     */
    public static final String LATIN_FAMILY = "Noto Sans";

    static final int WIDTH = 640;
    static final int HEIGHT = 160;

    private ReportHtml() {}

    public static String write(Report r) {
        StringBuilder b = new StringBuilder(8192);
        b.append(
                        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>")
                .append(esc(r.kind().title()))
                .append("</title><style>body{font-family:'")
                .append(LATIN_FAMILY)
                .append("','")
                .append(FONT_FAMILY)
                .append(
                        "',sans-serif;font-size:10pt;margin:24px}table{border-collapse:collapse;width:100%;margin-bottom:12px}")
                .append("td,th{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}")
                .append(
                        "td.n{text-align:right;white-space:nowrap}.basis{color:#555;font-size:8pt}h2{font-size:12pt}</style></head><body>");
        b.append("<h1>").append(esc(r.kind().title())).append("</h1>");
        if (r.kind() == ReportKind.IN_MONTHLY)
            b.append("<p>मासिक अनुपालन रिपोर्ट (सूचना प्रौद्योगिकी नियम 4(1)(घ))</p>");
        b.append("<p>Period ")
                .append(esc(r.period().label()))
                .append(": ")
                .append(esc(r.period().from().toString()))
                .append(" to ")
                .append(esc(r.period().to().toString()))
                .append(" (")
                .append(esc(r.period().zone().getId()))
                .append("). Generated ")
                .append(esc(r.generatedAt().toString()))
                .append(". Every figure's records are listed in the JSON form of this report.</p>");
        b.append("<h2>Notices received per day</h2>").append(receivedChart(r.charts()));
        b.append("<h2>Time to action against the legal limit</h2>").append(limitChart(r.charts()));
        for (Section s : r.sections()) {
            b.append("<h2>")
                    .append(esc(s.key()))
                    .append(" ")
                    .append(esc(s.title()))
                    .append("</h2><p class=\"basis\">")
                    .append(esc(s.basis()))
                    .append("</p><table><tr><th>Indicator</th><th>Value</th><th>Basis</th></tr>");
            for (Figure f : s.figures()) {
                b.append("<tr><td>")
                        .append(esc(f.label()))
                        .append("</td><td class=\"n\">")
                        .append(esc(f.shown()
                                + (f.unit().equals(Figure.SECONDS) && f.value().isPresent() ? " s" : "")))
                        .append("</td><td class=\"basis\">")
                        .append(esc(f.basis()))
                        .append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.append("</body></html>\n").toString();
    }

    /** One bar per day, scaled to the busiest day; a 366-day period still fits in the width. */
    static String receivedChart(Charts c) {
        List<Charts.Day> days = c.received();
        long max = Math.max(1, days.stream().mapToLong(Charts.Day::count).max().orElse(1));
        double w = (double) WIDTH / Math.max(1, days.size());
        StringBuilder b = svgStart("notices received per day");
        for (int i = 0; i < days.size(); i++) {
            long n = days.get(i).count();
            double h = (HEIGHT - 20) * (double) n / max;
            b.append(String.format(
                    java.util.Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6ea5\"><title>%s: %d</title></rect>",
                    i * w,
                    HEIGHT - 16 - h,
                    Math.max(0.5, w - 1),
                    h,
                    days.get(i).date(),
                    n));
        }
        if (!days.isEmpty()) {
            b.append(label(2, HEIGHT - 2, days.get(0).date().toString()));
            b.append(label(
                    WIDTH - 70, HEIGHT - 2, days.get(days.size() - 1).date().toString()));
        }
        b.append(label(2, 12, "max " + max + " per day"));
        return b.append("</svg>").toString();
    }

    /** Five bars: share of the limit used up to 25, 50, 75, 100 % and late (red, past the limit line). */
    static String limitChart(Charts c) {
        List<Long> counts = c.againstLimit();
        long max = Math.max(1, counts.stream().mapToLong(Long::longValue).max().orElse(1));
        double w = (double) WIDTH / counts.size();
        StringBuilder b = svgStart("settled cases by share of the legal limit used");
        for (int i = 0; i < counts.size(); i++) {
            double h = (HEIGHT - 36) * (double) counts.get(i) / max;
            boolean late = i == counts.size() - 1;
            b.append(String.format(
                    java.util.Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    i * w + 8,
                    HEIGHT - 20 - h,
                    w - 16,
                    h,
                    late ? "#b22222" : "#3b6ea5"));
            b.append(label(i * w + 10, HEIGHT - 4, Charts.BUCKETS.get(i) + ": " + counts.get(i)));
        }
        double limitX = (counts.size() - 1) * w;
        b.append(String.format(
                java.util.Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b22222\" stroke-dasharray=\"4,3\"/>",
                limitX,
                limitX,
                HEIGHT - 16));
        b.append(label(limitX - 60, 12, "legal limit"));
        return b.append("</svg>").toString();
    }

    private static StringBuilder svgStart(String title) {
        return new StringBuilder(1024)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\"><title>")
                .append(esc(title))
                .append("</title>");
    }

    private static String label(double x, double y, String text) {
        return String.format(
                java.util.Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" font-family=\"%s, %s\">%s</text>",
                x,
                y,
                LATIN_FAMILY,
                FONT_FAMILY,
                esc(text));
    }

    /** XML escaping: every text here is ours, but notice type ids and categories come from data files. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
