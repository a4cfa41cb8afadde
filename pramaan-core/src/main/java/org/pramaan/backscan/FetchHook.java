package org.pramaan.backscan;

import java.io.IOException;
import org.pramaan.media.MediaSource;

/**
 * Port: how a list scan gets the bytes of an id or URL the platform gave. The embedded adapter reads
 * from an allowed folder or over HTTP with size and time caps; a platform can plug in its own (an
 * object store, an internal API).
 */
public interface FetchHook {
    /**
     * Refuses an entry before a job is created, so a bad list fails whole and at once.
     *
     * @throws org.pramaan.errors.Invalid naming what is wrong with {@code ref} (the caller adds its position)
     */
    void check(String ref);

    /**
     * Opens the bytes of one entry; the caller closes the source. A failure is that item's error result,
     * not the job's.
     *
     * @throws IOException when the bytes cannot be had (missing, too large, too slow, refused)
     */
    MediaSource open(String ref) throws IOException;

    /** No fetching configured: every list entry is refused. */
    static FetchHook none() {
        return new FetchHook() {
            @Override
            public void check(String ref) {
                throw new org.pramaan.errors.Invalid(
                        "backscan.fetch_unavailable",
                        "source.items",
                        "list scans need a fetch hook (backscan.fetch-root or backscan.fetch-url-prefixes)",
                        null);
            }

            @Override
            public MediaSource open(String ref) throws IOException {
                throw new IOException("no fetch hook is configured");
            }
        };
    }
}
