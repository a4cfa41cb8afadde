package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Actor;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.intake.UploadContext;
import org.pramaan.reports.Charts;
import org.pramaan.reports.Figure;
import org.pramaan.reports.Report;
import org.pramaan.reports.ReportHtml;
import org.pramaan.reports.ReportKind;
import org.pramaan.reports.ReportPeriod;
import org.pramaan.reports.Section;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.TestImages;

/**
 * The human report as PDF (issue 17 "done when": the PDF is rendered to PNG in the test): a known month of
 * Indian notices (two removed within the 2 h of r.3(2)(b), one late, a grievance settled) laid out by
 * {@link ReportPdf}, its text read back with PDFBox (every figure, the Hindi heading, set in the embedded
 * Noto Sans Devanagari) and its pages rasterised by poppler's pdftoppm and looked at: no blank page, both
 * charts drawn in their colours. {@code -Dpramaan.reportSamples=DIR} also writes the HTML and PDF there
 * (how docs/reports/ was made).
 */
class ReportPdfTest {
    /**
     * Words of the Hindi heading that PDFBox reads back as typed. The whole heading is drawn shaped (the
     * pre-base vowel sign ि before its consonant, र्ट and प्र as conjunct glyphs), and those glyphs carry no
     * Unicode mapping in the text layer, so "मासिक" and "रिपोर्ट" extract in visual order, not as typed.
     */
    static final List<String> HINDI_WORDS = List.of("अनुपालन", "सूचना", "(घ)");
    /** Chart bar colours in {@link ReportHtml}: on time and late. */
    static final int BLUE = 0x3b6ea5;

    static final int RED = 0xb22222;

    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-10-31T12:00:00Z");
    Embedded app;

