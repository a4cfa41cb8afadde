package org.pramaan.testkit.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The id handed to {@code kafka-storage format -t}: a CI run failed once because a random id began with '-'. */
class KafkaBrokerClusterIdTest {
    @Test
    void neverStartsWithADashAndIsAUuidInUrlSafeBase64() {
        // With 1 in 64 ids starting with '-', 2,000 draws miss the case with probability (63/64)^2000 ≈ 2e-14.
        for (int i = 0; i < 2_000; i++) {
            String id = KafkaBroker.clusterId();
            assertThat(id).hasSize(22).doesNotStartWith("-");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        }
    }
}
