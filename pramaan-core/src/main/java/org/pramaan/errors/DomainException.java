package org.pramaan.errors;

import java.util.Objects;

/**
 * A use case refused a request for a reason the caller can act on. Each kind has a stable
 * {@link #code()} (the wire's {@code error.code}, e.g. {@code case.not_found}) that clients may
 * switch on; the message is for people. The HTTP edge maps the kinds once
 * ({@link NotFound} 404, {@link Invalid} 400, {@link Conflict} 409, {@link Forbidden} 403); the CLI
 * prints the message. Anything else a use case throws is a defect (500), not the caller's fault.
 */
public abstract sealed class DomainException extends RuntimeException permits NotFound, Invalid, Conflict, Forbidden {
    private final String code;

    DomainException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        if (code.isBlank()) throw new IllegalArgumentException("a domain exception needs a code");
    }

    /** Stable, lower-case, dotted: {@code <subject>.<problem>}. */
    public String code() {
        return code;
    }
}
