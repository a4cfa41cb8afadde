package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Adds, removals, re-adds and merges (inline and in the background) keep the index equal to the oracle at every step. */
class MihIndexUpdatesTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void randomOperationsMatchTheOracle(long seed) throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            HashGen g = new HashGen(seed);
            boolean inline = seed % 2 == 0;
            MihIndex index = new MihIndex(MainSegment.empty(), inline ? Runnable::run : background, 60, 2);
            OracleIndex oracle = new OracleIndex();
            List<long[]> live = new ArrayList<>();
            List<Long> liveIds = new ArrayList<>();
            long nextId = 1;
            for (int op = 0; op < 1_000; op++) {
                int kind = g.random.nextInt(50);
                if (kind < 30 || live.isEmpty()) {
                    long[] h = live.isEmpty() || g.random.nextBoolean()
                            ? g.random()
                            : g.flip(live.get(g.random.nextInt(live.size())), g.random.nextInt(35));
                    long id = g.random.nextInt(8) == 0 && nextId > 1 ? reusable(g, nextId, liveIds) : nextId++;
                    index.add(id, h);
                    oracle.add(id, h);
                    live.add(h);
                    liveIds.add(id);
                } else if (kind < 48) {
                    int i = g.random.nextInt(live.size());
                    long id = liveIds.get(i);
                    index.remove(id);
                    oracle.remove(id);
                    for (int j = liveIds.size() - 1; j >= 0; j--)
                        if (liveIds.get(j) == id) {
                            liveIds.remove(j);
                            live.remove(j);
                        }
                } else if (kind == 48) {
                    index.compact();
                }
                long[] q = live.isEmpty()
                        ? g.random()
                        : g.spread(live.get(g.random.nextInt(live.size())), g.random.nextInt(36));
                int d = new int[] {0, 15, 31, 33}[g.random.nextInt(4)];
                Hits hits = new Hits();
                index.search(q, d, hits);
                assertThat(OracleIndex.of(hits)).as("op %d radius %d", op, d).isEqualTo(oracle.search(q, d));
            }
            index.compact();
            assertThat(index.merged()).isTrue();
            assertThat(index.stored()).isEqualTo(live.size());
        } finally {
            background.shutdownNow();
            assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** An id not in use now (removed earlier), so remove-then-add-again is exercised. */
    private static long reusable(HashGen g, long nextId, List<Long> liveIds) {
        long id = 1 + g.random.nextInt((int) nextId - 1);
        return liveIds.contains(id) ? nextIdFree(nextId, liveIds) : id;
    }

    private static long nextIdFree(long nextId, List<Long> liveIds) {
        for (long id = 1; id < nextId; id++) if (!liveIds.contains(id)) return id;
        return nextId + 1_000_000;
    }

    @Test
    void anAddIsFoundByTheNextSearchAndARemovalHidesItBeforeAnyMerge() {
        HashGen g = new HashGen(5);
        MihIndex index = new MihIndex(
                MainSegment.empty(),
                r -> {
                    throw new AssertionError("no merge expected");
                },
                1_000,
                8);
        long[] h = g.random();
        index.add(7, h);
        Hits hits = new Hits();
        index.search(g.flip(h, 31), 31, hits);
        assertThat(OracleIndex.of(hits)).containsExactly("7:31");
        assertThat(index.deltaSize()).isEqualTo(1);
        index.remove(7);
        hits.clear();
        index.search(h, 31, hits);
        assertThat(hits.size()).isZero();
    }
}
