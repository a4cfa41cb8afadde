package org.pramaan.hash;

/**
 * A run of query frames that match stored frames at one consistent time offset: "query seconds
 * [queryStart, queryEnd] are stored seconds [storedStart, storedEnd]". Ends are the timestamps of
 * the last matched sampled frames, so a range is short of the true end by up to one sampling step.
 *
 * @param matchedFrames distinct query frames in the run
 */
public record VpdqSegment(double queryStart, double queryEnd, double storedStart, double storedEnd, int matchedFrames) {
    public VpdqSegment {
        if (queryEnd < queryStart || storedEnd < storedStart)
            throw new IllegalArgumentException("segment ends before it starts");
        if (matchedFrames <= 0)
            throw new IllegalArgumentException("a segment needs matched frames, got " + matchedFrames);
    }

    /** Stored time minus query time. */
    public double offsetSeconds() {
        return storedStart - queryStart;
    }
}
