package org.pramaan.adapters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pramaan.intake.BlobStore;

/**
 * Opens one kind of {@link BlobStore} other than the store's own ({@code blobs=local}), named by the
 * {@code blobs} configuration key (e.g. {@code s3}); found by {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.pramaan.adapters.BlobStoreProvider} entry in the provider's jar), so
 * the object-store SDK stays off core and off deployments that do not use it.
 *
 * <p>{@code options} are the {@code blobs.<name>.*} configuration values with that prefix removed
 * ({@code endpoint}, {@code bucket}, …); every known option is present, blank when unset.
 */
public interface BlobStoreProvider {
    /** The value of the {@code blobs} key that selects this provider (lower case). */
    String name();

    /**
     * Checks the options without contacting anything, so bad configuration stops start-up (DEV-GUIDELINES 5).
     *
     * @throws org.pramaan.errors.Invalid whose field is the full key ({@code blobs.s3.bucket}) and whose
     *     message says what is wrong with its value
     */
    void check(Map<String, String> options);

    /**
     * Opens the store and proves it usable (the server answers, the bucket exists, the credentials are
     * accepted); the caller closes it when it is {@link AutoCloseable}.
     *
     * @param dataDir the node's data directory, for local copies of located blobs
     * @throws IOException naming what failed: the endpoint's host and port, the bucket, the refusal
     */
    BlobStore open(Map<String, String> options, Path dataDir) throws IOException;
}