    @BeforeEach
    void open() throws Exception {
        app = new Embedded(ServerTestBase.config(dir, Map.of()), clock);
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** November 2026 in IST: four notices, three settled (one late against its 2 h), one still open. */
    Report november() throws Exception {
        String[][] notices = {
            {"2026-11-02T04:30:00Z", "IN_3_2_B_COMPLAINT", "REMOVE", "PT1H"},
            {"2026-11-02T09:00:00Z", "IN_3_2_B_COMPLAINT", "REMOVE", "PT20M"},
            {"2026-11-05T10:00:00Z", "IN_3_2_B_COMPLAINT", "REMOVE", "PT3H"},
            {"2026-11-10T10:00:00Z", "IN_3_2_A_GRIEVANCE", "ACKNOWLEDGE", "PT1H"},
            {"2026-11-20T10:00:00Z", "IN_3_2_B_COMPLAINT", "", ""},
        };
        int seed = 1;
        for (String[] n : notices) {
            clock.set(Instant.parse(n[0]).minusSeconds(60));
            Path f = Files.write(dir.resolve("u" + seed + ".png"), TestImages.png(TestImages.photo(120, 90, seed)));
            String media = app.intake()
                    .ingest(f, new UploadContext(Optional.of("user" + seed), Optional.empty(), Optional.empty()))
                    .media()
                    .id();
            seed++;
            clock.set(Instant.parse(n[0]));
            CaseFile c = app.cases().openCase(new NoticeRequest(n[1], media, Map.of(), Optional.empty()));
            if (n[2].isEmpty()) continue;
            clock.set(c.receivedAt().plus(Duration.parse(n[3])));
            app.cases().act(c.id(), CaseAction.valueOf(n[2]), Actor.key("rev1"), "report pdf test");
        }
        clock.set(Instant.parse("2026-12-02T00:00:00Z"));
        return app.reports()
                .compute(ReportKind.IN_MONTHLY, ReportPeriod.month("2026-11", ReportKind.IN_MONTHLY.zone()));
    }

    /** The words of a text, as the layout may break lines between any of them. */
    static List<String> words(String s) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || Character.isWhitespace(s.charAt(i))) {
                if (!w.isEmpty()) out.add(w.toString());
                w.setLength(0);
            } else w.append(s.charAt(i));
        }
        return out;
    }

    /**
     * The words as PDFBox reads them back: the renderer sets "fi", "fl" and "ff" as ligature glyphs that carry
     * no Unicode mapping, so those pairs drop out of the text layer ("field" reads "eld"; see the report).
     */
    static String[] unligated(List<String> words) {
        return words.stream()
                .map(w -> w.replace("ffi", "")
                        .replace("ffl", "")
                        .replace("ff", "")
                        .replace("fi", "")
                        .replace("fl", ""))
                .toArray(String[]::new);
    }

    /** PDFBox reads such a ligature glyph back as a stray letter (Latin Extended, IPA): kept are Latin-1 and Devanagari. */
    static List<String> readBack(List<String> words) {
        return words.stream()
                .map(w -> {
                    StringBuilder b = new StringBuilder(w.length());
                    for (int i = 0; i < w.length(); i++)
                        if (w.charAt(i) < 0x100 || (w.charAt(i) >= 0x900 && w.charAt(i) <= 0x97f))
                            b.append(w.charAt(i));
                    return b.toString();
                })
                .toList();
    }

    /** Without any white space: the layout breaks long labels and titles across lines. */
    static String squeezed(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) b.append(s.charAt(i));
        return b.toString();
    }

    @Test
    void thePdfCarriesEveryFigureAndTheHindiHeadingInTheEmbeddedFont() throws Exception {
        Report r = november();
        assertThat(r.charts().againstLimit().get(Charts.BUCKETS.size() - 1)).isEqualTo(1);
        byte[] pdf = ReportPdf.render(r);
        samples(r, pdf);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isPositive();
            String raw = new PDFTextStripper().getText(doc);
            String text = squeezed(raw);
            assertThat(text)
                    .contains(squeezed(ReportKind.IN_MONTHLY.title()))
                    .contains(HINDI_WORDS)
                    .contains("(Asia/Kolkata)")
                    .contains("2026-10-31T18:30:00Zto2026-11-30T18:30:00Z")
                    .contains("Generated2026-12-02T00:00:00Z")
                    .contains("Noticesreceivedperday")
                    .contains("Timetoactionagainstthelegallimit");
            // Rows in order, each with its label, value (or "not recorded") and basis. A long label or basis
            // wraps inside its cell and the text layer interleaves the cells' lines, so the check is on the
            // order of words: each row's first label word, then its value, then its basis's first word.
            List<String> read = readBack(words(raw));
            List<String> rows = new java.util.ArrayList<>();
            for (Section s : r.sections()) {
                assertThat(text).contains(squeezed(s.title()));
                for (Figure f : s.figures()) {
                    assertThat(read).as(f.key()).contains(unligated(words(f.label())));
                    assertThat(read).as(f.key()).contains(unligated(words(f.basis())));
                    rows.add(unligated(words(f.label()))[0]);
                    rows.addAll(words(f.shown()));
                    rows.add(unligated(words(f.basis()))[0]);
                }
            }
            assertThat(read).containsSubsequence(rows);
            // Every glyph drawn as text comes from a font embedded in the file (the console's Noto Sans
            // Devanagari), bold headings included: a reader's Helvetica has no Devanagari.
            Map<String, Boolean> fonts = new java.util.TreeMap<>();
            PDFTextStripper used = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    fonts.put(t.getFont().getName(), t.getFont().isEmbedded());
                    super.processTextPosition(t);
                }
            };
            used.getText(doc);
            assertThat(fonts)
                    .isNotEmpty()
                    .allSatisfy((name, embedded) ->
                            assertThat(embedded).as(name + " embedded").isTrue());
            assertThat(fonts.keySet()).allSatisfy(name -> assertThat(name).contains("NotoSans"));
        }
    }

    @Test
    void everyPageRasterisesWithPdftoppmAndShowsInkAndBothCharts() throws Exception {
        boolean present = Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "pdftoppm")));
        if (!"true".equals(System.getenv("CI")))
            Assumptions.assumeTrue(
                    present, "pdftoppm (Debian poppler-utils) is not installed: the report PDF is not rasterised");
        Path pdf = Files.write(dir.resolve("report.pdf"), ReportPdf.render(november()));
        Process p = new ProcessBuilder(
                        "pdftoppm",
                        "-png",
                        "-r",
                        "60",
                        pdf.toString(),
                        dir.resolve("page").toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();

        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            pages = doc.getNumberOfPages();
        }
        List<Path> pngs;
        try (Stream<Path> files = Files.list(dir)) {
            pngs = files.filter(f -> f.getFileName().toString().startsWith("page"))
                    .sorted()
                    .toList();
        }
        assertThat(pngs).hasSize(pages);
        for (Path png : pngs) {
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).as(png.toString()).isGreaterThan(300);
            // A page with text has a few per cent of its pixels inked; a blank one has none.
            assertThat(count(img, ReportPdfTest::inked))
                    .as("inked pixels on " + png)
                    .isGreaterThan(500);
        }
        BufferedImage first = ImageIO.read(pngs.get(0).toFile());
        assertThat(count(first, rgb -> near(rgb, BLUE))).as("on-time bars").isGreaterThan(50);
        assertThat(count(first, rgb -> near(rgb, RED))).as("the late bar").isGreaterThan(50);
    }

    /** Writes the samples under docs/reports/ when asked: {@code -Dpramaan.reportSamples=$PWD/docs/reports}. */
    static void samples(Report r, byte[] pdf) throws Exception {
        String to = System.getProperty("pramaan.reportSamples", "");
        if (to.isEmpty()) return;
        Path out = Files.createDirectories(Path.of(to));
        // All four from the one report, so the samples agree with each other cell for cell.
        Files.writeString(
                out.resolve("in-monthly-2026-11.json"),
                org.pramaan.reports.ReportWriter.write(r, org.pramaan.reports.ReportFormat.JSON));
        Files.writeString(
                out.resolve("in-monthly-2026-11.csv"),
                org.pramaan.reports.ReportWriter.write(r, org.pramaan.reports.ReportFormat.CSV));
        Files.writeString(out.resolve("in-monthly-2026-11.html"), ReportHtml.write(r));
        Files.write(out.resolve("in-monthly-2026-11.pdf"), pdf);
    }

    interface Pixel {
        boolean test(int rgb);
    }

    static long count(BufferedImage img, Pixel p) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if (p.test(img.getRGB(x, y) & 0xffffff)) n++;
        return n;
    }

    static boolean inked(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 160;
    }

    static boolean near(int rgb, int want) {
        for (int shift = 0; shift <= 16; shift += 8)
            if (Math.abs(((rgb >> shift) & 0xff) - ((want >> shift) & 0xff)) > 24) return false;
        return true;
    }
}
