package org.pramaan.store.postgres;

/** A storage failure on PostgreSQL, with the database (host, port, name) and the operation named. */
public final class PostgresStoreException extends RuntimeException {
    public PostgresStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
