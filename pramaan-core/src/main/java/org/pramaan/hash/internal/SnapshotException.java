package org.pramaan.hash.internal;

import java.io.IOException;
import java.nio.file.Path;

/** A snapshot that cannot be used (corrupt, truncated, another version); the index is rebuilt instead. */
public final class SnapshotException extends IOException {
    public SnapshotException(Path file, String problem) {
        super("PDQ index snapshot " + file + " " + problem);
    }
}
