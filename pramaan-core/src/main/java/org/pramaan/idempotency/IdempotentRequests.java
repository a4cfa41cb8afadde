package org.pramaan.idempotency;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: at most one effect per (API key, {@code Idempotency-Key}), following
 * draft-ietf-httpapi-idempotency-key-header-07 §2 (a retry with the same key and the same request
 * gets the first response; the same key for a different request is a 409 (§2.7); a retry while the
 * first is still being processed is a 409 too).
 *
 * <h2>Design, and what a crash does</h2>
 * A request is processed in three steps: {@link #begin} claims the key in its own transaction
 * ({@code RUNNING}, owned by this process); the request's own use case runs and commits its effect
 * in its own unit of work; {@link #complete} stores the response ({@code DONE}). The claim is not
 * kept in one transaction with the effect on purpose: that would hold the store's single write lock
 * (and, for notices, take it before the case service's monitor, the reverse of the use cases' order,
 * a deadlock) across the whole request, including hashing an upload, so one slow request would stall
 * every statutory clock.
 * <p>So a SIGKILL can leave a {@code RUNNING} entry whose owner (a random id per process) is gone.
 * Whether the effect committed before the kill cannot be told from here, so a retry is answered
 * {@link Outcome.Interrupted} (409 {@code idempotency.interrupted}) and never run again: a
 * retried request is never duplicated. The client learns of the interruption and can look the effect
 * up (e.g. {@code GET /v1/cases}) before sending the request again with a new key. The window is the
 * time between the effect's commit and {@link #complete}: serialising the response.
 * <p>A request that fails with a refusal (4xx) {@linkplain #release releases} its key: nothing took
 * effect, and the client may correct and retry it under the same key.
 * <p>Entries are kept for {@code retention} (at least 24 h) and swept afterwards by the server's
 * scheduler; until then a replay is byte-identical.
 */
public final class IdempotentRequests {
    /** The IETF draft's floor is the client's expectation that a retry "within a day" is safe; shorter would surprise it. */
    public static final Duration MIN_RETENTION = Duration.ofHours(24);

    /** What to do with a request that carries a key. */
    public sealed interface Outcome {
        /** The key was free: run the request, then {@link #complete} or {@link #release}. */
        record Proceed(String scope, String key) implements Outcome {}

        /** The same request was answered before: send this. */
        record Replay(StoredResponse response) implements Outcome {}

        /** The key was used for a different request. */
        record Conflict(String key) implements Outcome {}

        /** The first request with this key is still running in this server. */
        record InProgress(String key) implements Outcome {}

        /** The first request with this key was cut off by a crash or restart; whether it took effect is unknown. */
        record Interrupted(String key) implements Outcome {}
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;
    private final String owner;

    public IdempotentRequests(IdempotencyStore store, Clock clock, Duration retention) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException("idempotency keys must be kept at least " + MIN_RETENTION + ", not " + retention);
        }
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        this.owner = HexFormat.of().formatHex(b);
    }

    public Duration retention() { return retention; }

    /** Claims {@code key} in {@code scope} for a request with {@code fingerprint}, or says why not. */
    public Outcome begin(String scope, String key, String fingerprint) {
        var now = clock.instant();
        Optional<IdempotencyEntry> held = store.claim(IdempotencyEntry.running(scope, key, fingerprint, owner, now, now.plus(retention)), now);
        if (held.isEmpty()) return new Outcome.Proceed(scope, key);
        IdempotencyEntry e = held.get();
        if (!e.fingerprint().equals(fingerprint)) return new Outcome.Conflict(key);
        if (e.state() == IdempotencyEntry.State.DONE) return new Outcome.Replay(e.response().orElseThrow());
        return e.owner().equals(owner) ? new Outcome.InProgress(key) : new Outcome.Interrupted(key);
    }

    /** Stores the response of a request that {@link Outcome.Proceed proceeded}. */
    public void complete(Outcome.Proceed p, StoredResponse response) {
        if (!store.complete(p.scope(), p.key(), owner, response)) {
            throw new IllegalStateException("idempotency key '" + p.key() + "' is no longer held by this request (expired and swept while it ran?)");
        }
    }

    /** Frees the key of a request that was refused before it took effect. */
    public void release(Outcome.Proceed p) { store.release(p.scope(), p.key(), owner); }

    /** Forgets expired entries; the server's scheduler calls this. */
    public int sweep() { return store.sweep(clock.instant()); }
}
