package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;

/**
 * The SVG and {@code dcterms:provenance} scanners (plain code since issue 11 defect 2) find what the
 * old expressions found, kept here as the oracle, and stay linear on the shapes that made those cubic.
 */
class StoreCarriersScanTest {
    private static final Pattern OLD_SVG =
            Pattern.compile("<c2pa:manifest>\\s*([A-Za-z0-9+/=\\s]+?)\\s*</c2pa:manifest>");
    private static final Pattern OLD_PROVENANCE = Pattern.compile("dcterms:provenance(?:=\"([^\"]+)\"|>([^<]+)<)");
    private final Random random = new Random(2);

    private static Optional<String> oldSvg(String text) {
        Matcher m = OLD_SVG.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> oldProvenance(String text) {
        Matcher m = OLD_PROVENANCE.matcher(text);
        while (m.find()) {
            String url = (m.group(1) != null ? m.group(1) : m.group(2)).trim();
            if (url.startsWith("http://") || url.startsWith("https://")) return Optional.of(url);
        }
        return Optional.empty();
    }

    @Test
    void svgScannerFindsWhatTheOldExpressionFound() {
        String[] tokens = {
            "<c2pa:manifest>",
            "</c2pa:manifest>",
            " ",
            "\n",
            "\t",
            "QUJD",
            "=",
            "+/",
            "<",
            "x",
            "</c2pa:manifest",
            "<svg>",
            "é"
        };
        List<String> inputs = new ArrayList<>(List.of(
                "",
                "<c2pa:manifest></c2pa:manifest>",
                "<c2pa:manifest> </c2pa:manifest>",
                "<c2pa:manifest>  \n </c2pa:manifest>",
                "<c2pa:manifest> QUJD </c2pa:manifest>",
                "<c2pa:manifest>QU<JD</c2pa:manifest><c2pa:manifest>QUJD</c2pa:manifest>",
                "<c2pa:manifest><c2pa:manifest>QUJD\n</c2pa:manifest>",
                "<c2pa:manifest>" + " ".repeat(100)));
        for (int i = 0; i < 20_000; i++) inputs.add(org.pramaan.testing.RandomText.of(random, tokens, 10));
        for (String s : inputs)
            assertThat(StoreCarriers.svgManifest(s)).as("input '%s'", s).isEqualTo(oldSvg(s));
    }

    @Test
    void provenanceScannerFindsWhatTheOldExpressionFound() {
        String[] tokens = {
            "dcterms:provenance",
            "=\"",
            "\"",
            ">",
            "<",
            "http://a.org/m",
            " https://b.org/x ",
            "self#jumbf=/c2pa",
            "=",
            "x",
            " ",
            "\n"
        };
        List<String> inputs = new ArrayList<>(List.of(
                "",
                "dcterms:provenance=\"https://a.org/m.c2pa\"",
                "dcterms:provenance>https://a.org/m<",
                "dcterms:provenance=\"\"dcterms:provenance=\"http://x\"",
                "dcterms:provenance>self#jumbf=/c2pa/x<dcterms:provenance>http://y<",
                "dcterms:provenance=\"http://a dcterms:provenance=\"http://b\"",
                "dcterms:provenance>>http://z<"));
        for (int i = 0; i < 20_000; i++) inputs.add(org.pramaan.testing.RandomText.of(random, tokens, 10));
        for (String s : inputs)
            assertThat(StoreCarriers.remoteReference(s)).as("input '%s'", s).isEqualTo(oldProvenance(s));
    }

    @Test
    void hostileSvgIsScannedInLinearTime() throws Exception {
        // Issue 11 defect 2: 4,000 spaces after an unclosed <c2pa:manifest> took the old expression 53 s (cubic).
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata><c2pa:manifest>" + " ".repeat(200_000)
                        + "</metadata></svg>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(StoreCarriers.svg(MediaSource.of(svg)).store()).isEmpty();
        String provenance = "dcterms:provenance>".repeat(50_000) + "dcterms:provenance=\"".repeat(50_000);
        assertThat(StoreCarriers.remoteReference(provenance)).isEmpty();
        long ms = (cpu.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertThat(ms).as("CPU ms").isLessThan(2_000);
    }
}
