package org.pramaan.errors;

/** The actor may not do this (a role's limit, a hold, a field only the server sets). */
public final class Forbidden extends DomainException {
    public Forbidden(String code, String message) {
        super(code, message, null);
    }
}
