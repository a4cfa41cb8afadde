package org.pramaan.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What every page's layout needs: the texts in the person's language, who is signed in, the session's CSRF token (the
 * layout puts it in a meta tag for htmx and in every form), and the server's "now" (the countdowns run from it, so a
 * fake clock in tests and a skewed browser clock both show the server's view of time).
 */
public record Page(Messages m, Optional<Sessions.Session> session, String title, String active, Instant now) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneId.of("UTC"));

    public String t(String key, Object... args) {
        return m.t(key, args);
    }

    public String lang() {
        return m.lang();
    }

    public boolean signedIn() {
        return session.isPresent();
    }

    public String csrf() {
        return session.map(Sessions.Session::csrf).orElse("");
    }

    public String person() {
        return session.map(s -> s.principal().label()).orElse("");
    }

    public String role() {
        return session.map(s -> t("role." + s.principal().role().wireName())).orElse("");
    }

    /** Whether the signed-in person's role has {@code permission} (a {@link org.pramaan.access.Permission} name). */
    public boolean can(String permission) {
        return session.map(s -> s.principal().role().can(org.pramaan.access.Permission.valueOf(permission)))
                .orElse(false);
    }

    public long nowMs() {
        return now.toEpochMilli();
    }

    /** A time in the person's zone (UTC until people have a zone preference). */
    public String local(Instant t) {
        ZoneId z = session.map(Sessions.Session::zone).orElse(ZoneId.of("UTC"));
        return LOCAL.format(t.atZone(z));
    }

    /** The same time in UTC, for the {@code title} attribute (shown on hover). */
    public String utc(Instant t) {
        return UTC.format(t);
    }

    public String navClass(String item) {
        return item.equals(active) ? "current" : "";
    }

    public String ariaCurrent(String item) {
        return item.equals(active) ? "page" : "false";
    }
}
