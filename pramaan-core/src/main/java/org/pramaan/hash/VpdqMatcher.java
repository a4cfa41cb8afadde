package org.pramaan.hash;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Brute-force vPDQ comparison of two frame lists (O(n·m) distances; fine per candidate video, a
 * frame index should pick candidates first at bank scale). Percentages follow upstream's rule
 * (vpdq/README.md): frames under quality 50 dropped on both sides, then each side's share of frames
 * with any partner within the distance. Segments add what the bag-of-frames rule lacks: where the
 * clip sits in the stored video ({@link VpdqAligner}).
 */
public final class VpdqMatcher {
    /** Upstream's frame distance D and quality floor F. */
    public static final int DEFAULT_DISTANCE = 31;

    private final int distance;
    private final VpdqMatchRule rule;
    private final VpdqAligner aligner;

    public VpdqMatcher(int distance, VpdqMatchRule rule, VpdqAligner aligner) {
        if (distance < 0 || distance > 256)
            throw new IllegalArgumentException("distance must be 0..256, got " + distance);
        this.distance = distance;
        this.rule = java.util.Objects.requireNonNull(rule, "rule");
        this.aligner = java.util.Objects.requireNonNull(aligner, "aligner");
    }

    public static VpdqMatcher defaults() {
        return new VpdqMatcher(DEFAULT_DISTANCE, VpdqMatchRule.README_UNIQUE_HASHES, VpdqAligner.defaults());
    }

    public VpdqMatch match(List<VpdqFrame> query, List<VpdqFrame> stored) {
        List<VpdqFrame> q = prepare(query), s = prepare(stored);
        boolean[] qHit = new boolean[q.size()], sHit = new boolean[s.size()];
        List<VpdqAligner.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            Hash256 h = q.get(i).hash();
            for (int j = 0; j < s.size(); j++) {
                if (!close(h.distance(s.get(j).hash()))) continue;
                qHit[i] = true;
                sHit[j] = true;
                pairs.add(new VpdqAligner.Pair(
                        i, q.get(i).timestampSeconds(), s.get(j).timestampSeconds()));
            }
        }
        return new VpdqMatch(percent(qHit), percent(sHit), aligner.segments(pairs));
    }

    private boolean close(int d) {
        return rule == VpdqMatchRule.CPP_BRUTE ? d < distance : d <= distance;
    }

    private List<VpdqFrame> prepare(List<VpdqFrame> frames) {
        return prepare(frames, rule);
    }

    /**
     * The frames {@link #match} counts on one side under {@code rule}: matchable ones, and under
     * {@link VpdqMatchRule#README_UNIQUE_HASHES} only the first of each hash (checked before quality).
     * A bank's frame index uses it so its percentages have the same denominators.
     */
    public static List<VpdqFrame> prepare(List<VpdqFrame> frames, VpdqMatchRule rule) {
        List<VpdqFrame> kept = new ArrayList<>(frames.size());
        Set<Hash256> seen = new LinkedHashSet<>();
        for (VpdqFrame f : frames) {
            if (rule == VpdqMatchRule.README_UNIQUE_HASHES && !seen.add(f.hash())) continue;
            if (f.matchable()) kept.add(f);
        }
        return kept;
    }

    private static double percent(boolean[] hits) {
        if (hits.length == 0) return 0;
        int n = 0;
        for (boolean b : hits) if (b) n++;
        return 100.0 * n / hits.length;
    }
}
