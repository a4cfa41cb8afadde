package org.pramaan.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.intake.BlobStore;

/** Contract for {@link BlobStore} adapters. */
public abstract class BlobStoreContract {
    @TempDir
    protected Path dir;

    protected abstract BlobStore createStore(Path dir) throws Exception;

    @Test
    void storesOnceLocatesAndDeletes() throws Exception {
        BlobStore store = createStore(dir.resolve("store"));
        Path src = Files.write(dir.resolve("in.bin"), new byte[] {1, 2, 3});
        String id = "ab".repeat(32);
        assertThat(store.contains(id)).isFalse();
        store.put(id, src);
        store.put(id, src);
        assertThat(store.contains(id)).isTrue();
        assertThat(Files.readAllBytes(store.locate(id).orElseThrow())).containsExactly(1, 2, 3);
        assertThat(Files.exists(src)).as("source left in place").isTrue();
        assertThat(store.delete(id)).isTrue();
        assertThat(store.locate(id)).isEmpty();
    }

    @Test
    void refusesIdsThatAreNotDigests() throws Exception {
        BlobStore store = createStore(dir.resolve("store"));
        assertThatThrownBy(() -> store.contains("../../etc/passwd")).hasMessageContaining("SHA-256");
    }
}
