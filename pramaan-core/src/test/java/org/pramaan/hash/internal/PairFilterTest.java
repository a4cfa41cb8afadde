package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The four-lane filter against plain per-entry popcounts. End to end, MihIndexDifferentialTest
 * checks the whole index against brute force; this pins the lane arithmetic and the bucket edges.
 */
class PairFilterTest {
    @Test
    void lanePopcountsEqualEachLanesBitCount() {
        Random r = new Random(5);
        for (int t = 0; t < 10_000; t++) {
            long x = r.nextLong();
            if (t < 4) x = t == 0 ? 0 : t == 1 ? -1 : t == 2 ? 0xFFFF0000FFFF0000L : 0x0001_8000_7FFF_FFFEL;
            long c = PairFilter.lanePopcounts(x);
            for (int lane = 0; lane < 4; lane++) {
                assertThat((int) (c >>> (16 * lane)) & 0xFFFF)
                        .isEqualTo(Integer.bitCount((int) (x >>> (16 * lane)) & 0xFFFF));
            }
        }
    }

    @Test
    void scanFindsExactlyTheEntriesWithinBudgetInsideEachBucket() {
        Random r = new Random(6);
        int n = 1000;
        int[] chunks = new int[n];
        long[] packed = PairFilter.packed(n);
        for (int i = 0; i < n; i++) {
            chunks[i] = r.nextInt(4) == 0
                    ? 0x1234 ^ (1 << r.nextInt(16)) ^ (r.nextBoolean() ? 1 << r.nextInt(16) : 0)
                    : r.nextInt(1 << 16);
            PairFilter.set(packed, i, chunks[i]);
            assertThat(PairFilter.get(packed, i)).isEqualTo(chunks[i]);
        }
        // Buckets with edges on and off the 4-entry longs, an empty one, and one spanning several rounds.
        int[] from = {0, 3, 5, 5, 130, 401, 999}, to = {3, 5, 5, 130, 401, 999, 1000};
        MainSegment.Scratch s = new MainSegment.Scratch();
        for (int radius = 0; radius <= 3; radius++) {
            s.candidates = 0;
            PairFilter.scan(packed, from, to, from.length, 0x1234, radius, 7, s);
            java.util.Set<Integer> got = new java.util.HashSet<>();
            for (int c = 0; c < s.candidates; c++) got.add(s.position[c]);
            java.util.Set<Integer> want = new java.util.HashSet<>();
            for (int j = 0; j < from.length; j++) {
                int budget = j == 0 ? radius : radius - 1;
                for (int i = from[j]; i < to[j]; i++) if (Integer.bitCount(chunks[i] ^ 0x1234) <= budget) want.add(i);
            }
            assertThat(got).as("radius %d", radius).isEqualTo(want);
            assertThat(s.candidates).as("no entry twice").isEqualTo(want.size());
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4})
    void lowerBoundFindsTheFirstPartnerAtLeastTheKeyOnSpreadSkewedAndRepeatedRuns(long seed) {
        Random r = new Random(seed);
        for (int t = 0; t < 300; t++) {
            int n = r.nextInt(200);
            int[] v = new int[n];
            int shape = t % 3;
            for (int i = 0; i < n; i++)
                v[i] = shape == 0 ? r.nextInt(1 << 16) : shape == 1 ? r.nextInt(8) : 0xFFF0 + r.nextInt(16);
            java.util.Arrays.sort(v);
            int from = r.nextInt(5), to = from + n;
            long[] packed = PairFilter.packed(to + 3);
            for (int i = 0; i < n; i++) PairFilter.set(packed, from + i, v[i]);
            for (int k = 0; k < 40; k++) {
                int key = k < 2 ? (k == 0 ? 0 : 0xFFFF) : n > 0 && k % 2 == 0 ? v[r.nextInt(n)] : r.nextInt(1 << 16);
                int want = from;
                while (want < to && v[want - from] < key) want++;
                assertThat(PairFilter.lowerBound(packed, from, to, key))
                        .as("key %d in %s", key, java.util.Arrays.toString(v))
                        .isEqualTo(want);
            }
        }
    }
}
