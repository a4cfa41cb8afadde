package org.pramaan.generation;

import java.util.Objects;

/**
 * A client's {@code Idempotency-Key} on a generation (draft-ietf-httpapi-idempotency-key-header-07),
 * stored with the record it produced so a retry gets that record and its output back instead of a
 * second record and a second {@code generated} bank entry.
 *
 * @param scope         whose key it is (the API key id): two clients may use the same key
 * @param key           the header's value, 1 to 255 visible ASCII characters
 * @param requestSha256 SHA-256 of the request (context and file): the same key with another request is refused
 * @param recordId      the record the first request made
 */
public record GenerationKey(String scope, String key, String requestSha256, String recordId) {
    public GenerationKey {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestSha256, "requestSha256");
        Objects.requireNonNull(recordId, "recordId");
    }
}
