package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code likeness.refresh-ms} (issue 16): 1 s by default, a whole number of 0..3600000 ms, anything else refused. */
class LikenessRefreshConfigTest {
    @Test
    void defaultsToOneSecondTakesAWholeNumberAndRefusesTheRestNamingTheKey() {
        assertThat(PramaanConfig.load(Map.of(), new Properties()).detect().likenessRefresh())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(PramaanConfig.load(Map.of("PRAMAAN_LIKENESS_REFRESH_MS", "0"), new Properties())
                        .detect()
                        .likenessRefresh())
                .isZero();
        assertThat(PramaanConfig.load(Map.of("PRAMAAN_LIKENESS_REFRESH_MS", "250"), new Properties())
                        .detect()
                        .likenessRefresh())
                .isEqualTo(Duration.ofMillis(250));
        for (String bad : new String[] {"-1", "3600001", "1s", "1.5", "9999999999999999999999"})
            assertThatThrownBy(() -> PramaanConfig.load(Map.of("PRAMAAN_LIKENESS_REFRESH_MS", bad), new Properties()))
                    .as(bad)
                    .hasMessageContaining("likeness.refresh-ms");
    }
}
