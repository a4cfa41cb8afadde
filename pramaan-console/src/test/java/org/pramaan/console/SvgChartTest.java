package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void theLargestValueGetsTheFullBarAndTheOthersTheirShare() {
        List<SvgChart.Bar> bars = List.of(
                new SvgChart.Bar("a", 120, "2:00:00"),
                new SvgChart.Bar("b", 30, "0:30:00"),
                new SvgChart.Bar("c", 90, "1:30:00"));
        // 330 units for the largest; 30/120 of 330 = 82.5 rounds to 83; 90/120 of 330 = 247.5 rounds to 248.
        assertThat(SvgChart.BAR_MAX).isEqualTo(330);
        assertThat(SvgChart.lengths(bars)).containsExactly(330, 83, 248);
        String svg = SvgChart.render("c1", "t", "d", "none", bars);
        assertThat(svg)
                .contains("width=\"" + SvgChart.BAR_MAX + "\" height=\"" + SvgChart.BAR_HEIGHT + "\"")
                .contains("width=\"83\" height=\"" + SvgChart.BAR_HEIGHT + "\"")
                .contains("width=\"248\" height=\"" + SvgChart.BAR_HEIGHT + "\"")
                .contains(">2:00:00</text>");
        assertThat(count(svg, "<rect ")).isEqualTo(3);
    }

    @Test
    void aTinyPositiveValueStillShowsAndZeroesDrawNothing() {
        assertThat(SvgChart.lengths(List.of(new SvgChart.Bar("a", 1000, ""), new SvgChart.Bar("b", 0.001, ""))))
                .containsExactly(SvgChart.BAR_MAX, 1);
        assertThat(SvgChart.lengths(List.of(new SvgChart.Bar("a", 0, ""), new SvgChart.Bar("b", 0, ""))))
                .containsExactly(0, 0);
    }

    @Test
    void emptyDataIsAChartWithItsNameAndANoDataTextButNoBars() {
        String svg = SvgChart.render("c2", "Median time", "what it shows", "No data yet", List.of());
        assertThat(svg)
                .startsWith("<svg ")
                .contains("role=\"img\"")
                .contains("aria-labelledby=\"c2-title c2-desc\"")
                .contains("<title id=\"c2-title\">Median time</title>")
                .contains("<desc id=\"c2-desc\">what it shows</desc>")
                .contains(">No data yet</text>")
                .doesNotContain("<rect")
                .endsWith("</svg>");
    }

    @Test
    void oneNoticeTypeFillsTheWholeBar() {
        String svg = SvgChart.render("c3", "t", "d", "none", List.of(new SvgChart.Bar("IN_3_2_B", 5, "0:05:00")));
        assertThat(count(svg, "<rect ")).isEqualTo(1);
        assertThat(svg).contains("width=\"" + SvgChart.BAR_MAX + "\"").contains(">IN_3_2_B</text>");
    }

    @Test
    void labelsTitlesAndIdsAreEscaped() {
        String svg = SvgChart.render(
                "x\"><script>",
                "<b>t</b>",
                "d & 'q'",
                "n",
                List.of(new SvgChart.Bar(
                        "<script>alert(1)</script>\"><img onerror=x>", 1, "</text><a href='javascript:x'>")));
        assertThat(svg)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<b>")
                .doesNotContain("<a ")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img onerror=x&gt;")
                .contains("d &amp; &#39;q&#39;")
                .contains("id=\"x&quot;&gt;&lt;script&gt;\"");
    }

    @Test
    void negativeOrNonFiniteValuesAreRefused() {
        assertThatThrownBy(() -> new SvgChart.Bar("a", -1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SvgChart.Bar("a", Double.NaN, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SvgChart.Bar("a", Double.POSITIVE_INFINITY, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
