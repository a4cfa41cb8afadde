package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The generation.* keys (issue 14): defaults, and bad values stop start-up naming the key. */
class GenerationConfigTest {
    private static PramaanConfig load(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("PRAMAAN_DATA_DIR", "/tmp/pramaan-generation-config"));
        all.putAll(env);
        return PramaanConfig.load(all, new Properties());
    }

    @Test
    void defaultsKeepOnlyPromptDigestsForSixMonthsAndLeaveUnlabelledExportsToTheLabelProfiles() {
        var g = load(Map.of()).generation();
        assertThat(g.keepPrompts()).isFalse();
        assertThat(g.retention()).isEqualTo(Duration.ofDays(183));
        assertThat(g.filingNumber()).isEmpty();
        assertThat(g.unlabelledProfiles())
                .as("empty: the label profiles decide")
                .isEmpty();
        var set = load(Map.of(
                        "PRAMAAN_LABELS_FILING_NUMBER", "Beijing-Gen-2025-0001",
                        "PRAMAAN_GENERATION_RETENTION", "P365D",
                        "PRAMAAN_GENERATION_UNLABELLED_PROFILES", "cn, eu"))
                .generation();
        assertThat(set.filingNumber()).isEqualTo(Optional.of("Beijing-Gen-2025-0001"));
        assertThat(set.retention()).isEqualTo(Duration.ofDays(365));
        assertThat(set.unlabelledProfiles()).containsExactlyInAnyOrder("CN", "EU");
    }

    @Test
    void badValuesStopStartUpNamingTheKey() {
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_GENERATION_RETENTION", "P90D")))
                .hasMessageContaining("generation.retention")
                .hasMessageContaining("P183D");
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_GENERATION_KEEP_PROMPTS", "yes")))
                .hasMessageContaining("generation.keep-prompts");
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_GENERATION_UNLABELLED_PROFILES", "C1")))
                .hasMessageContaining("generation.unlabelled-profiles");
    }
}
