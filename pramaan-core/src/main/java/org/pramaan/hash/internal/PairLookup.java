package org.pramaan.hash.internal;

/**
 * Turns the candidates of an odd table (2j+1), which stores partners but no positions, into
 * positions: an entry in bucket v with partner u has chunk 2j+1 = v and chunk 2j = u, so it is an
 * entry of table 2j's bucket u whose partner is v. Both tables order a bucket by (partner,
 * position), so the entries sharing those two chunks form one run in each; only the first of the
 * run in table 2j+1 is looked up, and it brings the whole run of table 2j (usually one entry).
 * This is what saves 7 posting arrays (21–28 bytes per hash, issue 18) for one sorted-bucket
 * search per candidate that passed the pair filter.
 */
final class PairLookup {
    private PairLookup() {}

    /** Replaces the candidates from {@code first} on, indices into odd table k, by positions. */
    static void resolve(MainSegment m, int k, int queryChunk, int first, MainSegment.Scratch s) {
        int held = s.candidates - first;
        if (s.held.length < held) {
            s.held = new int[Math.max(held, s.held.length * 2)];
            s.heldProbe = new byte[s.held.length];
        }
        System.arraycopy(s.position, first, s.held, 0, held);
        System.arraycopy(s.probe, first, s.heldProbe, 0, held);
        s.candidates = first;
        int a = k ^ 1;
        long[] partB = m.partnersOf(k), partA = m.partnersOf(a);
        int[] offB = m.offsets[k], offA = m.offsets[a];
        for (int c = 0; c < held; c++) {
            int i = s.held[c], j = s.heldProbe[c];
            int v = j == 0 ? queryChunk : queryChunk ^ (1 << (j - 1));
            int u = PairFilter.get(partB, i);
            if (i > offB[v] && PairFilter.get(partB, i - 1) == u) continue; // its run's first entry brings it
            int end = offA[u + 1];
            for (int x = PairFilter.lowerBound(partA, offA[u], end, v); x < end && PairFilter.get(partA, x) == v; x++)
                s.add(m.positionIn(a, x), k, 0);
        }
    }
}
