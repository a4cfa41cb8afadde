package org.pramaan.hash.internal;

import java.util.Optional;

/**
 * Finds how a query fingerprint lines up with a reference: offset voting, then the bit error rate at
 * the best-voted offsets. Offset d means query sub-fingerprint i sits at reference index i + d.
 *
 * <p>Voting: every pair of strong (not quiet) sub-fingerprints within {@value #VOTE_BITS} bits of each
 * other votes for its offset. Re-encoded copies keep many sub-fingerprints exact or nearly so, so the
 * true offset collects votes; unrelated audio almost never does (two random 32-bit values are within 2
 * bits with probability 529 / 2³²). The {@value #CANDIDATES} best-voted offsets and their neighbours
 * are then scored by BER, which a few chance votes cannot fool. {@link #exhaustive} scores every
 * offset: it is the oracle the tests compare against, and too slow to be the default on long audio.
 * All-pairs voting costs n·m popcounts; {@link #MAX_PAIRS} bounds it.
 */
public final class OffsetSearch {
    static final int VOTE_BITS = 2;
    static final int CANDIDATES = 8;
    public static final long MAX_PAIRS = 1L << 28;

    /**
     * How two fingerprints agree at one offset.
     *
     * @param aligned   positions where the two fingerprints overlap at this offset
     * @param pairs     of those, the ones where both sides are strong
     * @param errorBits differing bits over those pairs
     */
    public record Alignment(int offset, int aligned, int pairs, long errorBits, int votes) {
        public double bitErrorRate() {
            return pairs == 0 ? 0.5 : errorBits / (32.0 * pairs);
        }
    }

    private OffsetSearch() {}

    public static Optional<Alignment> voted(int[] q, boolean[] qWeak, int[] r, boolean[] rWeak, int minPairs) {
        checkPairs(q.length, r.length);
        int base = q.length - 1;
        int[] votes = new int[q.length + r.length];
        for (int i = 0; i < q.length; i++) {
            if (qWeak[i]) continue;
            int qi = q[i];
            for (int j = 0; j < r.length; j++)
                if (!rWeak[j] && Integer.bitCount(qi ^ r[j]) <= VOTE_BITS) votes[j - i + base]++;
        }
        int n = 0;
        for (int v : votes) if (v > 0) n++;
        int[] offsets = new int[n], counts = new int[n];
        for (int k = 0, m = 0; k < votes.length; k++)
            if (votes[k] > 0) {
                offsets[m] = k - base;
                counts[m++] = votes[k];
            }
        return fromVotes(offsets, counts, q, qWeak, r, rWeak, minPairs);
    }

    /**
     * What {@link #voted} decides, given its votes already counted (by a bank index's postings, say):
     * {@code offsets} ascending and distinct, {@code counts[k] > 0} the votes for {@code offsets[k]}.
     * Both paths end here, so an index that counts the same votes gets the same alignment.
     */
    public static Optional<Alignment> fromVotes(
            int[] offsets, int[] counts, int[] q, boolean[] qWeak, int[] r, boolean[] rWeak, int minPairs) {
        checkPairs(q.length, r.length);
        int base = q.length - 1;
        Alignment best = null;
        for (int c : topOffsets(offsets, counts)) {
            for (int d = c - 1; d <= c + 1; d++) {
                if (d < -base || d >= r.length) continue;
                int k = java.util.Arrays.binarySearch(offsets, d);
                Alignment a = at(d, q, qWeak, r, rWeak, k >= 0 ? counts[k] : 0);
                if (a.pairs() >= minPairs && (best == null || a.bitErrorRate() < best.bitErrorRate())) best = a;
            }
        }
        return Optional.ofNullable(best);
    }

    public static void checkPairs(int queryItems, int referenceItems) {
        if ((long) queryItems * referenceItems > MAX_PAIRS) {
            throw new IllegalArgumentException("comparing " + queryItems + " × " + referenceItems
                    + " sub-fingerprints exceeds the limit of " + MAX_PAIRS + " pairs");
        }
    }

    /**
     * The {@value #CANDIDATES} most-voted offsets, best first, the lower offset on a tie; offset 0
     * when nothing voted.
     */
    static int[] topOffsets(int[] offsets, int[] counts) {
        int[] top = new int[CANDIDATES];
        int found = 0;
        boolean[] taken = new boolean[offsets.length];
        for (; found < CANDIDATES; found++) {
            int arg = -1;
            for (int k = 0; k < offsets.length; k++) if (!taken[k] && (arg < 0 || counts[k] > counts[arg])) arg = k;
            if (arg < 0) break;
            taken[arg] = true;
            top[found] = offsets[arg];
        }
        return found == 0 ? new int[] {0} : java.util.Arrays.copyOf(top, found);
    }

    /** The oracle: the lowest BER over every offset with at least {@code minPairs} strong pairs. */
    public static Optional<Alignment> exhaustive(int[] q, boolean[] qWeak, int[] r, boolean[] rWeak, int minPairs) {
        Alignment best = null;
        for (int d = -(q.length - 1); d < r.length; d++) {
            Alignment a = at(d, q, qWeak, r, rWeak, 0);
            if (a.pairs() >= minPairs && (best == null || a.bitErrorRate() < best.bitErrorRate())) best = a;
        }
        return Optional.ofNullable(best);
    }

    /**
     * The BER two fingerprints with these bit frequencies would show if they were unrelated: for each
     * bit position, p(1 − p′) + p′(1 − p), averaged, over the strong pairs at offset {@code d}. Balanced
     * bits give 0.5; noise or a steady hum gives far less, because most classifiers then answer the
     * same whatever the input, and such fingerprints agree without being copies.
     */
    public static double chanceErrorRate(int d, int[] q, boolean[] qWeak, int[] r, boolean[] rWeak) {
        int[] onesQ = new int[32], onesR = new int[32];
        int pairs = 0;
        for (int i = Math.max(0, -d); i < q.length && i + d < r.length; i++) {
            if (qWeak[i] || rWeak[i + d]) continue;
            pairs++;
            for (int b = 0; b < 32; b++) {
                onesQ[b] += (q[i] >>> b) & 1;
                onesR[b] += (r[i + d] >>> b) & 1;
            }
        }
        if (pairs == 0) return 0.5;
        double sum = 0;
        for (int b = 0; b < 32; b++) {
            double p = (double) onesQ[b] / pairs, pr = (double) onesR[b] / pairs;
            sum += p * (1 - pr) + pr * (1 - p);
        }
        return sum / 32;
    }

    static Alignment at(int d, int[] q, boolean[] qWeak, int[] r, boolean[] rWeak, int votes) {
        int pairs = 0, aligned = 0;
        long errors = 0;
        for (int i = Math.max(0, -d); i < q.length && i + d < r.length; i++) {
            aligned++;
            if (qWeak[i] || rWeak[i + d]) continue;
            pairs++;
            errors += Integer.bitCount(q[i] ^ r[i + d]);
        }
        return new Alignment(d, aligned, pairs, errors, votes);
    }
}
