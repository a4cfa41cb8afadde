package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sub-fingerprint index counts exactly the votes all-pairs voting counts (every strong pair
 * within 2 bits, per offset), for exactly the references that have any, through adds, removals,
 * re-adds and the rebuild past the delta limit.
 */
class AudioIndexTest {
    final Random r = new Random(7);
    final int[] pool = new int[48];

    {
        for (int i = 0; i < pool.length; i++) pool[i] = r.nextInt();
    }

    /** Values drawn from a small pool, a few bits off, so near pairs are common and buckets collide. */
    AudioFingerprint fingerprint(int n) {
        int[] v = new int[n];
        boolean[] weak = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = pool[r.nextInt(pool.length)];
            for (int k = r.nextInt(4); k > 0; k--) v[i] ^= 1 << r.nextInt(32);
            weak[i] = r.nextInt(8) == 0;
        }
        return new AudioFingerprint(v, weak, n * AudioFingerprint.SECONDS_PER_ITEM);
    }

    static TreeMap<Integer, Integer> allPairs(AudioFingerprint q, AudioFingerprint ref) {
        TreeMap<Integer, Integer> votes = new TreeMap<>();
        for (int i = 0; i < q.count(); i++)
            for (int j = 0; j < ref.count(); j++)
                if (!q.weak()[i]
                        && !ref.weak()[j]
                        && Integer.bitCount(q.subFingerprints()[i] ^ ref.subFingerprints()[j]) <= 2)
                    votes.merge(j - i, 1, Integer::sum);
        return votes;
    }

    void assertSameVotes(AudioIndex index, Map<Long, AudioFingerprint> stored, AudioFingerprint q) {
        Map<Long, TreeMap<Integer, Integer>> expected = new LinkedHashMap<>();
        stored.forEach((k, ref) -> {
            TreeMap<Integer, Integer> v = allPairs(q, ref);
            if (!v.isEmpty()) expected.put(k, v);
        });
        Map<Long, TreeMap<Integer, Integer>> got = new LinkedHashMap<>();
        for (AudioIndex.Candidate c : index.candidates(q)) {
            TreeMap<Integer, Integer> v = new TreeMap<>();
            for (int k = 0; k < c.votes().offsets().length; k++)
                v.put(c.votes().offsets()[k], c.votes().counts()[k]);
            assertThat(c.reference()).isSameAs(stored.get(c.key()));
            got.put(c.key(), v);
        }
        assertThat(got).isEqualTo(expected);
        assertThat(expected).isNotEmpty(); // the pool makes votes common: an empty comparison proves nothing
    }

    @Test
    void countsTheVotesOfAllPairsVotingThroughAddsRemovalsAndRebuilds() {
        AudioIndex index = new AudioIndex();
        Map<Long, AudioFingerprint> stored = new LinkedHashMap<>();
        for (long k = 1; k <= 30; k++) stored.put(k, fingerprint(50 + r.nextInt(250)));
        index.addAll(stored);
        AudioFingerprint q = fingerprint(60);
        assertSameVotes(index, stored, q);

        for (long k = 1; k <= 30; k += 3) {
            index.remove(k);
            stored.remove(k);
        }
        AudioFingerprint replaced = fingerprint(120);
        index.add(2, replaced);
        stored.put(2L, replaced);
        assertSameVotes(index, stored, q);

        // Past the delta limit everything is rebuilt and renumbered.
        Map<Long, AudioFingerprint> more = new LinkedHashMap<>();
        for (long k = 100; k < 100 + AudioIndex.DELTA_LIMIT / 1000 + 10; k++) more.put(k, fingerprint(1000));
        for (Map.Entry<Long, AudioFingerprint> e : more.entrySet()) index.add(e.getKey(), e.getValue());
        stored.putAll(more);
        assertSameVotes(index, stored, q);
        assertThat(index.size()).isEqualTo(stored.size());
    }

    @Test
    void theMatcherDecidesTheSameFromTheIndexsVotesAsFromItsOwn() {
        AudioIndex index = new AudioIndex();
        AudioFingerprint ref = fingerprint(400);
        index.add(1, ref);
        AudioMatcher m = new AudioMatcher();
        List<AudioFingerprint> queries = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            int from = r.nextInt(300), n = 30 + r.nextInt(100);
            int[] v = java.util.Arrays.copyOfRange(ref.subFingerprints(), from, Math.min(400, from + n));
            for (int i = 0; i < v.length; i++)
                for (int k = r.nextInt(c % 7 + 1); k > 0; k--) v[i] ^= 1 << r.nextInt(32);
            boolean[] w = java.util.Arrays.copyOfRange(ref.weak(), from, from + v.length);
            queries.add(new AudioFingerprint(v, w, v.length * AudioFingerprint.SECONDS_PER_ITEM));
        }
        int matches = 0;
        for (AudioFingerprint q : queries) {
            AudioMatch pairwise = m.compare(q, ref);
            List<AudioIndex.Candidate> c = index.candidates(q);
            assertThat(c).singleElement();
            assertThat(m.compare(q, ref, c.get(0).votes())).isEqualTo(pairwise);
            // The cheap pre-check never refuses a match, and refuses what is above the BER threshold.
            assertThat(m.mayMatch(q, ref, c.get(0).votes()))
                    .isEqualTo(pairwise.bitErrorRate() <= AudioMatcher.DEFAULT_MAX_BIT_ERROR_RATE
                            && pairwise.verdict() != AudioMatch.Verdict.TOO_LITTLE_AUDIO);
            if (pairwise.matched()) matches++;
        }
        assertThat(matches).isGreaterThan(5);
    }
}
