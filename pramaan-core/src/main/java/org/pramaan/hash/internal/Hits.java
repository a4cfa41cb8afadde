package org.pramaan.hash.internal;

import java.util.Arrays;

/** A growable list of (id, distance) pairs, so a search allocates no object per candidate. */
public final class Hits {
    private long[] ids = new long[8];
    private int[] distances = new int[8];
    private int size;

    void add(long id, int distance) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            distances = Arrays.copyOf(distances, size * 2);
        }
        ids[size] = id;
        distances[size++] = distance;
    }

    public int size() {
        return size;
    }

    public long id(int i) {
        return ids[i];
    }

    public int distance(int i) {
        return distances[i];
    }

    public void clear() {
        size = 0;
    }
}
