package org.pramaan.hash;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.hash.internal.SubFingerprintPostings;

/**
 * An inverted index of banked audio fingerprints' strong sub-fingerprints. For a query it counts the
 * same offset votes {@link AudioMatcher#compare(AudioFingerprint, AudioFingerprint)} counts by
 * comparing all n × m pairs (every strong pair within 2 bits votes for its offset), but only for
 * the references that have any, by looking each strong query item's neighbours up in the postings.
 * {@link AudioMatcher#compare(AudioFingerprint, AudioFingerprint, Votes)} then decides from those
 * votes exactly as the pairwise path does. A reference with no vote at all is not a candidate (see
 * {@link #candidates}).
 *
 * <p>Adds go to a small delta rebuilt on each add; past {@value #DELTA_LIMIT} postings, or when a
 * quarter of the positions belong to removed references, everything is rebuilt (linear: a counting
 * sort). Not thread-safe; the caller locks.
 */
public final class AudioIndex {
    static final int DELTA_LIMIT = 1 << 18;
    private static final int OFFSET_BIAS = 1 << 20;

    /** Offset votes for one reference: {@code offsets} ascending, {@code counts[k] > 0}. Arrays owned by the value. */
    public record Votes(int[] offsets, int[] counts) {}

    /** A reference with at least one vote. */
    public record Candidate(long key, AudioFingerprint reference, Votes votes) {}

    private record Track(long key, AudioFingerprint fingerprint, int base) {}

    private final List<Track> slots = new ArrayList<>(); // null where removed
    private int[] bases = new int[16];
    private final Map<Long, Integer> slotOf = new HashMap<>();
    private SubFingerprintPostings main = SubFingerprintPostings.EMPTY;
    private SubFingerprintPostings delta = SubFingerprintPostings.EMPTY;
    private int mainSlots;
    private long nextBase;
    private long removedItems;

    /** Stores {@code fingerprint} under {@code key}, replacing any fingerprint stored under it. */
    public void add(long key, AudioFingerprint fingerprint) {
        addAll(Map.of(key, fingerprint));
    }

    /** Adds many at once with one rebuild; iteration order is kept. */
    public void addAll(Map<Long, AudioFingerprint> fingerprints) {
        if (fingerprints.isEmpty()) return;
        for (Map.Entry<Long, AudioFingerprint> e : fingerprints.entrySet()) {
            removeSlot(e.getKey());
            if (nextBase + e.getValue().count() > Integer.MAX_VALUE) rebuild();
            if (nextBase + e.getValue().count() > Integer.MAX_VALUE)
                throw new IllegalStateException("the audio index holds " + nextBase + " items; "
                        + e.getValue().count() + " more exceed its limit of " + Integer.MAX_VALUE);
            int slot = slots.size();
            if (slot == bases.length) bases = Arrays.copyOf(bases, slot * 2);
            bases[slot] = (int) nextBase;
            slots.add(new Track(e.getKey(), e.getValue(), (int) nextBase));
            slotOf.put(e.getKey(), slot);
            nextBase += e.getValue().count();
        }
        refresh();
    }

    /** Forgets the fingerprint stored under {@code key}; unknown keys are ignored. */
    public void remove(long key) {
        if (removeSlot(key)) refresh();
    }

    public int size() {
        return slotOf.size();
    }

    /** Bytes of the postings and directories (the fingerprints themselves are the caller's). */
    public long memoryBytes() {
        return main.memoryBytes() + delta.memoryBytes() + 4L * bases.length;
    }

