package org.pramaan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.access.Principal;
import org.pramaan.access.Role;
import org.pramaan.testkit.FakeClock;

class SessionsTest {
    final FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");
    final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(2));
    final Principal reviewer = new Principal("abc123abc123", Role.REVIEWER, "rita");

    @Test
    void idsAndCsrfTokensAreRandom256BitValues() {
        var a = sessions.open(reviewer, "en");
        var b = sessions.open(reviewer, "en");
        assertThat(a.id()).hasSize(64).isNotEqualTo(b.id()).isNotEqualTo(a.csrf());
        assertThat(a.csrf()).hasSize(64).isNotEqualTo(b.csrf());
    }

    @Test
    void aBusySessionStillEndsAtItsAbsoluteLifetime() {
        var s = sessions.open(reviewer, "en");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.touch(s.id())).as("after %d min", (i + 1) * 20).isPresent();
        }
        clock.advance(Duration.ofMinutes(20)); // 2 h after sign-in, used every 20 min
        assertThat(sessions.touch(s.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void idleTimeoutAndSignOutEndASession() {
        var s = sessions.open(reviewer, "en");
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.touch(s.id())).isEmpty();
        var t = sessions.open(reviewer, "hi");
        sessions.close(t.id());
        assertThat(sessions.touch(t.id())).isEmpty();
    }

    @Test
    void foreignCookieValuesAreNotLookedUp() {
        assertThat(sessions.touch(null)).isEmpty();
        assertThat(sessions.touch("x".repeat(100_000))).isEmpty();
        assertThat(sessions.touch("")).isEmpty();
    }

    @Test
    void aLifetimeShorterThanTheIdleTimeoutIsRefused() {
        assertThatThrownBy(() -> new Sessions(clock, Duration.ofHours(1), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter than idle");
    }
}
