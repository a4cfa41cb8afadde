package org.pramaan.hash.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Voting (the fast path) against scoring every offset (the oracle), on seeded random fingerprints. */
class OffsetSearchTest {
    record Case(int[] ref, boolean[] refWeak, int[] query, boolean[] queryWeak, int offset) {}

    /** A query that is a slice of the reference from {@code offset}, with each bit flipped with probability {@code flip}. */
    static Case sliced(long seed, double flip) {
        Random rnd = new Random(seed);
        int m = 80 + rnd.nextInt(200), offset = rnd.nextInt(m / 2), n = 30 + rnd.nextInt(m - offset - 29);
        int[] ref = rnd.ints(m).toArray();
        boolean[] refWeak = new boolean[m];
        for (int i = 0; i < m; i++) refWeak[i] = rnd.nextDouble() < 0.1;
        int[] q = new int[n];
        boolean[] qWeak = new boolean[n];
        for (int i = 0; i < n; i++) {
            int v = ref[i + offset];
            for (int b = 0; b < 32; b++) if (rnd.nextDouble() < flip) v ^= 1 << b;
            q[i] = v;
            qWeak[i] = rnd.nextDouble() < 0.1;
        }
        return new Case(ref, refWeak, q, qWeak, offset);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void votingFindsTheOraclesBestOffsetOnCopies(int seed) {
        Case c = sliced(seed, 0.02 + 0.01 * (seed % 10));
        Optional<OffsetSearch.Alignment> fast = OffsetSearch.voted(c.query(), c.queryWeak(), c.ref(), c.refWeak(), 20);
        Optional<OffsetSearch.Alignment> oracle =
                OffsetSearch.exhaustive(c.query(), c.queryWeak(), c.ref(), c.refWeak(), 20);
        assertThat(fast).isPresent();
        assertThat(fast.get().offset()).isEqualTo(oracle.orElseThrow().offset()).isEqualTo(c.offset());
        assertThat(fast.get().errorBits()).isEqualTo(oracle.get().errorBits());
        assertThat(fast.get().votes()).isPositive();
        assertThat(fast.get().bitErrorRate()).isLessThan(0.15);
    }

    @Test
    void onUnrelatedInputTheOracleIsNeverWorseThanVoting() {
        Random rnd = new Random(99);
        for (int round = 0; round < 20; round++) {
            int[] a = rnd.ints(100).toArray(), b = rnd.ints(120).toArray();
            boolean[] wa = new boolean[100], wb = new boolean[120];
            OffsetSearch.Alignment fast = OffsetSearch.voted(a, wa, b, wb, 24).orElseThrow();
            OffsetSearch.Alignment oracle =
                    OffsetSearch.exhaustive(a, wa, b, wb, 24).orElseThrow();
            assertThat(oracle.bitErrorRate()).isLessThanOrEqualTo(fast.bitErrorRate());
            assertThat(fast.bitErrorRate()).as("random 32-bit values").isGreaterThan(0.4);
        }
    }

    @Test
    void allWeakGivesNoAlignment() {
        int[] a = new int[50];
        boolean[] weak = new boolean[50];
        java.util.Arrays.fill(weak, true);
        assertThat(OffsetSearch.voted(a, weak, a, weak, 1)).isEmpty();
        assertThat(OffsetSearch.exhaustive(a, weak, a, weak, 1)).isEmpty();
    }

    @Test
    void refusesComparisonsBeyondThePairLimit() {
        int[] big = new int[1 << 15];
        boolean[] w = new boolean[big.length];
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> OffsetSearch.voted(big, w, new int[1 << 14], new boolean[1 << 14], 1))
                .hasMessageContaining("exceeds the limit");
    }
}
