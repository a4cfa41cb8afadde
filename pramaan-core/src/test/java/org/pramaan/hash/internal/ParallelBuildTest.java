package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18: the build runs on several threads. Property, over seeded random data sets of random
 * size, shape and thread count: the parallel build lays out exactly the arrays of the one-thread
 * build, and both answer every query as the plain scan does.
 */
class ParallelBuildTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void theParallelBuildIsTheSequentialOneAndAnswersAsTheScan(long seed) {
        Random r = new Random(seed);
        HashGen g = new HashGen(seed);
        MihIndexDifferentialTest.Data[] shapes = MihIndexDifferentialTest.Data.values();
        List<long[]> stored = new ArrayList<>();
        List<long[]> queries = new ArrayList<>();
        MihIndexDifferentialTest.generate(shapes[r.nextInt(shapes.length)], g, stored, queries);
        // Random extra hashes, some duplicated, so sizes and bucket runs differ from seed to seed.
        for (int i = r.nextInt(30_000); i > 0; i--)
            stored.add(
                    i % 7 == 0 && !stored.isEmpty()
                            ? stored.get(r.nextInt(stored.size())).clone()
                            : g.random());
        for (int i = 0; i < 20; i++) queries.add(g.flip(stored.get(r.nextInt(stored.size())), r.nextInt(32)));
        int n = stored.size();
        long[] words = new long[n * 4];
        long[] ids = new long[n];
        OracleIndex oracle = new OracleIndex();
        for (int i = 0; i < n; i++) {
            System.arraycopy(stored.get(i), 0, words, i * 4, 4);
            ids[i] = 7L * i - 3;
            oracle.add(ids[i], stored.get(i));
        }
        int minCap = r.nextBoolean() ? MihIndex.DEFAULT_MIN_CAP : 2 + r.nextInt(30);
        boolean wide = r.nextBoolean();
        int threads = 2 + r.nextInt(6);
        MainSegment one = SegmentBuilder.build(words.clone(), ids.clone(), n, minCap, wide, 1);
        MainSegment many = SegmentBuilder.build(words, ids, n, minCap, wide, threads);
        String what = n + " hashes, " + threads + " threads, minCap " + minCap;
        assertThat(many.tabled).as(what).isEqualTo(one.tabled);
        assertThat(many.words).as(what).isEqualTo(one.words);
        assertThat(many.ids).as(what).isEqualTo(one.ids);
        assertThat(many.offsets).as(what).isDeepEqualTo(one.offsets);
        assertThat(many.postings).as(what).isDeepEqualTo(one.postings);
        assertThat(many.partners).as(what).isDeepEqualTo(one.partners);
        int hits = 0;
        for (MainSegment m : List.of(one, many)) {
            MihIndex index = new MihIndex(m, Runnable::run, MihIndex.DEFAULT_MERGE_THRESHOLD, minCap);
            for (long[] q : queries) {
                for (int d : new int[] {0, 8, 15, 16, 24, 31}) {
                    Hits h = new Hits();
                    index.search(q, d, h);
                    List<String> want = oracle.search(q, d);
                    assertThat(OracleIndex.of(h)).as("%s, radius %d", what, d).isEqualTo(want);
                    hits += want.size();
                }
            }
        }
        assertThat(hits).as("the queries have matches to compare").isPositive();
    }
}
