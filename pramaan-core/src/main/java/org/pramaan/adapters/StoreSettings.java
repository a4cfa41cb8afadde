package org.pramaan.adapters;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider is opened with: the configured {@code store} kind and {@code data.dir} (the
 * embedded store keeps everything there; a scaled one keeps its local files there, e.g. the PDQ
 * index snapshot and the audit checkpoint journal), and the provider's own settings
 * ({@code store.<kind>.*} keys without that prefix, e.g. {@code url} for {@code store.postgres.url}).
 */
public record StoreSettings(String kind, Path dataDir, Map<String, String> options) {
    public StoreSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataDir, "dataDir");
        options = Map.copyOf(options);
    }

    /** A store with no settings of its own (the embedded store). */
    public StoreSettings(String kind, Path dataDir) {
        this(kind, dataDir, Map.of());
    }

    /** The provider's setting {@code name}; empty when unset or blank. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }

    /** Never prints option values: they include passwords. */
    @Override
    public String toString() {
        return "StoreSettings[kind=" + kind + ", dataDir=" + dataDir + ", options=" + options.keySet() + "]";
    }
}
