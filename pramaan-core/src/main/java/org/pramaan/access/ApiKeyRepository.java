package org.pramaan.access;

import java.util.List;
import java.util.Optional;

/** Port: stored API keys. */
public interface ApiKeyRepository {
    void save(ApiKey key);

    Optional<ApiKey> findByDigest(String keyDigest);

    List<ApiKey> all();
}
