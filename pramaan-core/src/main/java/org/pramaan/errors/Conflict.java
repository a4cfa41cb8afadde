package org.pramaan.errors;

/** The request is well formed but the thing is in a state that does not allow it (a closed case, a decided appeal). */
public final class Conflict extends DomainException {
    /** The wire code for a state conflict, when no more specific code applies. */
    public static final String REQUEST_CONFLICT = "request.conflict";

    public Conflict(String code, String message) {
        super(code, message, null);
    }
}
