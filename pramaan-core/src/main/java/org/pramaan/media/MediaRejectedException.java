package org.pramaan.media;

import java.util.Objects;

/** A file refused at intake. The message names the problem (which header, which value, which limit). */
public final class MediaRejectedException extends Exception {
    private final RejectionCode code;

    public MediaRejectedException(RejectionCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public MediaRejectedException(RejectionCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public RejectionCode code() {
        return code;
    }
}
