package org.pramaan.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Bytes fetched from elsewhere (a URL, an object store) into a temporary file: read like the file,
 * and the file is deleted when the source is closed, so a back-scan leaves no copies behind.
 */
public final class SpooledSource implements MediaSource {
    private final MediaSource inner;
    private final Path spooled;

    private SpooledSource(MediaSource inner, Path spooled) {
        this.inner = inner;
        this.spooled = spooled;
    }

    /** Opens {@code spooled}; it is deleted now if it cannot be opened, else when the source closes. */
    public static SpooledSource open(Path spooled) throws IOException {
        Objects.requireNonNull(spooled, "spooled");
        try {
            return new SpooledSource(MediaSource.open(spooled), spooled);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spooled);
            throw e;
        }
    }

    @Override
    public long size() {
        return inner.size();
    }

    @Override
    public void readFully(long position, byte[] dst, int off, int len) throws IOException {
        inner.readFully(position, dst, off, len);
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(spooled);
    }

    @Override
    public void close() throws IOException {
        try {
            inner.close();
        } finally {
            Files.deleteIfExists(spooled);
        }
    }
}
