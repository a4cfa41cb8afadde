package org.pramaan.errors;

import java.util.Optional;

/** Input that breaks a rule, naming the field when there is one ({@code fields.notifier_email}, {@code hash}). */
public final class Invalid extends DomainException {
    /** The wire code for input that breaks a rule, when no more specific code applies. */
    public static final String REQUEST_INVALID = "request.invalid";

    private final String field;

    public Invalid(String field, String message) {
        this(REQUEST_INVALID, field, message, null);
    }

    public Invalid(String code, String field, String message, Throwable cause) {
        super(code, message, cause);
        this.field = field;
    }

    /** The offending field, when the problem is with one. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
