package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The multi-index against the plain scan, on random and adversarial data, at radii on both sides of 31. */
class MihIndexDifferentialTest {
    static final int[] RADII = {0, 1, 2, 15, 16, 17, 30, 31, 32, 40, 64};

    enum Data {
        RANDOM,
        BOUNDARY,
        PAIRS,
        CLUSTERED,
        DEGENERATE,
        SHARED_CHUNKS
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1;
        for (Data d : Data.values())
            for (int minCap : new int[] {MihIndex.DEFAULT_MIN_CAP, 3})
                for (int s = 0; s < 3; s++) out.add(Arguments.of(d, minCap, seed++));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} minCap={1} seed={2}")
    @MethodSource("cases")
    void sameAnswersAsTheBruteForceOracle(Data data, int minCap, long seed) {
        HashGen g = new HashGen(seed);
        List<long[]> stored = new ArrayList<>();
        List<long[]> queries = new ArrayList<>();
        generate(data, g, stored, queries);
        long[] words = new long[stored.size() * 4];
        long[] ids = new long[stored.size()];
        OracleIndex oracle = new OracleIndex();
        for (int i = 0; i < stored.size(); i++) {
            System.arraycopy(stored.get(i), 0, words, i * 4, 4);
            ids[i] = 1000 + i;
            oracle.add(ids[i], stored.get(i));
        }
        // Odd seeds use 4-byte postings (the layout above 2^24 entries), even seeds 3-byte ones.
        MainSegment main = MainSegment.build(words, ids, stored.size(), minCap, seed % 2 == 1);
        assertThat(main.width).isEqualTo(seed % 2 == 1 ? 4 : 3);
        MihIndex index = new MihIndex(main, Runnable::run, MihIndex.DEFAULT_MERGE_THRESHOLD, minCap);
        if (minCap == 3 && data != Data.RANDOM)
            assertThat(index.overflow())
                    .as("small cap sends degenerate entries to overflow")
                    .isPositive();
        int matched = 0;
        for (long[] q : queries) {
            for (int d : RADII) {
                Hits hits = new Hits();
                index.search(q, d, hits);
                List<String> expected = oracle.search(q, d);
                assertThat(OracleIndex.of(hits)).as("%s radius %d", data, d).isEqualTo(expected);
                if (d == 31) matched += expected.size();
            }
        }
        assertThat(matched)
                .as("the data set has matches at radius 31 to compare")
                .isPositive();
    }

    static void generate(Data data, HashGen g, List<long[]> stored, List<long[]> queries) {
        switch (data) {
            case RANDOM -> {
                for (int i = 0; i < 20_000; i++) stored.add(g.random());
                for (int i = 0; i < 60; i++)
                    queries.add(
                            i % 2 == 0
                                    ? g.flip(stored.get(g.random.nextInt(stored.size())), g.random.nextInt(41))
                                    : g.random());
            }
            case BOUNDARY -> {
                for (int c = 0; c < 10; c++) {
                    long[] center = g.random();
                    queries.add(center);
                    for (int k = 0; k <= 40; k++) {
                        stored.add(g.flip(center, k));
                        stored.add(g.spread(center, k));
                    }
                }
                for (int i = 0; i < 2_000; i++) stored.add(g.random());
            }
            case PAIRS -> {
                for (int c = 0; c < 10; c++) {
                    long[] center = g.random();
                    queries.add(center);
                    for (int k = 0; k <= 40; k++) for (int rep = 0; rep < 3; rep++) stored.add(g.pairSpread(center, k));
                }
                for (int i = 0; i < 2_000; i++) stored.add(g.random());
            }
            case CLUSTERED -> {
                for (int c = 0; c < 20; c++) {
                    long[] center = g.random();
                    for (int i = 0; i < 200; i++) stored.add(g.flip(center, g.random.nextInt(9)));
                    queries.add(g.spread(center, 20 + g.random.nextInt(16)));
                    queries.add(g.flip(center, g.random.nextInt(36)));
                }
            }
            case DEGENERATE -> {
                long[] ones = {-1L, -1L, -1L, -1L};
                for (int i = 0; i < 50; i++) {
                    stored.add(new long[4]);
                    stored.add(ones.clone());
                    stored.add(g.sparse(g.random.nextInt(40)));
                    stored.add(g.flip(ones, g.random.nextInt(40)));
                }
                for (int i = 0; i < 2_000; i++) stored.add(g.random());
                queries.add(new long[4]);
                queries.add(ones);
                for (int k = 0; k < 40; k += 3) {
                    queries.add(g.sparse(k));
                    queries.add(g.spread(ones, k));
                }
            }
            case SHARED_CHUNKS -> {
                long[] template = g.random();
                for (int i = 0; i < 3_000; i++) {
                    long[] h = template.clone();
                    int w = g.random.nextInt(4);
                    h[w] = g.random.nextLong();
                    stored.add(g.flip(h, g.random.nextInt(6)));
                }
                for (int k = 0; k <= 40; k += 2) queries.add(g.spread(template, k));
            }
        }
    }
}
