package org.pramaan.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.audit.AuditLog;
import org.pramaan.idempotency.IdempotencyEntry;
import org.pramaan.idempotency.IdempotentRequests;
import org.pramaan.testkit.FakeClock;

/** The idempotency mark commits and rolls back with the audited effect: the property a retry after SIGKILL relies on. */
class SqliteIdempotencyMarkTest {
    @TempDir
    Path dir;

    @Test
    void theMarkIsPartOfTheEffectsTransaction() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            FakeClock clock = FakeClock.at("2026-03-01T00:00:00Z");
            IdempotentRequests requests = new IdempotentRequests(store.idempotency(), clock, Duration.ofHours(24));
            var unit = store.database().unitOfWork();
            AuditLog audit = new AuditLog(store.audit(), clock, requests.marking(unit));
            var p = (IdempotentRequests.Outcome.Proceed) requests.begin("key-a", "k", "fp");
            requests.within(
                    p,
                    () -> assertThatThrownBy(() -> unit.run(() -> {
                                audit.append("case.opened", "case:X", Map.of());
                                throw new IllegalStateException("crash before commit");
                            }))
                            .hasMessageContaining("crash"));
            assertThat(store.idempotency().find("key-a", "k").orElseThrow().state())
                    .as("rolled back with the effect")
                    .isEqualTo(IdempotencyEntry.State.RUNNING);
            assertThat(store.audit().last()).isEmpty();
            requests.within(p, () -> unit.run(() -> audit.append("case.opened", "case:X", Map.of())));
            assertThat(store.idempotency().find("key-a", "k").orElseThrow().state())
                    .isEqualTo(IdempotencyEntry.State.COMMITTED);
        }
    }
    /** A response stored inside the effect's unit is kept or lost with the effect: a retry is replayed or runs again, never "interrupted". */
    @Test
    void aResponseStoredInTheEffectsUnitCommitsAndRollsBackWithIt() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            FakeClock clock = FakeClock.at("2026-03-01T00:00:00Z");
            IdempotentRequests requests = new IdempotentRequests(store.idempotency(), clock, Duration.ofHours(24));
            var unit = requests.marking(store.database().unitOfWork());
            AuditLog audit = new AuditLog(store.audit(), clock, unit);
            org.pramaan.idempotency.StoredResponse response =
                    new org.pramaan.idempotency.StoredResponse(201, "application/json", "{\"id\":\"X\"}".getBytes());
            var p = (IdempotentRequests.Outcome.Proceed) requests.begin("key-a", "k", "fp");
            requests.within(
                    p,
                    () -> assertThatThrownBy(() -> unit.run(() -> {
                                audit.append("case.opened", "case:X", Map.of());
                                assertThat(requests.completeInUnit(response)).isTrue();
                                throw new IllegalStateException("crash before commit");
                            }))
                            .hasMessageContaining("crash"));
            assertThat(store.idempotency().find("key-a", "k").orElseThrow().state())
                    .as("response rolled back with the effect")
                    .isEqualTo(IdempotencyEntry.State.RUNNING);
            requests.within(
                    p,
                    () -> unit.run(() -> {
                        audit.append("case.opened", "case:X", Map.of());
                        return requests.completeInUnit(response);
                    }));
            requests.finish(p);
            assertThat(store.idempotency().find("key-a", "k").orElseThrow().state())
                    .as("not merely COMMITTED: the response is there")
                    .isEqualTo(IdempotencyEntry.State.DONE);
            var replay = requests.begin("key-a", "k", "fp");
            assertThat(replay).isInstanceOf(IdempotentRequests.Outcome.Replay.class);
            assertThat(((IdempotentRequests.Outcome.Replay) replay).response().body())
                    .isEqualTo(response.body());
            assertThat(requests.completeInUnit(response))
                    .as("outside a request nothing is stored")
                    .isFalse();
        }
    }
}
