package org.pramaan.testkit.memory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.idempotency.IdempotencyEntry;
import org.pramaan.idempotency.IdempotencyEntry.State;
import org.pramaan.idempotency.IdempotencyStore;
import org.pramaan.idempotency.StoredResponse;
import org.pramaan.testkit.memory.Tables.IdempotencyKey;

final class MemoryIdempotencyStore implements IdempotencyStore {
    private final MemoryStore store;

    MemoryIdempotencyStore(MemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<IdempotencyEntry> claim(IdempotencyEntry entry, Instant now) {
        Objects.requireNonNull(entry, "entry");
        return store.locked(t -> {
            IdempotencyKey k = new IdempotencyKey(entry.scope(), entry.key());
            IdempotencyEntry held = t.idempotency.get(k);
            if (held != null && !held.expiredAt(now)) return Optional.of(held);
            t.idempotency.put(k, entry); // an expired entry is replaced
            return Optional.empty();
        });
    }

    @Override
    public void markCommitted(String scope, String key, String owner) {
        update(scope, key, owner, State.RUNNING, e -> withState(e, e.owner(), State.COMMITTED, Optional.empty()));
    }

    @Override
    public boolean takeOver(String scope, String key, String fromOwner, String toOwner) {
        return update(
                scope, key, fromOwner, State.RUNNING, e -> withState(e, toOwner, State.RUNNING, Optional.empty()));
    }

    @Override
    public boolean complete(String scope, String key, String owner, StoredResponse response) {
        Objects.requireNonNull(response, "response");
        return store.locked(t -> {
            IdempotencyKey k = new IdempotencyKey(scope, key);
            IdempotencyEntry held = t.idempotency.get(k);
            if (held == null || !held.owner().equals(owner) || held.state() == State.DONE) return false;
            t.idempotency.put(k, withState(held, owner, State.DONE, Optional.of(response)));
            return true;
        });
    }

    @Override
    public void release(String scope, String key, String owner) {
        store.locked(t -> {
            IdempotencyKey k = new IdempotencyKey(scope, key);
            IdempotencyEntry held = t.idempotency.get(k);
            if (held != null && held.owner().equals(owner) && held.state() == State.RUNNING) t.idempotency.remove(k);
            return null;
        });
    }

    @Override
    public Optional<IdempotencyEntry> find(String scope, String key) {
        return store.locked(t -> Optional.ofNullable(t.idempotency.get(new IdempotencyKey(scope, key))));
    }

    @Override
    public int sweep(Instant now) {
        return store.locked(t -> {
            int before = t.idempotency.size();
            t.idempotency.values().removeIf(e -> e.expiredAt(now));
            return before - t.idempotency.size();
        });
    }

    /** Replaces the entry {@code owner} holds in {@code state}; false (nothing changed) otherwise. */
    private boolean update(
            String scope,
            String key,
            String owner,
            State state,
            java.util.function.UnaryOperator<IdempotencyEntry> change) {
        return store.locked(t -> {
            IdempotencyKey k = new IdempotencyKey(scope, key);
            IdempotencyEntry held = t.idempotency.get(k);
            if (held == null || !held.owner().equals(owner) || held.state() != state) return false;
            t.idempotency.put(k, change.apply(held));
            return true;
        });
    }

    private static IdempotencyEntry withState(
            IdempotencyEntry e, String owner, State state, Optional<StoredResponse> response) {
        return new IdempotencyEntry(
                e.scope(), e.key(), e.fingerprint(), owner, state, response, e.createdAt(), e.expiresAt());
    }
}
