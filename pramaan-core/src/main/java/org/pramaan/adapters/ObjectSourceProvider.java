package org.pramaan.adapters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.pramaan.backscan.ObjectSource;

/**
 * Opens the platform's own object storage for back-scans of a bucket prefix ({@code backscan.<name>.*},
 * e.g. {@code backscan.s3.endpoint}); found by {@link java.util.ServiceLoader} like {@link BlobStoreProvider},
 * so the object-store SDK stays off core.
 */
public interface ObjectSourceProvider {
    /** The configuration group that selects this provider ({@code s3} for {@code backscan.s3.*}). */
    String name();

    /**
     * Whether the options configure a source at all (an unset endpoint: object-prefix scans are off).
     *
     * @throws org.pramaan.errors.Invalid whose field is the full key, when they are set but wrong
     */
    boolean check(Map<String, String> options);

    /**
     * Opens the source without contacting it (a job's listing reports an unreachable store naming it).
     *
     * @param spool where fetched objects are kept while they are hashed (deleted after)
     */
    ObjectSource open(Map<String, String> options, Path spool) throws IOException;
}
