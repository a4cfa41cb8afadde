package org.pramaan.idempotency;

import java.util.Arrays;
import java.util.Objects;

/** The response given to the first request, replayed byte for byte to retries. The body is copied in and out. */
public record StoredResponse(int status, String contentType, byte[] body) {
    public StoredResponse {
        Objects.requireNonNull(contentType, "contentType");
        if (status < 100 || status > 599)
            throw new IllegalArgumentException("status " + status + " is not an HTTP status");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse r
                && r.status == status
                && r.contentType.equals(contentType)
                && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredResponse[" + status + " " + contentType + ", " + body.length + " bytes]";
    }
}
