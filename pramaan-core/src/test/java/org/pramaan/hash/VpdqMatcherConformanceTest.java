package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.testing.SharedTestData;

/**
 * Match percentages for all 256 ordered pairs of upstream's sample hashes, under both published
 * rules (testdata/vpdq/expected-match-cpp.csv from the C++ {@code match-hashes-brute}, and
 * expected-match-readme-rule.csv from the README/pytx rule). The files round to 2 decimals.
 */
class VpdqMatcherConformanceTest {
    private static final Path DATA = SharedTestData.folder("vpdq");
    private final Map<String, List<VpdqFrame>> hashes = new HashMap<>();

    @Test
    void cppBruteForcePercentages() throws IOException {
        check("expected-match-cpp.csv", VpdqMatchRule.CPP_BRUTE);
    }

    @Test
    void readmeRulePercentages() throws IOException {
        check("expected-match-readme-rule.csv", VpdqMatchRule.README_UNIQUE_HASHES);
    }

    private void check(String csv, VpdqMatchRule rule) throws IOException {
        VpdqMatcher matcher = new VpdqMatcher(31, rule, VpdqAligner.defaults());
        List<String> rows = Files.readAllLines(DATA.resolve(csv));
        assertThat(rows.get(0)).isEqualTo("query,target,query_match_pct,target_match_pct");
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) continue;
            String[] f = row.split(",");
            VpdqMatch m = matcher.match(load(f[0]), load(f[1]));
            assertThat(m.queryMatchPercent())
                    .as(rule + " query % of " + f[0] + " vs " + f[1])
                    .isCloseTo(Double.parseDouble(f[2]), within(0.0051));
            assertThat(m.storedMatchPercent())
                    .as(rule + " target % of " + f[0] + " vs " + f[1])
                    .isCloseTo(Double.parseDouble(f[3]), within(0.0051));
            checked++;
        }
        assertThat(checked).isEqualTo(256);
    }

    private List<VpdqFrame> load(String relative) {
        return hashes.computeIfAbsent(relative, r -> {
            try {
                return Files.readAllLines(DATA.resolve(r)).stream()
                        .filter(l -> !l.isBlank())
                        .map(VpdqFrame::parseReferenceLine)
                        .toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
