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
 * kept in one transaction with the whole request on purpose: that would hold the store's single write
 * lock (and, for notices, take it before the case service's monitor, the reverse of the use cases'
 * order: a deadlock) across the whole request, including hashing an upload, so one slow request would
 * stall every statutory clock.
 * <p>Instead the effect marks the claim in its own transaction: every effect appends to the audit log
 * in the transaction that makes it (DEV-GUIDELINES rule 7), and the audit log's unit of work is
 * wrapped by {@link #marking}, which sets the claim of the request running on this thread to
 * {@code COMMITTED} inside that transaction. So after a SIGKILL at any point:
 * <ul>
 *   <li>{@code RUNNING} (owner gone): no audited effect committed; the retry takes the claim over and
 *       runs, once.</li>
 *   <li>{@code COMMITTED} (owner gone): the effect committed but its response was lost with the
 *       process; the retry is answered {@link Outcome.Interrupted} (409 {@code idempotency.interrupted},
 *       saying it took effect) and never run again. The window is the few microseconds between the
 *       effect's commit and {@link #complete}.</li>
 *   <li>{@code DONE}: replayed.</li>
 * </ul>
 * A retried request is therefore never duplicated, as far as its effect is audited in the same
 * transaction as it is made (content-addressed blob files written before that are the same bytes
 * again).
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

        /** The first request with this key took effect, but a crash or restart lost its response. */
        record Interrupted(String key) implements Outcome {}
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;
    private final String owner;
    /** Claims whose request is running now in this process (a retry of one of them is {@link Outcome.InProgress}). */
    private final java.util.Set<String> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The claim of the request the current thread is running, for {@link #marking}. */
    @SuppressWarnings(
            "ThreadLocalUsage") // per instance on purpose: one per store, created once by the composition root; a
    // static one would mix two stores' claims in tests
    private final ThreadLocal<Outcome.Proceed> current = new ThreadLocal<>();

    public IdempotentRequests(IdempotencyStore store, Clock clock, Duration retention) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new IllegalArgumentException(
                    "idempotency keys must be kept at least " + MIN_RETENTION + ", not " + retention);
        }
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        this.owner = HexFormat.of().formatHex(b);
    }

    public Duration retention() {
        return retention;
    }

    /**
     * Claims {@code key} in {@code scope} for a request with {@code fingerprint}, or says why not. After
     * {@link Outcome.Proceed}, run the request inside {@link #within} and then {@link #complete} or
     * {@link #release} it.
     */
    public Outcome begin(String scope, String key, String fingerprint) {
        var now = clock.instant();
        String id = scope + "\n" + key;
        if (!running.add(id)) return new Outcome.InProgress(key);
        Outcome o;
        try {
            o = claim(scope, key, fingerprint, now);
        } catch (RuntimeException e) {
            running.remove(id);
            throw e;
        }
        if (!(o instanceof Outcome.Proceed)) running.remove(id);
        return o;
    }

    private Outcome claim(String scope, String key, String fingerprint, java.time.Instant now) {
        Optional<IdempotencyEntry> held =
                store.claim(IdempotencyEntry.running(scope, key, fingerprint, owner, now, now.plus(retention)), now);
        if (held.isEmpty()) return new Outcome.Proceed(scope, key);
        IdempotencyEntry e = held.get();
        if (!e.fingerprint().equals(fingerprint)) return new Outcome.Conflict(key);
        return switch (e.state()) {
            case DONE -> new Outcome.Replay(e.response().orElseThrow());
            case COMMITTED -> new Outcome.Interrupted(key);
            // Nothing audited took effect (the request failed without releasing, or its process died): run it now.
            case RUNNING ->
                e.owner().equals(owner) || store.takeOver(scope, key, e.owner(), owner)
                        ? new Outcome.Proceed(scope, key)
                        : new Outcome.InProgress(key);
        };
    }

    /** Work of a request that may throw anything its handler throws. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs the request of {@code p} on this thread, so that {@link #marking} units mark its claim. */
    public void within(Outcome.Proceed p, Work work) throws Exception {
        current.set(p);
        try {
            work.run();
        } finally {
            current.remove();
        }
    }

    /**
     * {@code inner}, marking the claim of the request running on the calling thread (if any) as
     * {@code COMMITTED} in the same transaction as the work. Wrap the audit log's unit of work with it.
     */
    public org.pramaan.tx.UnitOfWork marking(org.pramaan.tx.UnitOfWork inner) {
        Objects.requireNonNull(inner, "inner");
        return new org.pramaan.tx.UnitOfWork() {
            @Override
            public <T> T run(java.util.function.Supplier<T> work) {
                return inner.run(() -> {
                    T result = work.get();
                    Outcome.Proceed p = current.get();
                    if (p != null) store.markCommitted(p.scope(), p.key(), owner);
                    return result;
                });
            }

            @Override
            public void afterCommit(Runnable hook) {
                inner.afterCommit(hook);
            }
        };
    }

    /** Stores the response of a request that {@link Outcome.Proceed proceeded}. */
    public void complete(Outcome.Proceed p, StoredResponse response) {
        try {
            if (!store.complete(p.scope(), p.key(), owner, response)) {
                throw new org.pramaan.errors.Conflict(
                        org.pramaan.errors.Conflict.REQUEST_CONFLICT,
                        "idempotency key '" + p.key()
                                + "' is no longer held by this request (expired and swept while it ran?)");
            }
        } finally {
            running.remove(p.scope() + "\n" + p.key());
        }
    }

    /**
     * Stores the response of the request running on this thread, if it holds a claim, inside the
     * caller's unit of work: called by an edge that renders the response in the same transaction as the
     * effect, so a crash keeps both or neither and a retry is replayed, never answered
     * {@link Outcome.Interrupted}. Returns whether a claim was completed; {@link #finish} then ends it.
     */
    public boolean completeInUnit(StoredResponse response) {
        Outcome.Proceed p = current.get();
        if (p == null) return false;
        if (!store.complete(p.scope(), p.key(), owner, response)) {
            throw new org.pramaan.errors.Conflict(
                    org.pramaan.errors.Conflict.REQUEST_CONFLICT,
                    "idempotency key '" + p.key()
                            + "' is no longer held by this request (expired and swept while it ran?)");
        }
        return true;
    }

    /** Ends a request whose response {@link #completeInUnit} stored with its effect. */
    public void finish(Outcome.Proceed p) {
        running.remove(p.scope() + "\n" + p.key());
    }

    /** Frees the key of a request that was refused; a claim its effect already marked {@code COMMITTED} stays (the effect happened). */
    public void release(Outcome.Proceed p) {
        try {
            store.release(p.scope(), p.key(), owner);
        } finally {
            running.remove(p.scope() + "\n" + p.key());
        }
    }

    /** Forgets expired entries; the server's scheduler calls this. */
    public int sweep() {
        return store.sweep(clock.instant());
    }
}
