package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Role;
import org.pramaan.http.RateLimiter;

/** Rate-limit and log-format settings: defaults, overrides, and bad values refused at start-up naming the key. */
class OperatorConfigTest {
    private static PramaanConfig load(Map<String, String> env) {
        return PramaanConfig.load(env, new Properties());
    }

    @Test
    void defaultsLimitEveryRoleAndLogAsText() {
        PramaanConfig c = load(Map.of());
        RateLimiter.Settings r = c.http().rateLimits();
        assertThat(r.enabled()).isTrue();
        assertThat(r.perRole().get(Role.ADMIN)).isEqualTo(new RateLimiter.Limit(20, 600));
        assertThat(r.perRole().get(Role.REVIEWER)).isEqualTo(new RateLimiter.Limit(20, 600));
        assertThat(r.perRole().get(Role.INGEST)).isEqualTo(new RateLimiter.Limit(100, 3000));
        assertThat(r.authFailures()).isEqualTo(new RateLimiter.Limit(5, 300));
        assertThat(c.http().logFormat()).isEqualTo("text");
    }

    @Test
    void overridesApplyPerRole() {
        PramaanConfig c = load(Map.of(
                "PRAMAAN_HTTP_RATE_LIMIT_REVIEWER_PER_SECOND",
                "2.5",
                "PRAMAAN_HTTP_RATE_LIMIT_REVIEWER_BURST",
                "10",
                "PRAMAAN_HTTP_RATE_LIMIT_ENABLED",
                "false",
                "PRAMAAN_LOG_FORMAT",
                "json"));
        assertThat(c.http().rateLimits().perRole().get(Role.REVIEWER)).isEqualTo(new RateLimiter.Limit(2.5, 10));
        assertThat(c.http().rateLimits().enabled()).isFalse();
        assertThat(c.http().logFormat()).isEqualTo("json");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_HTTP_RATE_LIMIT_INGEST_BURST", "0")))
                .hasMessageContaining("http.rate-limit.ingest.burst='0'")
                .hasMessageContaining("between 1 and 1000000");
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_HTTP_RATE_LIMIT_INGEST_BURST", "10.5")))
                .hasMessageContaining("http.rate-limit.ingest.burst")
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_HTTP_RATE_LIMIT_ADMIN_PER_SECOND", "NaN")))
                .hasMessageContaining("http.rate-limit.admin.per-second='NaN'");
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_HTTP_RATE_LIMIT_ADMIN_PER_SECOND", "-1")))
                .hasMessageContaining("http.rate-limit.admin.per-second");
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_HTTP_RATE_LIMIT_ENABLED", "yes")))
                .hasMessageContaining("http.rate-limit.enabled='yes'")
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> load(Map.of("PRAMAAN_LOG_FORMAT", "logfmt")))
                .hasMessageContaining("log.format='logfmt'");
    }
}
