package org.pramaan.app;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
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
    static final String LATIN = "/labels/fonts/NotoSans-Regular.ttf";

    private ReportPdf() {}

    static byte[] render(Report report) {
        String html = ReportHtml.write(report);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useSVGDrawer(new BatikSVGDrawer());
            // Latin from Noto Sans, Devanagari from Noto Sans Devanagari (the style sheet lists both; each glyph
            // falls back along the list), each also for bold (h1, h2, th): a face left unregistered falls back
            // to the PDF's built-in Helvetica, which is not embedded and has no Devanagari.
            for (int weight : new int[] {400, 700}) {
                b.useFont(
                        () -> font(LATIN), ReportHtml.LATIN_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
                b.useFont(() -> font(FONT), ReportHtml.FONT_FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String path) {
        InputStream in = ReportPdf.class.getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("font " + path + " is missing from the class path");
        return in;
    }
}
