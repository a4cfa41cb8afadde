package org.pramaan.testkit.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.ApiKey;
import org.pramaan.access.ApiKeyRepository;

final class MemoryApiKeyRepository implements ApiKeyRepository {
    private final MemoryStore store;

    MemoryApiKeyRepository(MemoryStore store) {
        this.store = store;
    }

    @Override
    public void save(ApiKey k) {
        Objects.requireNonNull(k, "key");
        store.locked(t -> {
            ApiKey held = t.apiKeys.get(k.id());
            if (held == null) {
                // The digest is unique, as the SQLite column's UNIQUE constraint makes it.
                boolean taken =
                        t.apiKeys.values().stream().anyMatch(o -> o.keyDigest().equals(k.keyDigest()));
                if (taken)
                    throw new IllegalStateException(
                            "an API key with this digest is already stored (new id '" + k.id() + "')");
                t.apiKeys.put(k.id(), k);
            } else {
                // As the SQLite upsert: the digest and creation time of a stored key never change.
                t.apiKeys.put(
                        k.id(),
                        new ApiKey(
                                k.id(),
                                held.keyDigest(),
                                k.role(),
                                k.label(),
                                held.createdAt(),
                                k.revoked(),
                                k.trustedFlagger()));
            }
            return null;
        });
    }

    @Override
    public Optional<ApiKey> findByDigest(String keyDigest) {
        return store.locked(t -> t.apiKeys.values().stream()
                .filter(k -> k.keyDigest().equals(keyDigest))
                .findFirst());
    }

    @Override
    public List<ApiKey> all() {
        return store.locked(t -> t.apiKeys.values().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt))
                .toList());
    }
}