    /**
     * Every stored reference with at least one strong pair within 2 bits of the query, with its
     * offset votes, in the order the references were added. A reference without any such pair is
     * left out: all-pairs voting then scores offset 0 alone, a match only if every aligned item is
     * 3 or more bits off and yet the mean is at most 6.4, which no copy measured here shows
     * (docs/audio-fingerprint.md).
     */
    public List<Candidate> candidates(AudioFingerprint query) {
        int[] q = query.subFingerprints();
        boolean[] weak = query.weak();
        long[][] buf = {new long[256]};
        int[] n = {0};
        for (int i = 0; i < q.length; i++) {
            if (weak[i]) continue;
            int qi = i;
            SubFingerprintPostings.Sink sink = p -> {
                int slot = slotAt(p);
                if (slots.get(slot) == null) return;
                if (n[0] == buf[0].length) buf[0] = Arrays.copyOf(buf[0], n[0] * 2);
                int offset = p - bases[slot] - qi;
                buf[0][n[0]++] = ((long) slot << 32) | (offset + OFFSET_BIAS);
            };
            main.near(q[i], sink);
            delta.near(q[i], sink);
        }
        long[] votes = buf[0];
        Arrays.sort(votes, 0, n[0]);
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < n[0]; ) {
            int slot = (int) (votes[k] >>> 32), m = k;
            while (m < n[0] && (int) (votes[m] >>> 32) == slot) m++;
            int distinct = 0;
            for (int x = k; x < m; x++) if (x == k || votes[x] != votes[x - 1]) distinct++;
            int[] offsets = new int[distinct], counts = new int[distinct];
            int d = -1;
            for (int x = k; x < m; x++) {
                if (x == k || votes[x] != votes[x - 1]) offsets[++d] = (int) votes[x] - OFFSET_BIAS;
                counts[d]++;
            }
            Track t = slots.get(slot);
            out.add(new Candidate(t.key(), t.fingerprint(), new Votes(offsets, counts)));
            k = m;
        }
        return out;
    }

    private int slotAt(int position) {
        int s = Arrays.binarySearch(bases, 0, slots.size(), position);
        if (s >= 0) {
            while (s + 1 < slots.size() && bases[s + 1] == position) s++; // empty fingerprints share a base
            return s;
        }
        return -s - 2;
    }

    private boolean removeSlot(long key) {
        Integer slot = slotOf.remove(key);
        if (slot == null) return false;
        removedItems += slots.get(slot).fingerprint().count();
        slots.set(slot, null);
        return true;
    }

    private void refresh() {
        long live = nextBase - removedItems;
        long deltaItems = nextBase - (mainSlots < slots.size() ? bases[mainSlots] : nextBase);
        if (deltaItems > DELTA_LIMIT || removedItems > live / 4 + DELTA_LIMIT) rebuild();
        else delta = postings(mainSlots, slots.size());
    }

    /** Drops removed references, renumbers positions from 0, and puts everything in the main postings. */
    private void rebuild() {
        List<Track> live = new ArrayList<>(slotOf.size());
        for (Track t : slots) if (t != null) live.add(t);
        slots.clear();
        slotOf.clear();
        bases = new int[Math.max(16, live.size())];
        nextBase = 0;
        removedItems = 0;
        for (Track t : live) {
            bases[slots.size()] = (int) nextBase;
            slotOf.put(t.key(), slots.size());
            slots.add(new Track(t.key(), t.fingerprint(), (int) nextBase));
            nextBase += t.fingerprint().count();
        }
        mainSlots = slots.size();
        main = postings(0, mainSlots);
        delta = SubFingerprintPostings.EMPTY;
    }

    private SubFingerprintPostings postings(int from, int to) {
        long count = 0;
        for (int s = from; s < to; s++)
            if (slots.get(s) != null) count += slots.get(s).fingerprint().strongCount();
        if (count > Integer.MAX_VALUE - 8) throw new IllegalStateException(count + " postings exceed one array");
        long[] e = new long[(int) count];
        int n = 0;
        for (int s = from; s < to; s++) {
            Track t = slots.get(s);
            if (t == null) continue;
            int[] v = t.fingerprint().subFingerprints();
            boolean[] w = t.fingerprint().weak();
            for (int j = 0; j < v.length; j++) if (!w[j]) e[n++] = SubFingerprintPostings.entry(v[j], t.base() + j);
        }
        return SubFingerprintPostings.build(e, n);
    }
}
