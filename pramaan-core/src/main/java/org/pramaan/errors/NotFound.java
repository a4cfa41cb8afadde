package org.pramaan.errors;

/** The thing named does not exist (or the caller may not know that it does). */
public final class NotFound extends DomainException {
    public NotFound(String code, String message) {
        super(code, message, null);
    }
}
