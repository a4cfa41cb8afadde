package org.pramaan.banks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.pramaan.hash.PdqIndex;
import org.pramaan.hash.VpdqAligner;
import org.pramaan.hash.VpdqFrame;
import org.pramaan.hash.VpdqMatchRule;
import org.pramaan.hash.VpdqMatcher;

/**
 * Banked vPDQ frames in a {@link PdqIndex} (the exact multi-index the image banks use), so an
 * upload's frames find the banked videos they occur in without comparing every banked frame. Each
 * video's frames, as the matcher counts them (matchable, first of each hash), get ids
 * {@code base .. base + n − 1}. {@link #candidates} keeps only videos that could pass the scan's
 * rules: enough distinct query frames hit (the query-side share) and at least the aligner's
 * {@code minFrames} of them at one time offset (offset voting). Hits are searched at the widest
 * threshold in use, so they are a superset of the pairs the matcher finds at a bank's own
 * threshold, and both tests are necessary conditions: the scan, run on the candidates, returns what
 * it returns on every video. Not thread-safe; {@link BankIndex} locks.
 */
final class VideoFrameIndex {
    private record Video(long itemId, long base, List<VpdqFrame> frames) {}

    private static final VpdqMatchRule RULE = VpdqMatchRule.README_UNIQUE_HASHES;

    private final PdqIndex index;
    private final TreeMap<Long, Video> byBase = new TreeMap<>();
    private final Map<Long, Video> byItem = new HashMap<>();
    private long nextBase = 1;
    private long frames;

    /** Builds in bulk from {@code items} (one index build, not one add per frame). */
    VideoFrameIndex(List<BankItem> items, Executor merger) {
        List<PdqIndex.Entry> entries = new ArrayList<>();
        for (BankItem i : items) {
            Video v = place(i);
            if (v == null) continue;
            for (int k = 0; k < v.frames().size(); k++)
                entries.add(new PdqIndex.Entry(v.base() + k, v.frames().get(k).hash()));
        }
        this.index = PdqIndex.build(entries, merger);
    }

    void add(BankItem item) {
        remove(item.id());
        Video v = place(item);
        if (v == null) return;
        for (int k = 0; k < v.frames().size(); k++)
            index.add(v.base() + k, v.frames().get(k).hash());
    }

    void remove(long itemId) {
        Video v = byItem.remove(itemId);
        if (v == null) return;
        byBase.remove(v.base());
        frames -= v.frames().size();
        for (int k = 0; k < v.frames().size(); k++) index.remove(v.base() + k);
    }

    long frames() {
        return frames;
    }

    long memoryBytes() {
        return index.memoryBytes();
    }

    /**
     * Ids of the banked videos that can match {@code query} under {@code policy} and {@code aligner}
     * when frames match within {@code radius} bits (the widest bank threshold in use).
     */
    Set<Long> candidates(List<VpdqFrame> query, int radius, AvMatchPolicy policy, VpdqAligner aligner) {
        List<VpdqFrame> q = VpdqMatcher.prepare(query, RULE);
        if (q.isEmpty() || byItem.isEmpty()) return Set.of();
        Map<Long, List<double[]>> pairs = new HashMap<>(); // item → (query index, offset)
        for (int i = 0; i < q.size(); i++) {
            for (PdqIndex.Hit h : index.search(q.get(i).hash(), radius)) {
                Map.Entry<Long, Video> e = byBase.floorEntry(h.id());
                if (e == null) continue;
                Video v = e.getValue();
                long k = h.id() - v.base();
                if (k >= v.frames().size()) continue;
                double offset =
                        v.frames().get((int) k).timestampSeconds() - q.get(i).timestampSeconds();
                pairs.computeIfAbsent(v.itemId(), x -> new ArrayList<>()).add(new double[] {i, offset});
            }
        }
        Set<Long> out = new HashSet<>();
        for (Map.Entry<Long, List<double[]>> e : pairs.entrySet()) {
            List<double[]> p = e.getValue();
            Set<Integer> hit = new HashSet<>();
            for (double[] x : p) hit.add((int) x[0]);
            // The scan's own expression, on a count that is at least its count.
            if (100.0 * hit.size() / q.size() < policy.minQueryPercent()) continue;
            if (bestBand(p, aligner.offsetToleranceSeconds(), q.size()) < aligner.minFrames()) continue;
            out.add(e.getKey());
        }
        return out;
    }

    /** Most distinct query frames among pairs whose offsets lie within 2·tolerance, as the aligner's band. */
    static int bestBand(List<double[]> pairs, double tolerance, int queryFrames) {
        List<double[]> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingDouble(x -> x[1]));
        int[] count = new int[queryFrames];
        int distinct = 0, best = 0;
        for (int lo = 0, hi = 0; hi < sorted.size(); hi++) {
            if (count[(int) sorted.get(hi)[0]]++ == 0) distinct++;
            while (sorted.get(hi)[1] - sorted.get(lo)[1] > 2 * tolerance)
                if (--count[(int) sorted.get(lo++)[0]] == 0) distinct--;
            best = Math.max(best, distinct);
        }
        return best;
    }

    private Video place(BankItem item) {
        List<VpdqFrame> kept = VpdqMatcher.prepare(item.av().vpdq(), RULE);
        if (kept.isEmpty()) return null;
        Video v = new Video(item.id(), nextBase, kept);
        nextBase += kept.size();
        byBase.put(v.base(), v);
        byItem.put(item.id(), v);
        frames += kept.size();
        return v;
    }
}
