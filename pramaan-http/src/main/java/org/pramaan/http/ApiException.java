package org.pramaan.http;

/** An HTTP error with a stable code, rendered as {@code {"error":{"code","message"}}}. */
final class ApiException extends RuntimeException {
    final int status;
    final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
