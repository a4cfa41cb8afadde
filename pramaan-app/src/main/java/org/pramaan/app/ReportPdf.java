package org.pramaan.app;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.pramaan.reports.Report;
import org.pramaan.reports.ReportHtml;

/**
 * The human report as PDF (issue 17): {@link ReportHtml}'s XHTML laid out by openhtmltopdf on PDFBox, its
 * SVG charts drawn through Batik, and the console's Noto Sans Devanagari embedded (subset) so the Hindi
 * heading and every Latin figure render from the document itself, not from fonts on the reader's machine.
 * Kept outside core: the renderer is a library with its own dependency tree.
 */
final class ReportPdf {
    static final String FONT = "/labels/fonts/NotoSansDevanagari-Regular.ttf";

    private ReportPdf() {}

    static byte[] render(Report report) {
        String html = ReportHtml.write(report);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useSVGDrawer(new BatikSVGDrawer());
            b.useFont(ReportPdf::font, ReportHtml.FONT_FAMILY);
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font() {
        InputStream in = ReportPdf.class.getResourceAsStream(FONT);
        if (in == null) throw new IllegalStateException("font " + FONT + " is missing from the class path");
        return in;
    }
}
