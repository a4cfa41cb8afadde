package org.pramaan.hash;

import java.util.Objects;

/**
 * How a query clip lines up with a reference.
 *
 * @param verdict       the decision at the matcher's threshold
 * @param offsetSeconds where the query starts in the reference (positive: the query's start was cut off)
 * @param overlapSeconds how long the two overlap at that offset
 * @param bitErrorRate  differing bits / compared bits over the overlap's strong sub-fingerprints; 0.5
 *                      (chance) when nothing could be compared
 * @param chanceBitErrorRate the rate unrelated fingerprints with the same bit frequencies would show
 *                      (0.5 for balanced bits, less for noise or hum)
 * @param comparedItems strong sub-fingerprint pairs the rate was computed over
 */
public record AudioMatch(
        Verdict verdict,
        double offsetSeconds,
        double overlapSeconds,
        double bitErrorRate,
        double chanceBitErrorRate,
        int comparedItems) {
    public enum Verdict {
        MATCH,
        NO_MATCH,
        /** Too little non-quiet audio overlaps to decide (silence, or clips that are too short). */
        TOO_LITTLE_AUDIO
    }

    public AudioMatch {
        Objects.requireNonNull(verdict, "verdict");
        if (!(bitErrorRate >= 0 && bitErrorRate <= 1))
            throw new IllegalArgumentException("bit error rate must be 0..1, got " + bitErrorRate);
        if (!(chanceBitErrorRate >= 0 && chanceBitErrorRate <= 1))
            throw new IllegalArgumentException("chance bit error rate must be 0..1, got " + chanceBitErrorRate);
    }

    public boolean matched() {
        return verdict == Verdict.MATCH;
    }
}
