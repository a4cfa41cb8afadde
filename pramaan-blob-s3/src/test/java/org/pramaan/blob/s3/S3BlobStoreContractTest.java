package org.pramaan.blob.s3;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.intake.BlobStore;
import org.pramaan.testkit.contracts.BlobStoreContract;
import org.pramaan.testkit.servers.S3MockServer;

/** The blob contract, unchanged, on a real S3-compatible server (S3Mock in a child JVM, started once). */
class S3BlobStoreContractTest extends BlobStoreContract {
    @TempDir
    static Path serverDir;

    static S3MockServer server;
    private static final AtomicInteger STORES = new AtomicInteger();
    private final List<S3BlobStore> opened = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Fixture.start(serverDir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.close();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(S3BlobStore::close);
    }

    /** Each store gets its own key prefix in the shared bucket, so tests cannot see each other's blobs. */
    @Override
    protected BlobStore createStore(Path dir) throws Exception {
        S3BlobStore store = S3BlobStore.open(
                S3Fixture.settings(server, "contract-" + STORES.incrementAndGet() + "/"), dir.resolve("cache"));
        opened.add(store);
        return store;
    }
}
