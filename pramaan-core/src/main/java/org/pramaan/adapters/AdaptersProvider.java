package org.pramaan.adapters;

import java.io.IOException;

/**
 * Opens one kind of {@link Adapters}; found by {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.pramaan.adapters.AdaptersProvider} entry in the provider's jar).
 */
public interface AdaptersProvider {
    /** The value of the {@code store} configuration key that selects this provider (lower case, e.g. {@code embedded}). */
    String name();

    /** Opens the store; the caller closes it. */
    Adapters open(StoreSettings settings) throws IOException;

    /**
     * Whether a store already exists for {@code settings}, without creating or locking anything (a
     * scan without a data directory must not create one).
     */
    boolean exists(StoreSettings settings);
}
