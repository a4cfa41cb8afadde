package org.pramaan.app;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.pramaan.adapters.Adapters;
import org.pramaan.adapters.BlobStoreProvider;
import org.pramaan.intake.BlobStore;

/**
 * {@code blobs=<kind>} (issue 15): the opened store with its {@link Adapters#blobs()} replaced by the
 * blob store the configuration names, e.g. SQLite for the records and an S3 bucket for the media
 * bytes. Everything else, the unit of work included, stays the store's own (blob writes never joined
 * it: a blob is stored before its record commits and is content-addressed, so a rolled-back upload
 * leaves at most an unreferenced object).
 */
final class BlobSelection {
    private BlobSelection() {}

    /** The blob store providers on the class path, by name. */
    static Map<String, BlobStoreProvider> installed() {
        Map<String, BlobStoreProvider> byName = new TreeMap<>();
        ServiceLoader.load(BlobStoreProvider.class, BlobSelection.class.getClassLoader())
                .forEach(p -> byName.putIfAbsent(p.name(), p));
        return byName;
    }

    /**
     * {@code store} itself for {@code blobs=local}; else a view of it whose blobs are the configured
     * store's, which {@code close()} closes too and {@code probe()} checks too. The store is closed when
     * the blob store cannot be opened.
     *
     * @throws IOException naming the endpoint, bucket or credentials that failed (the provider's message)
     */
    static Adapters overlay(Adapters store, PramaanConfig.Blobs blobs, Path dataDir) throws IOException {
        if (blobs.local()) return store;
        BlobStore opened;
        try {
            BlobStoreProvider provider = installed().get(blobs.kind());
            if (provider == null)
                throw new IllegalStateException("blobs=" + blobs.kind() + " has no provider on the class path");
            opened = provider.open(blobs.options(), dataDir);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        // A dynamic view rather than a delegating class, so a port added to Adapters later is delegated too.
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "blobs" -> opened;
            case "close" -> {
                closeBoth(store, opened);
                yield null;
            }
            case "probe" -> probe(store, opened);
            default -> {
                try {
                    yield method.invoke(store, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Adapters)
                Proxy.newProxyInstance(Adapters.class.getClassLoader(), new Class<?>[] {Adapters.class}, handler);
    }

    /** The store first (it holds the data directory's lock), then the blob store, even when the first throws. */
    private static void closeBoth(Adapters store, BlobStore blobs) throws Exception {
        try {
            store.close();
        } finally {
            if (blobs instanceof AutoCloseable c) c.close();
        }
    }

    /** The store's probe, then the blob store's (for S3: the bucket is listed, as at start-up). */
    private static Optional<String> probe(Adapters store, BlobStore blobs) {
        Optional<String> problem = store.probe();
        if (problem.isPresent()) return problem;
        try {
            return blobs.probe().map(p -> "blob store: " + p);
        } catch (RuntimeException e) {
            return Optional.of("blob store: " + e.getMessage());
        }
    }
}
