package org.pramaan.provenance.c2pa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The report JSON's spellings that the live interop suite found differing from the reference's. */
class StoreJsonTest {
    @Test
    void signingTimesAreWrittenAsTheReferenceWritesThem() {
        assertThat(StoreJson.rfc3339(Instant.parse("2024-08-06T21:53:37Z"))).isEqualTo("2024-08-06T21:53:37+00:00");
        assertThat(StoreJson.rfc3339(Instant.parse("2024-08-06T21:53:37.120Z")))
                .isEqualTo("2024-08-06T21:53:37.120+00:00");
        assertThat(StoreJson.rfc3339(Instant.parse("2024-08-06T21:53:37.000450Z")))
                .isEqualTo("2024-08-06T21:53:37.000450+00:00");
        assertThat(StoreJson.rfc3339(Instant.parse("2024-08-06T21:53:37.000000007Z")))
                .isEqualTo("2024-08-06T21:53:37.000000007+00:00");
    }
}
