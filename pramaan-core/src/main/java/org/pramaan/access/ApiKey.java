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
 * @param trustedFlagger whether notices sent with it come from a DSA art.22 trusted flagger (set by an admin, never by a client)
 */
public record ApiKey(
        String id,
        String keyDigest,
        Role role,
        String label,
        Instant createdAt,
        boolean revoked,
        boolean trustedFlagger) {
    /** A key that is not a trusted flagger. */
    public ApiKey(String id, String keyDigest, Role role, String label, Instant createdAt, boolean revoked) {
        this(id, keyDigest, role, label, createdAt, revoked, false);
    }

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyDigest, "keyDigest");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
