package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.idempotency.IdempotencyEntry;
import org.pramaan.idempotency.IdempotencyStore;
import org.pramaan.idempotency.IdempotentRequests;
import org.pramaan.idempotency.IdempotentRequests.Outcome;
import org.pramaan.idempotency.StoredResponse;
import org.pramaan.testkit.FakeClock;

/**
 * Contract for {@link IdempotencyStore} adapters, through the {@link IdempotentRequests} use case
 * where the behaviour is the use case's (replay, conflict, scoping, expiry on a fake clock).
 */
public abstract class IdempotencyStoreContract {
    @TempDir
    protected Path dir;

    /** A store; called again on the same {@code dir} to reopen it (a restart). */
    protected abstract IdempotencyStore createStore(Path dir);

    private static final Duration DAY = Duration.ofHours(24);
    private static final StoredResponse CREATED =
            new StoredResponse(201, "application/json", "{\"id\":\"IN-1\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void claimIsExclusiveAndCompletedResponseIsKeptByteForByte() {
        IdempotencyStore store = createStore(dir);
        IdempotencyEntry first = IdempotencyEntry.running("k1", "abc", "fp", "p1", Samples.T0, Samples.T0.plus(DAY));
        assertThat(store.claim(first, Samples.T0)).isEmpty();
        assertThat(store.claim(
                        IdempotencyEntry.running("k1", "abc", "other", "p2", Samples.T0, Samples.T0.plus(DAY)),
                        Samples.T0))
                .contains(first);
        assertThat(store.complete("k1", "abc", "p2", CREATED))
                .as("only the owner completes")
                .isFalse();
        assertThat(store.complete("k1", "abc", "p1", CREATED)).isTrue();
        IdempotencyEntry done = store.find("k1", "abc").orElseThrow();
        assertThat(done.state()).isEqualTo(IdempotencyEntry.State.DONE);
        assertThat(done.response()).contains(CREATED);
        assertThat(store.complete("k1", "abc", "p1", CREATED))
                .as("a DONE entry is not completed twice")
                .isFalse();
    }

    @Test
    void sameKeyAndRequestReplaysDifferentRequestConflicts() {
        FakeClock clock = new FakeClock(Samples.T0);
        IdempotentRequests requests = new IdempotentRequests(createStore(dir), clock, DAY);
        Outcome first = requests.begin("key-a", "retry-1", "fp-notice");
        assertThat(first).isInstanceOf(Outcome.Proceed.class);
        assertThat(requests.begin("key-a", "retry-1", "fp-notice"))
                .as("while the first runs")
                .isEqualTo(new Outcome.InProgress("retry-1"));
        requests.complete((Outcome.Proceed) first, CREATED);
        assertThat(requests.begin("key-a", "retry-1", "fp-notice")).isEqualTo(new Outcome.Replay(CREATED));
        assertThat(requests.begin("key-a", "retry-1", "fp-other-body")).isEqualTo(new Outcome.Conflict("retry-1"));
    }

    @Test
    void keysAreScopedPerApiKey() {
        IdempotentRequests requests = new IdempotentRequests(createStore(dir), new FakeClock(Samples.T0), DAY);
        Outcome a = requests.begin("key-a", "same", "fp");
        requests.complete((Outcome.Proceed) a, CREATED);
        assertThat(requests.begin("key-b", "same", "fp"))
                .as("another API key's identical key is its own")
                .isInstanceOf(Outcome.Proceed.class);
    }

    @Test
    void releasedKeyMayBeRetried() {
        IdempotentRequests requests = new IdempotentRequests(createStore(dir), new FakeClock(Samples.T0), DAY);
        Outcome refused = requests.begin("key-a", "k", "fp-bad");
        requests.release((Outcome.Proceed) refused);
        assertThat(requests.begin("key-a", "k", "fp-corrected")).isInstanceOf(Outcome.Proceed.class);
    }

    @Test
    void keptForTheRetentionThenSweptAndFree() {
        FakeClock clock = new FakeClock(Samples.T0);
        IdempotencyStore store = createStore(dir);
        IdempotentRequests requests = new IdempotentRequests(store, clock, DAY);
        requests.complete((Outcome.Proceed) requests.begin("key-a", "k", "fp"), CREATED);
        clock.advance(DAY.minusSeconds(1));
        assertThat(requests.sweep()).isZero();
        assertThat(requests.begin("key-a", "k", "fp")).as("kept for 24 h").isEqualTo(new Outcome.Replay(CREATED));
        clock.advance(Duration.ofSeconds(1));
        assertThat(requests.begin("key-a", "k", "fp-new"))
                .as("an expired key is free even before the sweep")
                .isInstanceOf(Outcome.Proceed.class);
        clock.advance(DAY);
        assertThat(requests.sweep()).isEqualTo(1);
        assertThat(store.find("key-a", "k")).isEmpty();
    }

    @Test
    void afterACrashAnUnmarkedClaimRunsOnceAndAMarkedOneIsNeverRunAgain() throws Exception {
        FakeClock clock = new FakeClock(Samples.T0);
        IdempotentRequests before = new IdempotentRequests(createStore(dir), clock, DAY);
        Outcome.Proceed noEffect = (Outcome.Proceed) before.begin("key-a", "not-yet", "fp");
        Outcome.Proceed effect = (Outcome.Proceed) before.begin("key-a", "took-effect", "fp");
        org.pramaan.tx.UnitOfWork audited = before.marking(new org.pramaan.testkit.memory.MemoryUnitOfWork());
        before.within(effect, () -> audited.run(() -> "the effect and its audit entry"));
        audited.run(() -> "outside any request: marks nothing");
        // SIGKILL here: neither response was stored. A new process (another owner) reopens the store.
        IdempotentRequests after = new IdempotentRequests(createStore(dir), clock, DAY);
        assertThat(after.begin("key-a", "not-yet", "fp"))
                .as("nothing took effect: run it")
                .isEqualTo(new Outcome.Proceed("key-a", "not-yet"));
        assertThat(after.begin("key-a", "not-yet", "fp"))
                .as("and only once")
                .isEqualTo(new Outcome.InProgress("not-yet"));
        assertThat(after.begin("key-a", "took-effect", "fp")).isEqualTo(new Outcome.Interrupted("took-effect"));
        assertThat(after.begin("key-a", "took-effect", "fp-other")).isEqualTo(new Outcome.Conflict("took-effect"));
        assertThat(noEffect.key()).isEqualTo("not-yet");
    }

    @Test
    void aFailedRequestThatTookEffectKeepsItsClaim() throws Exception {
        IdempotencyStore store = createStore(dir);
        IdempotentRequests requests = new IdempotentRequests(store, new FakeClock(Samples.T0), DAY);
        Outcome.Proceed p = (Outcome.Proceed) requests.begin("key-a", "k", "fp");
        requests.within(
                p,
                () -> requests.marking(new org.pramaan.testkit.memory.MemoryUnitOfWork())
                        .run(() -> 1));
        requests.release(p);
        assertThat(store.find("key-a", "k").orElseThrow().state()).isEqualTo(IdempotencyEntry.State.COMMITTED);
        assertThat(requests.begin("key-a", "k", "fp")).isEqualTo(new Outcome.Interrupted("k"));
    }

    @Test
    void retentionBelowADayIsRefused() {
        assertThatThrownBy(() ->
                        new IdempotentRequests(createStore(dir), new FakeClock(Instant.EPOCH), Duration.ofHours(23)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT24H");
    }
}
