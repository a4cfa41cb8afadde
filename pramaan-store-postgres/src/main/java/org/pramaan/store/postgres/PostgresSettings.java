package org.pramaan.store.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the shared database: a {@code jdbc:postgresql://host:port/database} URL (optionally with
 * {@code ?currentSchema=…}), a user and a password. The password is never printed ({@link #toString}).
 */
public record PostgresSettings(String url, String user, String password, int poolSize, Duration connectTimeout) {
    public static final String URL_PREFIX = "jdbc:postgresql://";

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (!url.startsWith(URL_PREFIX))
            throw new IllegalArgumentException("store.postgres.url '" + shorten(url) + "' does not start with "
                    + URL_PREFIX + " (e.g. jdbc:postgresql://db.example:5432/pramaan)");
        if (poolSize < 1 || poolSize > 1000)
            throw new IllegalArgumentException("pool size " + poolSize + " is outside 1..1000");
    }

    /** Ten connections, five seconds to connect. */
    public PostgresSettings(String url, String user, String password) {
        this(url, user, password, 10, Duration.ofSeconds(5));
    }

    /** {@code host:port} from the URL ({@code 5432} when it names none). */
    public String hostAndPort() {
        String rest = url.substring(URL_PREFIX.length());
        int end = endOfAuthority(rest);
        String authority = rest.substring(0, end);
        int comma = authority.indexOf(',');
        if (comma >= 0) authority = authority.substring(0, comma);
        boolean bracketed = authority.startsWith("[");
        int colon = bracketed ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        return colon > 0 ? authority : authority + ":5432";
    }

    /** The database name from the URL. */
    public String database() {
        String rest = url.substring(URL_PREFIX.length());
        int end = endOfAuthority(rest);
        if (end >= rest.length() || rest.charAt(end) != '/') return user;
        String path = rest.substring(end + 1);
        int q = path.indexOf('?');
        return q >= 0 ? path.substring(0, q) : path;
    }

    private static int endOfAuthority(String rest) {
        int slash = rest.indexOf('/');
        int query = rest.indexOf('?');
        int end = rest.length();
        if (slash >= 0) end = slash;
        if (query >= 0 && query < end) end = query;
        return end;
    }

    /** Where, for messages: {@code database 'pramaan' on db.example:5432 as user 'pramaan'}. */
    public String describe() {
        return "database '" + database() + "' on " + hostAndPort() + " as user '" + user + "'";
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + describe() + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + "]";
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
