package org.pramaan.console;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A horizontal bar chart drawn on the server as SVG: no script and no style attribute (the console's CSP has neither
 * {@code 'unsafe-inline'} for scripts nor for styles), geometry in SVG presentation attributes only. Accessible as an
 * image with a name and a description (SVG 2 §5.4 {@code <title>}/{@code <desc>}, WAI-ARIA {@code role="img"}); the
 * page puts the same numbers in a table beside it (WCAG 2.2 1.1.1: a text alternative for non-text content).
 *
 * <p>Every text written here (labels, title, description) passes {@link #escape}: labels are notice-type ids from
 * rule packs today, but the chart does not rely on that.
 */
public final class SvgChart {
    /** Widths in SVG user units (px at 100 %). */
    static final int WIDTH = 640;

    static final int LABEL_WIDTH = 220;
    static final int VALUE_WIDTH = 90;
    static final int BAR_MAX = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    static final int ROW = 28;
    static final int BAR_HEIGHT = 18;
    static final int PAD = 8;

    /** One bar: what it is, its value (≥ 0, in any unit) and the value as people read it. */
    public record Bar(String label, double value, String valueText) {
        public Bar {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(valueText, "valueText");
            if (!(value >= 0) || Double.isInfinite(value))
                throw new IllegalArgumentException(
                        "bar '" + label + "' has value " + value + "; bars are finite and ≥ 0");
        }
    }

    private SvgChart() {}

    /**
     * The bar lengths for {@code bars}: the largest value gets {@link #BAR_MAX}, the others in proportion, rounded to
     * whole units; a positive value never rounds down to nothing (it gets 1), all-zero values give zero-length bars.
     */
    static int[] lengths(List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        int[] out = new int[bars.size()];
        for (int i = 0; i < out.length; i++) {
            double v = bars.get(i).value();
            out[i] = max == 0 ? 0 : (int) Math.max(v > 0 ? 1 : 0, Math.round(v / max * BAR_MAX));
        }
        return out;
    }

    /**
     * The chart as an {@code <svg>} element. With no bars it still has its title and description, and says {@code
     * noData} in place of bars.
     *
     * @param id     the element id; {@code id-title} and {@code id-desc} name its title and description
     * @param title  the accessible name
     * @param desc   the accessible description (what is measured, in which unit)
     * @param noData the text shown when there are no bars
     */
    public static String render(String id, String title, String desc, String noData, List<Bar> bars) {
        int[] len = lengths(bars);
        int height = PAD * 2 + ROW * Math.max(1, bars.size());
        String eid = escape(id);
        StringBuilder b = new StringBuilder(256 + 200 * bars.size());
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"")
                .append(eid)
                .append("\" class=\"chart\" role=\"img\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" aria-labelledby=\"")
                .append(eid)
                .append("-title ")
                .append(eid)
                .append("-desc\">");
        b.append("<title id=\"")
                .append(eid)
                .append("-title\">")
                .append(escape(title))
                .append("</title>");
        b.append("<desc id=\"")
                .append(eid)
                .append("-desc\">")
                .append(escape(desc))
                .append("</desc>");
        if (bars.isEmpty()) {
            b.append("<text class=\"no-data\" x=\"")
                    .append(PAD)
                    .append("\" y=\"")
                    .append(PAD + ROW / 2 + 5)
                    .append("\" fill=\"#1a1a1a\">")
                    .append(escape(noData))
                    .append("</text>");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = PAD + i * ROW;
            int textY = y + BAR_HEIGHT / 2 + 5;
            b.append("<g class=\"bar\">");
            b.append("<text x=\"")
                    .append(LABEL_WIDTH - PAD)
                    .append("\" y=\"")
                    .append(textY)
                    .append("\" text-anchor=\"end\" fill=\"#1a1a1a\">")
                    .append(escape(bar.label()))
                    .append("</text>");
            // #0b4f9c on white is 8.3:1, above the 3:1 WCAG 2.2 1.4.11 asks of graphical objects.
            b.append("<rect x=\"")
                    .append(LABEL_WIDTH)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(len[i])
                    .append("\" height=\"")
                    .append(BAR_HEIGHT)
                    .append("\" fill=\"#0b4f9c\" data-value=\"")
                    .append(String.format(Locale.ROOT, "%.3f", bar.value()))
                    .append("\"/>");
            b.append("<text x=\"")
                    .append(LABEL_WIDTH + len[i] + PAD)
                    .append("\" y=\"")
                    .append(textY)
                    .append("\" fill=\"#1a1a1a\">")
                    .append(escape(bar.valueText()))
                    .append("</text>");
            b.append("</g>");
        }
        return b.append("</svg>").toString();
    }

    /** XML/HTML escaping for text and attribute values (the five characters XML 1.0 §2.4 reserves). */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
