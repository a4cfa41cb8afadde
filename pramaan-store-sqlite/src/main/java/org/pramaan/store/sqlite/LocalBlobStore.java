package org.pramaan.store.sqlite;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pramaan.intake.BlobStore;

/**
 * Content-addressed files: {@code <root>/ab/cd/abcd…} by SHA-256. Writes go to a temporary file and
 * are renamed into place, so a crash never leaves a half-written blob under a valid name.
 */
public final class LocalBlobStore implements BlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    public LocalBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    @Override
    public void put(String sha256, Path source) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) return;
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".incoming-", ".tmp");
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.exists(path(sha256));
    }

    @Override
    public Optional<Path> locate(String sha256) {
        Path p = path(sha256);
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        return Files.deleteIfExists(path(sha256));
    }

    private Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches())
            throw new IllegalArgumentException("not a lower-case SHA-256 hex digest: '" + sha256 + "'");
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }
}
