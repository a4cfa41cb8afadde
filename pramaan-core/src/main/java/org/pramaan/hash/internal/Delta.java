package org.pramaan.hash.internal;

import java.util.Arrays;

/**
 * The append-only delta: hashes added since the main segment was built, searched by brute force
 * so an add is visible to the next search. A view is immutable up to {@code n}; appends write past
 * the end of the shared arrays (which no reader looks at) and publish a longer view, so readers
 * need no lock. Each entry keeps its add sequence number so a merge can tell what arrived after it began.
 */
final class Delta {
    final long[] words;
    final long[] ids;
    final long[] seqs;
    final int n;

    private Delta(long[] words, long[] ids, long[] seqs, int n) {
        this.words = words;
        this.ids = ids;
        this.seqs = seqs;
        this.n = n;
    }

    static Delta empty() {
        return new Delta(new long[64], new long[16], new long[16], 0);
    }

    /** Only the newest view may be appended to (the caller holds the index's write lock). */
    Delta append(long id, long seq, long[] hash) {
        long[] w = words, i = ids, s = seqs;
        if (n == ids.length) {
            w = Arrays.copyOf(words, words.length * 2);
            i = Arrays.copyOf(ids, ids.length * 2);
            s = Arrays.copyOf(seqs, seqs.length * 2);
        }
        System.arraycopy(hash, 0, w, n << 2, 4);
        i[n] = id;
        s[n] = seq;
        return new Delta(w, i, s, n + 1);
    }

    /** A copy without the entries of {@code id}, or this view when there are none. */
    Delta without(long id) {
        int keep = 0;
        for (int p = 0; p < n; p++) if (ids[p] != id) keep++;
        return keep == n ? this : filtered(p -> ids[p] != id, keep);
    }

    /** The entries added after sequence number {@code seq}. */
    Delta after(long seq) {
        int keep = 0;
        for (int p = 0; p < n; p++) if (seqs[p] > seq) keep++;
        return filtered(p -> seqs[p] > seq, keep);
    }

    private Delta filtered(java.util.function.IntPredicate keepIt, int keep) {
        int cap = Math.max(16, Integer.highestOneBit(Math.max(1, keep)) * 2);
        long[] w = new long[cap * 4], i = new long[cap], s = new long[cap];
        int m = 0;
        for (int p = 0; p < n; p++) {
            if (!keepIt.test(p)) continue;
            System.arraycopy(words, p << 2, w, m << 2, 4);
            i[m] = ids[p];
            s[m++] = seqs[p];
        }
        return new Delta(w, i, s, m);
    }

    void search(long[] q, int d, Hits out) {
        for (int p = 0; p < n; p++) {
            int dist = Packed.distance(words, p, q);
            if (dist <= d) out.add(ids[p], dist);
        }
    }

    long memoryBytes() {
        return words.length * 8L + ids.length * 16L;
    }
}
