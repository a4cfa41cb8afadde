package org.pramaan.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.testkit.FakeClock;

/** The token bucket's arithmetic on a fake clock, and the address table's bound under a flood of new addresses. */
class RateLimiterTest {
    private final FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");

    @Test
    void aBucketGivesItsBurstThenOneTokenPerIntervalWithExactWaits() {
        RateLimiter.Bucket b = new RateLimiter.Bucket(new RateLimiter.Limit(4, 2), clock.millis());
        assertThat(b.take(clock.millis())).isZero();
        assertThat(b.take(clock.millis())).isZero();
        assertThat(b.take(clock.millis())).isEqualTo(0.25);
        clock.advance(Duration.ofMillis(249));
        assertThat(b.take(clock.millis())).isEqualTo(0.001);
        clock.advance(Duration.ofMillis(1));
        assertThat(b.take(clock.millis())).isZero();
        assertThat(b.isFull(clock.millis())).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(b.isFull(clock.millis()))
                .as("refilled, but never past the burst")
                .isTrue();
        assertThat(b.take(clock.millis())).isZero();
        assertThat(b.take(clock.millis())).isZero();
        assertThat(b.take(clock.millis())).isPositive();
    }

    @Test
    void aClockThatStepsBackNeitherRefillsNorBreaks() {
        RateLimiter.Bucket b = new RateLimiter.Bucket(new RateLimiter.Limit(1, 1), clock.millis());
        assertThat(b.take(clock.millis())).isZero();
        clock.advance(Duration.ofHours(-1));
        assertThat(b.take(clock.millis())).isPositive();
    }

    @Test
    void aFloodOfNewAddressesCannotGrowTheTableWithoutBound() {
        RateLimiter limiter = new RateLimiter(RateLimiter.Settings.defaults(), clock);
        for (int i = 0; i < RateLimiter.MAX_ADDRESSES * 2; i++) {
            // Each address fails once, so its bucket is not full and cannot simply be evicted.
            limiter.addressBucket("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255))
                    .take(clock.millis());
        }
        assertThat(limiter.trackedAddresses()).isLessThanOrEqualTo(RateLimiter.MAX_ADDRESSES + 1);
        clock.advance(Duration.ofHours(1));
        limiter.addressBucket("192.0.2.1");
        assertThat(limiter.trackedAddresses())
                .as("refilled buckets are dropped to make room")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void limitsAreRangeChecked() {
        assertThatThrownBy(() -> new RateLimiter.Limit(0, 10)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new RateLimiter.Limit(Double.NaN, 10)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new RateLimiter.Limit(1, 0.5)).hasMessageContaining("burst");
    }
}
