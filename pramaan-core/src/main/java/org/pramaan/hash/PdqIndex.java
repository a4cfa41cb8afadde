package org.pramaan.hash;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Exact Hamming-radius search over stored PDQ hashes: every stored hash within the radius comes
 * back, with its distance, whatever the data (no approximate recall). Radius ≤ 31 uses a
 * multi-index; larger radii fall back to a full scan. An added hash is found by the next search;
 * adds are merged into the bulk structure in the background. Safe for concurrent use.
 */
public interface PdqIndex {
    /** Largest radius the multi-index answers (PDQ's match convention, Meta pdq README). */
    int MULTI_INDEX_RADIUS = 31;

    record Hit(long id, int distance) {}

    record Entry(long id, Hash256 hash) {
        public Entry {
            java.util.Objects.requireNonNull(hash, "hash");
        }
    }

    /** How {@link #loadOrBuild} got its index, and why a snapshot was not used. */
    record Opened(PdqIndex index, boolean fromSnapshot, Optional<String> snapshotProblem) {}

    /** Stores {@code hash} under {@code id}; ids should be unique (remove before re-adding). */
    void add(long id, Hash256 hash);

    /** Removes every hash stored under {@code id}; unknown ids are ignored. */
    void remove(long id);

    /** Every stored hash within {@code radius} (0..256) bits, in no particular order. */
    List<Hit> search(Hash256 query, int radius);

    /** Brute force for a batch of queries, one memory pass per batch; any radius. */
    List<List<Hit>> scan(List<Hash256> queries, int radius);

    /** Folds recent adds and removals into the bulk structure now. */
    void compact();

    /** Entries held, removed ones not yet compacted away included. */
    long stored();

    /** Bytes held by the index's arrays. */
    long memoryBytes();

    /** Compacts, then writes a checksummed snapshot that {@link #loadOrBuild} can read back. */
    void writeSnapshot(Path file) throws IOException;

    static PdqIndex build(List<Entry> entries, Executor merger) {
        return MihPdqIndex.build(entries, merger);
    }

    /**
     * Reads {@code snapshot} if it holds exactly {@code entries} (same count and an
     * order-independent digest of ids and hashes); otherwise, or when it is missing, corrupt or
     * truncated, builds from {@code entries} and says why.
     */
    static Opened loadOrBuild(Path snapshot, List<Entry> entries, Executor merger) {
        return MihPdqIndex.loadOrBuild(snapshot, entries, merger);
    }
}
