package org.pramaan.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pramaan.signals.GeneratorTraces;

/**
 * The metadata scanners that read text out of uploads (AUTOMATIC1111 parameters, XMP digital source
 * types) are plain code since issue 11; they find what the old expressions (the oracle here) found.
 */
class MetadataScanTest {
    private static final Pattern OLD_A1111 =
            Pattern.compile("(Steps|Sampler|CFG scale|Seed|Size|Model|Model hash|Version): ([^,\\n]+)");
    private static final Pattern OLD_DST =
            Pattern.compile("(http://cv\\.iptc\\.org/newscodes/digitalsourcetype/[A-Za-z]+)");
    private final Random random = new Random(5);

    @Test
    void a1111FieldsAreWhatTheOldExpressionFound() {
        String[] tokens = {
            "Steps",
            "Sampler",
            "CFG scale",
            "Seed",
            "Size",
            "Model",
            "Model hash",
            "Version",
            ": ",
            ":",
            ",",
            "\n",
            " ",
            "20",
            "Euler a",
            "S",
            "M"
        };
        List<String> inputs = new ArrayList<>(List.of(
                "",
                "a cat\nNegative prompt: dog\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, Model hash: abc, Model: sd15",
                "Model hash: x",
                "Steps: ",
                "Steps: ,Seed: 2",
                "SSteps: 3",
                "Model: Model hash: q"));
        for (int i = 0; i < 20_000; i++) inputs.add(org.pramaan.testing.RandomText.of(random, tokens, 12));
        for (String s : inputs) {
            Map<String, String> old = new LinkedHashMap<>();
            Matcher m = OLD_A1111.matcher(s);
            while (m.find())
                old.putIfAbsent(
                        m.group(1).toLowerCase(java.util.Locale.ROOT).replace(' ', '_'),
                        m.group(2).trim());
            Map<String, String> plain =
                    new LinkedHashMap<>(GeneratorTraces.a1111(s, "test").attributes());
            plain.remove("prompt");
            assertThat(plain).as("input '%s'", s).isEqualTo(old);
        }
    }

    @Test
    void digitalSourceTypesInBrokenXmpAreWhatTheOldExpressionFound() {
        String[] tokens = {
            "http://cv.iptc.org/newscodes/digitalsourcetype/",
            "trainedAlgorithmicMedia",
            "x",
            "/",
            " ",
            "<",
            "1",
            "http://cv.iptc.org/newscodes/"
        };
        List<String> inputs = new ArrayList<>(List.of(
                "",
                "http://cv.iptc.org/newscodes/digitalsourcetype/",
                "http://cv.iptc.org/newscodes/digitalsourcetype/a1b"));
        for (int i = 0; i < 20_000; i++) inputs.add(org.pramaan.testing.RandomText.of(random, tokens, 8));
        for (String s : inputs) {
            List<String> old = new ArrayList<>();
            Matcher m = OLD_DST.matcher(s);
            while (m.find()) old.add(m.group(1));
            assertThat(XmpReader.digitalSourceTypeUris(s)).as("input '%s'", s).isEqualTo(old);
        }
    }

    @Test
    void hostileMetadataTextIsScannedInLinearTime() {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        assertThat(GeneratorTraces.a1111Fields("Model hash".repeat(100_000))).isEmpty();
        assertThat(XmpReader.digitalSourceTypeUris("http://cv.iptc.org/newscodes/digitalsourcetype/1".repeat(20_000)))
                .isEmpty();
        // DigitalSourceTypes.code was replaceAll(".*[/#:]", ""), quadratic on a long line without a separator.
        assertThat(DigitalSourceTypes.code("a".repeat(200_000))).hasSize(200_000);
        long ms = (cpu.getCurrentThreadCpuTime() - start) / 1_000_000;
        assertThat(ms).as("CPU ms").isLessThan(2_000);
    }
}
