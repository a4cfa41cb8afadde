package org.pramaan.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Port: content-addressed media bytes. */
public interface BlobStore {
    /** Stores the file's bytes under {@code sha256} unless already present; the source file is left in place. */
    void put(String sha256, Path source) throws IOException;

    boolean contains(String sha256);

    Optional<Path> locate(String sha256);

    /** Deletes the bytes (retention purge); returns whether anything was deleted. */
    boolean delete(String sha256) throws IOException;

    /**
     * A cheap round trip for {@code GET /readyz}: empty when the store answers, else what went wrong
     * (a remote store's endpoint, bucket or credentials). Local folders have nothing to check.
     */
    default Optional<String> probe() {
        return Optional.empty();
    }
}
