package org.pramaan.hash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.pramaan.hash.internal.Hits;
import org.pramaan.hash.internal.MainSegment;
import org.pramaan.hash.internal.MihIndex;
import org.pramaan.hash.internal.SnapshotFile;

/** {@link PdqIndex} over the packed multi-index in {@code hash.internal}. */
final class MihPdqIndex implements PdqIndex {
    private final MihIndex index;

    MihPdqIndex(MihIndex index) {
        this.index = index;
    }

    static MihPdqIndex build(List<Entry> entries, Executor merger) {
        int n = entries.size();
        long[] words = new long[n * 4];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(packed(entries.get(i).hash()), 0, words, i * 4, 4);
            ids[i] = entries.get(i).id();
        }
        return new MihPdqIndex(
                MihIndex.build(words, ids, n, merger, MihIndex.DEFAULT_MERGE_THRESHOLD, MihIndex.DEFAULT_MIN_CAP));
    }

    static Opened loadOrBuild(Path snapshot, List<Entry> entries, Executor merger) {
        if (!Files.exists(snapshot))
            return new Opened(build(entries, merger), false, Optional.of("no snapshot at " + snapshot));
        try {
            SnapshotFile.Header h = SnapshotFile.header(snapshot);
            long expected = 0;
            for (Entry e : entries) expected += MihIndex.entryFingerprint(e.id(), packed(e.hash()));
            if (h.entries() != entries.size() || h.fingerprint() != expected) {
                return new Opened(
                        build(entries, merger),
                        false,
                        Optional.of("snapshot " + snapshot + " holds " + h.entries()
                                + " hashes that differ from the repository's " + entries.size()));
            }
            MainSegment main = SnapshotFile.read(snapshot);
            return new Opened(
                    new MihPdqIndex(
                            new MihIndex(main, merger, MihIndex.DEFAULT_MERGE_THRESHOLD, MihIndex.DEFAULT_MIN_CAP)),
                    true,
                    Optional.empty());
        } catch (IOException e) {
            return new Opened(build(entries, merger), false, Optional.of(e.getMessage()));
        }
    }

    static long[] packed(Hash256 h) {
        return new long[] {h.word(0), h.word(1), h.word(2), h.word(3)};
    }

    @Override
    public void add(long id, Hash256 hash) {
        index.add(id, packed(hash));
    }

    @Override
    public void remove(long id) {
        index.remove(id);
    }

    @Override
    public List<Hit> search(Hash256 query, int radius) {
        Hits hits = new Hits();
        index.search(packed(query), radius, hits);
        return list(hits);
    }

    @Override
    public List<List<Hit>> scan(List<Hash256> queries, int radius) {
        if (radius < 0 || radius > 256) throw new IllegalArgumentException("radius must be 0..256, got " + radius);
        long[] q = new long[queries.size() * 4];
        Hits[] out = new Hits[queries.size()];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(packed(queries.get(i)), 0, q, i * 4, 4);
            out[i] = new Hits();
        }
        index.scanBatch(q, radius, out);
        List<List<Hit>> result = new ArrayList<>(out.length);
        for (Hits h : out) result.add(list(h));
        return result;
    }

    private static List<Hit> list(Hits hits) {
        List<Hit> out = new ArrayList<>(hits.size());
        for (int i = 0; i < hits.size(); i++) out.add(new Hit(hits.id(i), hits.distance(i)));
        return out;
    }

    @Override
    public void compact() {
        index.compact();
    }

    @Override
    public long stored() {
        return index.stored();
    }

    @Override
    public long memoryBytes() {
        return index.memoryBytes();
    }

    @Override
    public void writeSnapshot(Path file) throws IOException {
        index.compact();
        SnapshotFile.write(file, index.main());
    }
}
