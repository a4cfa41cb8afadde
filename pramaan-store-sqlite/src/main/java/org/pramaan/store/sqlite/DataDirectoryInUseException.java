package org.pramaan.store.sqlite;

import java.nio.file.Path;

/** Another process (or another store in this one) holds the data directory: refused, not shared. */
public final class DataDirectoryInUseException extends RuntimeException {
    private final Path dataDirectory;
    private final String holder;

    DataDirectoryInUseException(Path dataDirectory, String holder) {
        super("the data directory " + dataDirectory + " is in use by another Pramaan process (" + holder
                + "): only one process may open it at a time."
                + " Stop that process first, or use its HTTP API while it runs.");
        this.dataDirectory = dataDirectory;
        this.holder = holder;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The holder's own description (PID and start time), as it wrote it in the lock file. */
    public String holder() {
        return holder;
    }
}
