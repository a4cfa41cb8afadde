package org.pramaan.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.json.Json;

/** Writes a report as JSON (every figure with the ids behind it) or CSV (one row per figure). */
public final class ReportWriter {
    static final String CSV_HEADER =
            "report,period_from,period_to,zone,section,section_title,indicator,label,value,unit,records";

    private ReportWriter() {}

    public static String write(Report r, ReportFormat format) {
        return switch (format) {
            case JSON -> Json.write(view(r));
            case CSV -> csv(r);
            case HTML -> ReportHtml.write(r);
            case PDF -> throw new IllegalArgumentException("a PDF is laid out by a PdfRenderer, not written as text");
        };
    }

    /** The JSON shape: figures keep their order inside each section; a missing value is the string "not recorded". */
    public static Map<String, Object> view(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind().wireName());
        m.put("title", r.kind().title());
        m.put("jurisdiction", r.kind().jurisdiction());
        m.put(
                "period",
                Map.of(
                        "from", r.period().from().toString(),
                        "to", r.period().to().toString(),
                        "zone", r.period().zone().getId(),
                        "label", r.period().label()));
        m.put("generatedAt", r.generatedAt().toString());
        List<Object> sections = new ArrayList<>();
        for (Section s : r.sections()) {
            List<Object> figures = new ArrayList<>();
            for (Figure f : s.figures()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("key", f.key());
                fm.put("label", f.label());
                fm.put("value", f.value().<Object>map(v -> v).orElse(Figure.NOT_RECORDED));
                fm.put("unit", f.unit());
                fm.put("ids", f.ids());
                fm.put("basis", f.basis());
                figures.add(fm);
            }
            sections.add(Map.of("key", s.key(), "title", s.title(), "basis", s.basis(), "figures", figures));
        }
        m.put("sections", sections);
        m.put(
                "charts",
                Map.of(
                        "receivedPerDay",
                        r.charts().received().stream()
                                .map(d -> Map.of("date", d.date().toString(), "count", d.count()))
                                .toList(),
                        "timeAgainstLimit",
                        Map.of("buckets", Charts.BUCKETS, "counts", r.charts().againstLimit())));
        return m;
    }

    private static String csv(Report r) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Section s : r.sections()) {
            for (Figure f : s.figures()) {
                List<String> cells = List.of(
                        r.kind().wireName(),
                        r.period().from().toString(),
                        r.period().to().toString(),
                        r.period().zone().getId(),
                        s.key(),
                        s.title(),
                        f.key(),
                        f.label(),
                        f.shown(),
                        f.unit(),
                        String.valueOf(f.ids().size()));
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) b.append(',');
                    b.append(cell(cells.get(i)));
                }
                b.append("\r\n");
            }
        }
        return b.toString();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
    static String cell(String v) {
        String s = !v.isEmpty() && "=+@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
