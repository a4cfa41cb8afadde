package org.pramaan.hash;

import java.util.List;

/**
 * How much of two videos matched, both ways, and where.
 *
 * <p>Both percentages are reported because the conventions disagree on which decides: upstream's
 * README example asks for 80 % of the <em>compared</em> (stored) video, pytx for 80 % of the
 * <em>query</em>. A 20 s clip of a 3-minute video scores ~100 % query-side and ~11 % stored-side.
 *
 * @param queryMatchPercent  0..100: query frames (after the rule's filtering) with a stored partner
 * @param storedMatchPercent 0..100: stored frames with a query partner
 * @param segments           offset-consistent runs, most matched frames first
 */
public record VpdqMatch(double queryMatchPercent, double storedMatchPercent, List<VpdqSegment> segments) {
    public VpdqMatch {
        segments = List.copyOf(segments);
    }

    /** Both sides at or above their thresholds (e.g. pytx: query 80, stored 0). */
    public boolean matches(double minQueryPercent, double minStoredPercent) {
        return queryMatchPercent >= minQueryPercent && storedMatchPercent >= minStoredPercent;
    }
}
