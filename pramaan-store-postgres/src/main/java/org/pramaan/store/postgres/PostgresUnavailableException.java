package org.pramaan.store.postgres;

import java.sql.SQLException;

/**
 * The database could not be opened at start-up, with the reason an operator acts on: the host and port that did
 * not answer, the user whose password was refused, or the database that does not exist.
 */
public final class PostgresUnavailableException extends RuntimeException {
    /** What went wrong, for tests and for the configuration error's code. */
    public enum Reason {
        UNREACHABLE,
        AUTHENTICATION,
        NO_DATABASE,
        OTHER
    }

    private final Reason reason;

    PostgresUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Classifies the pool's start-up failure by the server's SQLState (PostgreSQL docs, Appendix A). */
    static PostgresUnavailableException from(PostgresSettings s, Throwable failure) {
        SQLException sql = null;
        for (Throwable t = failure; t != null && sql == null; t = t.getCause()) {
            if (t instanceof SQLException e) sql = e;
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String detail = sql == null ? String.valueOf(failure.getMessage()) : sql.getMessage();
        // 08001/08006: connection refused or timed out; 28P01/28000: password or role refused; 3D000: no such database.
        if (state.startsWith("08"))
            return new PostgresUnavailableException(
                    Reason.UNREACHABLE,
                    "PostgreSQL at " + s.hostAndPort() + " is unreachable (store.postgres.url): " + detail,
                    failure);
        if (state.startsWith("28"))
            return new PostgresUnavailableException(
                    Reason.AUTHENTICATION,
                    "PostgreSQL at " + s.hostAndPort() + " refused user '" + s.user()
                            + "' (store.postgres.user / store.postgres.password): " + detail,
                    failure);
        if (state.equals("3D000"))
            return new PostgresUnavailableException(
                    Reason.NO_DATABASE,
                    "PostgreSQL at " + s.hostAndPort() + " has no database '" + s.database()
                            + "' (store.postgres.url); create it first (createdb " + s.database() + ")",
                    failure);
        return new PostgresUnavailableException(
                Reason.OTHER,
                "cannot open " + s.describe() + ": " + detail + (state.isEmpty() ? "" : " (SQLState " + state + ")"),
                failure);
    }
}
