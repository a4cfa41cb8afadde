package org.pramaan.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.access.Principal;
import org.pramaan.access.Role;

/**
 * Per-key token buckets, one rate and burst per role, plus one bucket per remote address that only
 * failed authentications drain (so nobody can guess keys fast, and a caller with a valid key is never
 * limited by its address). A refused request gets 429 {@code request.rate_limited} with
 * {@code Retry-After} (RFC 9110 §10.2.3, whole seconds) computed from the bucket. Time comes from the
 * injected clock, so a test moves a fake clock instead of sleeping.
 */
public final class RateLimiter {
    /** Refill rate (tokens per second) and capacity of one bucket. */
    public record Limit(double perSecond, double burst) {
        public Limit {
            if (!(perSecond > 0 && perSecond <= 1_000_000))
                throw new IllegalArgumentException("rate must be > 0 and ≤ 1000000 per second, got " + perSecond);
            if (!(burst >= 1 && burst <= 1_000_000))
                throw new IllegalArgumentException("burst must be between 1 and 1000000, got " + burst);
        }
    }

    /**
     * The rate limits an operator configured.
     *
     * @param enabled      false turns every limit off
     * @param perRole      the bucket of each key, by its role
     * @param authFailures the bucket of each remote address, drained by 401 answers only
     */
    public record Settings(boolean enabled, Map<Role, Limit> perRole, Limit authFailures) {
        public Settings {
            perRole = Map.copyOf(perRole);
            Objects.requireNonNull(authFailures, "authFailures");
            if (enabled)
                for (Role r : Role.values())
                    if (!perRole.containsKey(r))
                        throw new IllegalArgumentException("no rate limit for role " + r.wireName());
        }

        /**
         * Defaults: an admin or reviewer key 20 requests/s with bursts of 600, an ingest key (the
         * platform's upload path) 100/s with bursts of 3000; 5 failed authentications/s per address
         * with bursts of 300.
         */
        public static Settings defaults() {
            Map<Role, Limit> m = new EnumMap<>(Role.class);
            m.put(Role.ADMIN, new Limit(20, 600));
            m.put(Role.REVIEWER, new Limit(20, 600));
            m.put(Role.INGEST, new Limit(100, 3000));
            return new Settings(true, m, new Limit(5, 300));
        }

        public static Settings off() {
            return new Settings(false, defaults().perRole(), defaults().authFailures());
        }
    }

    /** Addresses tracked at most; a flood of new addresses shares one bucket rather than growing the map without bound. */
    static final int MAX_ADDRESSES = 10_000;

    private static final String OVERFLOW = "\u0000overflow";

    /** Authenticates a request: the function is {@link HttpApi}'s key check. */
    @FunctionalInterface
    interface Authenticator {
        Principal authenticate(Context ctx);
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Bucket> byKey = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    public RateLimiter(Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Authenticates and charges the caller's bucket, or throws 429. An address whose failure bucket is
     * empty is refused before its key is even looked at.
     */
    Principal admit(Context ctx, Authenticator auth) {
        if (!settings.enabled()) return identified(ctx, auth.authenticate(ctx));
        Bucket address = addressBucket(ctx.ip());
        long now = clock.millis();
        double wait = address.waitSeconds(now);
        if (wait > 0)
            throw limited(
                    ctx,
                    wait,
                    "too many failed authentications from " + ctx.ip() + " (limit "
                            + settings.authFailures().perSecond() + "/s, burst "
                            + (long) settings.authFailures().burst() + ")");
        Principal p;
        try {
            p = identified(ctx, auth.authenticate(ctx));
        } catch (ApiException e) {
            if (e.status == 401) address.take(now);
            throw e;
        }
        Limit limit = settings.perRole().get(p.role());
        Bucket key = byKey.computeIfAbsent(p.keyId(), k -> new Bucket(limit, now));
        double keyWait = key.take(now);
        if (keyWait > 0)
            throw limited(
                    ctx,
                    keyWait,
                    "key " + p.keyId() + " (role " + p.role().wireName() + ") is over its rate limit of "
                            + limit.perSecond() + " requests/s with bursts of " + (long) limit.burst());
        return p;
    }

    int trackedAddresses() {
        return byAddress.size();
    }

    /** For the access log, which runs after the handler: the key's id, never the key. */
    private static Principal identified(Context ctx, Principal p) {
        ctx.attribute(AccessLog.KEY_ID, p.keyId());
        return p;
    }

    Bucket addressBucket(String ip) {
        Bucket b = byAddress.get(ip);
        if (b != null) return b;
        if (byAddress.size() >= MAX_ADDRESSES) {
            long now = clock.millis();
            byAddress.entrySet().removeIf(e -> e.getValue().isFull(now));
            if (byAddress.size() >= MAX_ADDRESSES)
                return byAddress.computeIfAbsent(OVERFLOW, k -> new Bucket(settings.authFailures(), now));
        }
        return byAddress.computeIfAbsent(ip, k -> new Bucket(settings.authFailures(), clock.millis()));
    }

    private static ApiException limited(Context ctx, double waitSeconds, String message) {
        long retry = Math.max(1, (long) Math.ceil(waitSeconds));
        ctx.header("Retry-After", Long.toString(retry));
        return new ApiException(429, "request.rate_limited", message + "; retry after " + retry + " s");
    }

    /**
     * A token bucket in its GCRA form (ITU-T I.371 generic cell rate algorithm): one "theoretical
     * arrival time" in integer microseconds instead of a fractional token count, so that refills are
     * exact (no floating-point drift at the edge of a refill) and the wait is a subtraction.
     */
    static final class Bucket {
        private final long interval;
        private final long tolerance;
        private long tat;

        Bucket(Limit limit, long nowMillis) {
            this.interval = Math.max(1, Math.round(1_000_000 / limit.perSecond()));
            this.tolerance = ((long) (limit.burst() - 1)) * interval;
            this.tat = nowMillis * 1000;
        }

        /** Takes one token; 0 when taken, else the seconds until one is there. */
        synchronized double take(long nowMillis) {
            double wait = waitSeconds(nowMillis);
            if (wait == 0) tat = Math.max(tat, nowMillis * 1000) + interval;
            return wait;
        }

        /** The seconds until a token is there, taking none. A clock that steps back only delays refills. */
        synchronized double waitSeconds(long nowMillis) {
            long now = nowMillis * 1000;
            long ahead = Math.max(tat, now) - now;
            return ahead <= tolerance ? 0 : (ahead - tolerance) / 1e6;
        }

        /** No token is spent: the bucket would hold its whole burst. */
        synchronized boolean isFull(long nowMillis) {
            return tat <= nowMillis * 1000;
        }
    }
}
