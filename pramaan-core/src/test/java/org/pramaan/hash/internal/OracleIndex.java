package org.pramaan.hash.internal;

import java.util.ArrayList;
import java.util.List;

/** The plain reference: a list of (id, hash) and a loop over all of it. Obviously correct, deliberately slow. */
final class OracleIndex {
    private final List<long[]> hashes = new ArrayList<>();
    private final List<Long> ids = new ArrayList<>();

    void add(long id, long[] h) {
        ids.add(id);
        hashes.add(h.clone());
    }

    void remove(long id) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (ids.get(i) == id) {
                ids.remove(i);
                hashes.remove(i);
            }
        }
    }

    /** Sorted "id:distance" strings, so two results compare with equals. */
    List<String> search(long[] q, int d) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long[] h = hashes.get(i);
            int dist = 0;
            for (int w = 0; w < 4; w++) dist += Long.bitCount(h[w] ^ q[w]);
            if (dist <= d) out.add(ids.get(i) + ":" + dist);
        }
        out.sort(null);
        return out;
    }

    static List<String> of(Hits h) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < h.size(); i++) out.add(h.id(i) + ":" + h.distance(i));
        out.sort(null);
        return out;
    }
}
