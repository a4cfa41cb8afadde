package org.pramaan.store.sqlite;

/** A storage failure, with the file and operation named. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
