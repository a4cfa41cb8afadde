package org.pramaan.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.audit.AuditLog;
import org.pramaan.hash.ContentDigests;

/** Issues and checks API keys of the form {@code pmn_<id>_<secret>}. */
public final class ApiKeys {
    /** The plaintext of a new key: shown once, never stored. */
    public record IssuedKey(ApiKey key, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ApiKeyRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository repository, AuditLog audit, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public IssuedKey create(Role role, String label) {
        return create(role, label, false);
    }

    /** A new key; {@code trustedFlagger} marks its notices as from a DSA art.22 trusted flagger (an admin's decision). */
    public IssuedKey create(Role role, String label, boolean trustedFlagger) {
        String id = randomHex(6);
        return register(role, label, "pmn_" + id + "_" + randomHex(24), id, trustedFlagger);
    }

    /**
     * Registers a key whose text the operator chose (e.g. from {@code PRAMAAN_ADMIN_KEY}), so a
     * deployment can be provisioned without reading a log. Idempotent.
     */
    public IssuedKey register(Role role, String label, String secret) {
        if (secret.length() < 24) throw new IllegalArgumentException("an API key must be at least 24 characters long");
        Optional<ApiKey> existing = repository.findByDigest(digest(secret));
        if (existing.isPresent()) return new IssuedKey(existing.get(), secret);
        try {
            return register(role, label, secret, randomHex(6), false);
        } catch (RuntimeException e) {
            // Nodes starting together on one empty store (issue 15) each find no key and insert it; the store's
            // unique digest lets one win and fails the others, whose unit rolled back. The winner's key is the one.
            return repository
                    .findByDigest(digest(secret))
                    .map(k -> new IssuedKey(k, secret))
                    .orElseThrow(() -> e);
        }
    }

    private IssuedKey register(Role role, String label, String secret, String id, boolean trustedFlagger) {
        ApiKey key = new ApiKey(id, digest(secret), role, label, clock.instant(), false, trustedFlagger);
        // The key and its audit entry commit together: no key that works without a record of its creation.
        return audit.unitOfWork().run(() -> {
            repository.save(key);
            audit.append(
                    "key.created",
                    "key:" + id,
                    trustedFlagger
                            ? AuditLog.details("role", role.wireName(), "label", label, "trustedFlagger", true)
                            : AuditLog.details("role", role.wireName(), "label", label));
            return new IssuedKey(key, secret);
        });
    }

    public Optional<Principal> authenticate(String presented) {
        if (presented == null || presented.isBlank()) return Optional.empty();
        return repository
                .findByDigest(digest(presented.trim()))
                .filter(k -> !k.revoked())
                .map(k -> new Principal(k.id(), k.role(), k.label(), k.trustedFlagger()));
    }

    public boolean anyActive(Role role) {
        return repository.all().stream().anyMatch(k -> k.role() == role && !k.revoked());
    }

    static String digest(String secret) {
        return HexFormat.of()
                .formatHex(ContentDigests.digest("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
