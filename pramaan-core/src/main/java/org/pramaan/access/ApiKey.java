package org.pramaan.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key.
 *
 * @param id        public key id (also embedded in the key text, so logs can name a key without its secret)
 * @param keyDigest SHA-256 hex of the full key text
 * @param role      what it may do
 * @param label     who or what it is for
 * @param createdAt when it was issued
 * @param revoked   whether it has been revoked
 */
public record ApiKey(String id, String keyDigest, Role role, String label, Instant createdAt, boolean revoked) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyDigest, "keyDigest");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
