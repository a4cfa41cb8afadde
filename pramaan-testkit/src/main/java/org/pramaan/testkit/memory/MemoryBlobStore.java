package org.pramaan.testkit.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.intake.BlobStore;

/**
 * {@link BlobStore} holding the bytes in memory. The port hands bytes out as a {@link Path}
 * ({@link #locate}), so a located blob is written once to a file under {@code spillDir} (a test's
 * temporary directory) and that file is returned; it is deleted with the blob. Not transactional,
 * like the file-based store: a put inside a unit that rolls back stays (the bytes are content
 * addressed, so a stray blob is harmless and purged by retention).
 */
public final class MemoryBlobStore implements BlobStore {
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Path spillDir;

    public MemoryBlobStore(Path spillDir) {
        this.spillDir = spillDir;
    }

    @Override
    public void put(String sha256, Path source) throws IOException {
        check(sha256);
        if (blobs.containsKey(sha256)) return;
        blobs.putIfAbsent(sha256, Files.readAllBytes(source));
    }

    @Override
    public boolean contains(String sha256) {
        check(sha256);
        return blobs.containsKey(sha256);
    }

    @Override
    public synchronized Optional<Path> locate(String sha256) {
        check(sha256);
        byte[] bytes = blobs.get(sha256);
        if (bytes == null) return Optional.empty();
        try {
            Path file = spillDir.resolve(sha256);
            if (!Files.exists(file)) {
                Files.createDirectories(spillDir);
                Path tmp = Files.createTempFile(spillDir, "blob", ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write blob " + sha256 + " to " + spillDir, e);
        }
    }

    @Override
    public synchronized boolean delete(String sha256) throws IOException {
        check(sha256);
        Files.deleteIfExists(spillDir.resolve(sha256));
        return blobs.remove(sha256) != null;
    }

    /** The id becomes a file name: only a lower-case SHA-256 hex digest (64 of [0-9a-f]) may, so no path can escape {@code spillDir}. */
    private static void check(String sha256) {
        boolean ok = sha256.length() == 64;
        for (int i = 0; ok && i < 64; i++) {
            char c = sha256.charAt(i);
            ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        }
        if (!ok) throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: '" + sha256 + "'");
    }
}
