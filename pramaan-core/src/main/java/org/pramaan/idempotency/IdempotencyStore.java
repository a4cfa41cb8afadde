package org.pramaan.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Port: remembered idempotent requests, keyed by (scope, key). */
public interface IdempotencyStore {
    /**
     * Atomically claims {@code (entry.scope(), entry.key())} for {@code entry} unless an unexpired entry
     * holds it. Returns empty when the claim succeeded, else the entry that holds the key (unchanged).
     * An expired entry is replaced.
     */
    Optional<IdempotencyEntry> claim(IdempotencyEntry entry, Instant now);

    /**
     * Marks the {@code RUNNING} entry that {@code owner} holds as {@code COMMITTED}; called inside the
     * transaction of the request's effect, so the mark commits or rolls back with it. No-op otherwise.
     */
    void markCommitted(String scope, String key, String owner);

    /** Hands a {@code RUNNING} entry of {@code fromOwner} (a process that is gone) to {@code toOwner}; false when it is not that any more. */
    boolean takeOver(String scope, String key, String fromOwner, String toOwner);

    /** Records the response of the unfinished ({@code RUNNING} or {@code COMMITTED}) entry that {@code owner} holds; false when there is none. */
    boolean complete(String scope, String key, String owner, StoredResponse response);

    /** Forgets the {@code RUNNING} entry that {@code owner} holds (the request failed before any effect), so the key may be retried. */
    void release(String scope, String key, String owner);

    Optional<IdempotencyEntry> find(String scope, String key);

    /** Deletes every entry that expired by {@code now}; returns how many. */
    int sweep(Instant now);
}
