package org.pramaan.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One remembered request.
 *
 * @param scope       whose key it is (the API key id): keys of different clients never meet
 * @param key         the client's idempotency key
 * @param fingerprint digest of what was asked (method, route, path, query, body), so a reuse for another request is caught
 * @param owner       the server process that began it; an unfinished entry whose owner is gone was interrupted by a crash
 * @param response    present once {@code DONE}
 * @param createdAt   when the first request began
 * @param expiresAt   after this the entry is forgotten (swept) and the key may be used again
 */
public record IdempotencyEntry(
        String scope,
        String key,
        String fingerprint,
        String owner,
        State state,
        Optional<StoredResponse> response,
        Instant createdAt,
        Instant expiresAt) {
    /**
     * {@code RUNNING}: claimed, nothing audited yet; {@code COMMITTED}: an audited effect of the request
     * committed (marked in the effect's own transaction), its response not stored yet; {@code DONE}: the
     * response is stored.
     */
    public enum State {
        RUNNING,
        COMMITTED,
        DONE
    }

    public IdempotencyEntry {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((state == State.DONE) != response.isPresent())
            throw new IllegalArgumentException("a DONE entry has a response and a RUNNING one has none");
    }

    /** A request that has begun and has no response yet. */
    public static IdempotencyEntry running(
            String scope, String key, String fingerprint, String owner, Instant createdAt, Instant expiresAt) {
        return new IdempotencyEntry(
                scope, key, fingerprint, owner, State.RUNNING, Optional.empty(), createdAt, expiresAt);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
