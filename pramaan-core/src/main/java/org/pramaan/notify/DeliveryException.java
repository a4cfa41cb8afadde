package org.pramaan.notify;

/**
 * A message was not accepted. {@code permanent} failures (a 4xx answer other than 408/429, an
 * SMTP 5xx) go straight to the dead-letter list, since sending the same bytes again cannot help;
 * the others are retried with backoff.
 */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
