package org.pramaan.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.access.Principal;

/**
 * Signed-in people, held only in this server's memory: the cookie carries a random 256-bit id and nothing else, so
 * nothing a browser sends can forge or widen a session (OWASP Session Management: server-side state, ≥ 64 bits of
 * entropy). A session ends on sign-out, after {@code idle} without a request, and at {@code absolute} after sign-in
 * whatever its use; times come from the injected clock.
 */
public final class Sessions {
    /** The longest cookie value looked up; anything longer is not one of ours and is not hashed into the map. */
    static final int ID_CHARS = 64;

    /**
     * One signed-in person.
     *
     * @param csrf  the token every form and htmx POST of this session must echo (OWASP synchroniser token pattern)
     * @param lang  the console language (en or hi)
     * @param zone  the zone dates are shown in (UTC until people have preferences)
     */
    public record Session(
            String id,
            Principal principal,
            String csrf,
            Instant createdAt,
            Instant lastSeen,
            String lang,
            ZoneId zone) {
        public Session {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(csrf, "csrf");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastSeen, "lastSeen");
            Objects.requireNonNull(lang, "lang");
            Objects.requireNonNull(zone, "zone");
        }

        Session seen(Instant at) {
            return new Session(id, principal, csrf, createdAt, at, lang, zone);
        }

        Session withLang(String l) {
            return new Session(id, principal, csrf, createdAt, lastSeen, l, zone);
        }

        Session withZone(ZoneId z) {
            return new Session(id, principal, csrf, createdAt, lastSeen, lang, z);
        }

        /**
         * Who acts in this session: the API key, or the username/password account (whose principal id is
         * {@code user:<name>}), so case events and the audit log name the person either way.
         */
        public org.pramaan.access.Actor actor() {
            return principal.keyId().startsWith(USER_PREFIX)
                    ? new org.pramaan.access.Actor.User(
                            principal.keyId().substring(USER_PREFIX.length()), Optional.of(principal.role()))
                    : org.pramaan.access.Actor.of(principal);
        }
    }

    private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;
    private final SecureRandom random = new SecureRandom();

    public Sessions(Clock clock, Duration idle, Duration absolute) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idle.isNegative() || idle.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
        if (absolute.compareTo(idle) < 0)
            throw new IllegalArgumentException(
                    "absolute session lifetime " + absolute + " is shorter than idle " + idle);
        this.idle = idle;
        this.absolute = absolute;
    }

    /** A new session for someone who just signed in (a fresh id, so no id chosen before sign-in survives it). */
    public Session open(Principal principal, String lang) {
        Instant now = clock.instant();
        Session s = new Session(token(), principal, token(), now, now, lang, ZoneId.of("UTC"));
        byId.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle time restarted; an expired one is removed and is empty. */
    public Optional<Session> touch(String id) {
        if (id == null || id.length() != ID_CHARS) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (!now.isBefore(s.lastSeen().plus(idle))
                || !now.isBefore(s.createdAt().plus(absolute))) {
            byId.remove(id, s);
            return Optional.empty();
        }
        Session seen = s.seen(now);
        byId.replace(id, s, seen);
        return Optional.of(seen);
    }

    public void setLang(Session s, String lang) {
        byId.computeIfPresent(s.id(), (k, v) -> v.withLang(lang));
    }

    /** The person's language and time zone (their stored preferences) for the rest of the session. */
    public void setPreferences(Session s, String lang, ZoneId zone) {
        byId.computeIfPresent(s.id(), (k, v) -> v.withLang(lang).withZone(zone));
    }

    /** The principal id of a username/password account, beside API key ids. */
    static final String USER_PREFIX = "user:";

    /** Sign-out: the id stops working at once, whatever the browser keeps. */
    public void close(String id) {
        if (id != null) byId.remove(id);
    }

    public int size() {
        return byId.size();
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
