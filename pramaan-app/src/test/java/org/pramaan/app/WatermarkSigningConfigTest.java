package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.pramaan.watermark.WatermarkKey;

/** watermark.signing-key and watermark.operator-id (issue 14 item 2): defaults and refusals naming the key. */
class WatermarkSigningConfigTest {
    private static final String KEYS = "gen1:MDEyMzQ1Njc4OWFiY2RlZg==,other:ZmVkY2JhOTg3NjU0MzIxMA==";

    private static PramaanConfig load(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("PRAMAAN_DATA_DIR", "/tmp/pramaan-wm-config"));
        all.putAll(env);
        return PramaanConfig.load(all, new Properties());
    }

    @Test
    void generationsAreWatermarkedOnlyWithTheNamedKeyAndOperator() {
        var none = load(Map.of("PRAMAAN_WATERMARK_KEYS", KEYS)).provenance();
        assertThat(none.watermarkSigning())
                .as("detection keys alone do not mark generations")
                .isEmpty();
        assertThat(none.watermarkOperator()).isZero();
        var set = load(Map.of(
                        "PRAMAAN_WATERMARK_KEYS", KEYS,
                        "PRAMAAN_WATERMARK_SIGNING_KEY", "other",
                        "PRAMAAN_WATERMARK_OPERATOR_ID", "4095"))
                .provenance();
        assertThat(set.watermarkSigning()).map(WatermarkKey::id).contains("other");
        assertThat(set.watermarkOperator()).isEqualTo(4095);
    }

    @Test
    void anUnknownKeyOrAnOperatorOutOfRangeStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_WATERMARK_KEYS", KEYS, "PRAMAAN_WATERMARK_SIGNING_KEY", "gen2")))
                .hasMessageContaining("watermark.signing-key")
                .hasMessageContaining("names no key of watermark.keys");
        assertThatThrownBy(() -> load(Map.of(
                        "PRAMAAN_WATERMARK_KEYS", KEYS,
                        "PRAMAAN_WATERMARK_SIGNING_KEY", "gen1",
                        "PRAMAAN_WATERMARK_OPERATOR_ID", "4096")))
                .hasMessageContaining("watermark.operator-id");
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_WATERMARK_OPERATOR_ID", "1.5")))
                .hasMessageContaining("watermark.operator-id");
    }
}
