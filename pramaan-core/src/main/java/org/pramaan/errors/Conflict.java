package org.pramaan.errors;

/** The request is well formed but the thing is in a state that does not allow it (a closed case, a decided appeal). */
public final class Conflict extends DomainException {
    public Conflict(String code, String message) { super(code, message, null); }
}
