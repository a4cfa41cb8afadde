package org.pramaan.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what earlier processes left in the upload spool ({@code <data>/tmp}): request bodies of a
 * server killed mid-upload (ours, {@code upload-*.bin} and {@code import-*.bin}, and Jetty's multipart
 * cache files), which nothing else would ever delete (issue 11 defect 6). It runs when the server
 * starts, before it accepts a request, in the one process that holds the data directory, so every
 * file there is stale by then.
 */
final class SpoolSweep {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolSweep.class);

    private SpoolSweep() {}

    /** Deletes the regular files directly in {@code dir} (links are removed, never followed); returns how many went. */
    static int sweep(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return 0;
        int removed = 0;
        long bytes = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) continue;
                long size = Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? Files.size(f) : 0;
                if (Files.deleteIfExists(f)) {
                    removed++;
                    bytes += size;
                }
            }
        }
        if (removed > 0)
            LOG.info(
                    "removed {} stale upload spool file(s), {} bytes, from {} (left by an earlier process)",
                    removed,
                    bytes,
                    dir);
        return removed;
    }
}
