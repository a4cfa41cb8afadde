package org.pramaan.adapters;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a provider is opened with: the configured {@code store} kind and {@code data.dir} (the
 * embedded store keeps everything there; a scaled one keeps its local files there, e.g. the PDQ
 * index snapshot and the audit checkpoint journal).
 */
public record StoreSettings(String kind, Path dataDir) {
    public StoreSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataDir, "dataDir");
    }
}
