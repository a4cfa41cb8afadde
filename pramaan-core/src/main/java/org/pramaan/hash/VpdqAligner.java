package org.pramaan.hash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds where a query sits in a stored video from matched frame pairs: the time offset (stored −
 * query) that most distinct query frames agree on, within a tolerance, then runs of those frames
 * with no gap longer than {@code maxGapSeconds}. Repeats on the frames left over, so a compilation
 * of two excerpts gives two segments. Upstream vPDQ has no alignment (frames are an unordered
 * bag); this is the temporal check hashing.md §11 asks for, and what locates a clip.
 *
 * @param offsetToleranceSeconds how far offsets may differ and still agree; at least one sampling
 *                               step, since a clip cut between sampled frames matches neighbours
 * @param minFrames              fewest distinct query frames a segment needs
 */
public record VpdqAligner(double offsetToleranceSeconds, double maxGapSeconds, int minFrames, int maxSegments) {
    public VpdqAligner {
        if (!(offsetToleranceSeconds >= 0) || !(maxGapSeconds > 0))
            throw new IllegalArgumentException("tolerance must be >= 0 and gap > 0 seconds");
        if (minFrames < 1 || maxSegments < 1)
            throw new IllegalArgumentException("minFrames and maxSegments must be >= 1");
    }

    /** ±1 s offsets, runs broken by 3 s without a match, 3 frames at least, 10 segments at most. */
    public static VpdqAligner defaults() {
        return new VpdqAligner(1.0, 3.0, 3, 10);
    }

    /** A matched frame pair: index of the query frame, and both timestamps. */
    record Pair(int query, double queryTime, double storedTime) {
        double offset() {
            return storedTime - queryTime;
        }
    }

    List<VpdqSegment> segments(List<Pair> pairs) {
        List<Pair> left = new ArrayList<>(pairs);
        left.sort(Comparator.comparingDouble(Pair::offset));
        List<VpdqSegment> out = new ArrayList<>();
        while (out.size() < maxSegments && !left.isEmpty()) {
            List<Pair> band = bestBand(left);
            Run best = longestRun(band);
            if (best.queries.size() < minFrames) break;
            out.add(best.segment());
            left.removeIf(p -> best.queries.contains(p.query()));
        }
        out.sort(Comparator.comparingInt(VpdqSegment::matchedFrames).reversed());
        return out;
    }

    /** Sliding window of width 2·tolerance over offset-sorted pairs; keeps the one with most distinct query frames. */
    private List<Pair> bestBand(List<Pair> sorted) {
        int maxQuery = 0;
        for (Pair p : sorted) maxQuery = Math.max(maxQuery, p.query());
        int[] count = new int[maxQuery + 1];
        int distinct = 0, bestDistinct = -1, bestFrom = 0, bestTo = 0;
        for (int lo = 0, hi = 0; hi < sorted.size(); hi++) {
            if (count[sorted.get(hi).query()]++ == 0) distinct++;
            while (sorted.get(hi).offset() - sorted.get(lo).offset() > 2 * offsetToleranceSeconds) {
                if (--count[sorted.get(lo++).query()] == 0) distinct--;
            }
            if (distinct > bestDistinct) {
                bestDistinct = distinct;
                bestFrom = lo;
                bestTo = hi;
            }
        }
        return sorted.subList(bestFrom, bestTo + 1);
    }

    private Run longestRun(List<Pair> band) {
        List<Pair> byTime = new ArrayList<>(band);
        byTime.sort(Comparator.comparingDouble(Pair::queryTime));
        Run best = new Run(), current = new Run();
        for (Pair p : byTime) {
            if (!current.queries.isEmpty() && p.queryTime() - current.queryEnd > maxGapSeconds) {
                if (current.queries.size() > best.queries.size()) best = current;
                current = new Run();
            }
            current.add(p);
        }
        return current.queries.size() > best.queries.size() ? current : best;
    }

    private static final class Run {
        final Set<Integer> queries = new HashSet<>();
        double queryStart = Double.MAX_VALUE, queryEnd = -1, storedStart = Double.MAX_VALUE, storedEnd = -1;

        void add(Pair p) {
            queries.add(p.query());
            queryStart = Math.min(queryStart, p.queryTime());
            queryEnd = Math.max(queryEnd, p.queryTime());
            storedStart = Math.min(storedStart, p.storedTime());
            storedEnd = Math.max(storedEnd, p.storedTime());
        }

        VpdqSegment segment() {
            return new VpdqSegment(queryStart, queryEnd, storedStart, storedEnd, queries.size());
        }
    }
}
