package org.pramaan.reports;

/** Port: lays a report out as PDF; the renderer is a library with its own dependencies, so it lives outside core. */
public interface PdfRenderer {
    /** The report as PDF bytes. */
    byte[] render(Report report);
}
