package org.pramaan.reports;

import org.pramaan.errors.Invalid;

/** How a generated report is written. */
public enum ReportFormat {
    /** Every figure with its ids and basis (the traceable form). */
    JSON("json", "application/json"),
    /** One row per figure in the template's order: section, indicator, value. */
    CSV("csv", "text/csv; charset=utf-8"),
    /** The human report: tables and SVG charts, well-formed XHTML so a PDF renderer can read it. */
    HTML("html", "text/html; charset=utf-8"),
    /** The human report as PDF, laid out from the HTML by a {@link PdfRenderer}. */
    PDF("pdf", "application/pdf");

    private final String wireName;
    private final String mediaType;

    ReportFormat(String wireName, String mediaType) {
        this.wireName = wireName;
        this.mediaType = mediaType;
    }

    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    public static ReportFormat parse(String s) {
        for (ReportFormat f : values()) if (f.wireName.equals(s)) return f;
        String shown = s.length() <= 16 ? s : s.substring(0, 16) + "…";
        throw new Invalid("format", "unknown report format '" + shown + "': use json, csv, html or pdf");
    }
}
