package org.pramaan.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The human report's XHTML (issue 17): every figure with its label, value or "not recorded", unit and
 * basis; the period, its zone and the generation time; both charts; and text from data files (notice type
 * ids, categories) kept as text however hostile, so the document stays well-formed for the PDF renderer
 * and no markup or script can be smuggled into it.
 */
class ReportHtmlTest {
    static final String HOSTILE = "<script>alert('x')</script> & \"q\" ]]> <img src=x onerror=alert(1)>";

    static Report report(String label, String basis, Charts charts) {
        ReportPeriod nov = ReportPeriod.month("2026-11", ReportKind.IN_MONTHLY.zone());
        Section s = new Section(
                "1 <b>",
                "Complaints " + HOSTILE,
                "r.4(1)(d) " + HOSTILE,
                List.of(
                        new Figure("complaints.received", label, Optional.of(42L), Figure.COUNT, List.of("c1"), basis),
                        new Figure(
                                "time_to_action.median_seconds",
                                "Median time to action",
                                Optional.of(3600L),
                                Figure.SECONDS,
                                List.of(),
                                "median of settled cases"),
                        new Figure(
                                "orders.received",
                                "Orders received",
                                Optional.empty(),
                                Figure.COUNT,
                                List.of(),
                                "Pramaan records no orders")));
        return new Report(ReportKind.IN_MONTHLY, nov, Instant.parse("2026-12-02T00:00:00Z"), List.of(s), charts);
    }

    static Charts charts(long late) {
        List<Charts.Day> days = new ArrayList<>();
        for (int d = 1; d <= 30; d++) days.add(new Charts.Day(LocalDate.of(2026, 11, d), d % 3));
        return new Charts(days, List.of(4L, 3L, 2L, 1L, late));
    }

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> cells(Document doc) {
        NodeList tds = doc.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "td");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tds.getLength(); i++) out.add(tds.item(i).getTextContent());
        return out;
    }

    @Test
    void hostileLabelsStayTextAndTheDocumentStaysWellFormed() throws Exception {
        String html = ReportHtml.write(report("Received " + HOSTILE, "basis " + HOSTILE, charts(0)));

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>");
        Document doc = parse(html); // throws if a label broke the markup
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("*", "img").getLength()).isZero();
        // The exact text comes back out of the parsed document: escaped, not dropped or mangled.
        assertThat(cells(doc)).contains("Received " + HOSTILE, "basis " + HOSTILE);
        assertThat(doc.getDocumentElement().getTextContent())
                .contains("Complaints " + HOSTILE)
                .contains("r.4(1)(d) " + HOSTILE);
    }

    @Test
    void everyFigureShowsItsLabelValueOrNotRecordedUnitAndBasis() throws Exception {
        Document doc =
                parse(ReportHtml.write(report("Complaints received", "notices received in the month", charts(1))));
        List<String> cells = cells(doc);

        assertThat(cells)
                .containsSubsequence("Complaints received", "42", "notices received in the month")
                .containsSubsequence("Median time to action", "3600 s", "median of settled cases")
                .containsSubsequence("Orders received", Figure.NOT_RECORDED, "Pramaan records no orders");
        assertThat(cells).doesNotContain("0"); // a figure without data is never shown as zero
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text)
                .contains(ReportKind.IN_MONTHLY.title())
                .contains("2026-10-31T18:30:00Z") // 1 November 00:00 IST
                .contains("2026-11-30T18:30:00Z")
                .contains("Asia/Kolkata")
                .contains("Generated 2026-12-02T00:00:00Z")
                .contains("मासिक अनुपालन रिपोर्ट");
    }

    @Test
    void bothChartsAreInlineSvgWithEveryDayAndTheLateBarPastTheLimitLine() throws Exception {
        Document doc = parse(ReportHtml.write(report("Complaints received", "b", charts(5))));
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isEqualTo(2);

        Element perDay = (Element) svgs.item(0);
        assertThat(perDay.getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(30);
        assertThat(perDay.getTextContent()).contains("2026-11-01", "2026-11-30", "max 2 per day");

        Element limit = (Element) svgs.item(1);
        NodeList bars = limit.getElementsByTagNameNS("*", "rect");
        assertThat(bars.getLength()).isEqualTo(Charts.BUCKETS.size());
        Element late = (Element) bars.item(bars.getLength() - 1);
        assertThat(late.getAttribute("fill")).isEqualTo("#b22222");
        Element line = (Element) limit.getElementsByTagNameNS("*", "line").item(0);
        assertThat(Double.parseDouble(late.getAttribute("x")))
                .isGreaterThan(Double.parseDouble(line.getAttribute("x1")));
        // The tallest bucket (late, 5) reaches the full bar height; the others scale to it.
        assertThat(Double.parseDouble(late.getAttribute("height")))
                .isGreaterThan(Double.parseDouble(((Element) bars.item(0)).getAttribute("height")));
        assertThat(limit.getTextContent()).contains("late: 5", "legal limit");
    }
}
