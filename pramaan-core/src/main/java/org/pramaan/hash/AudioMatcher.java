package org.pramaan.hash;

import java.util.Optional;
import org.pramaan.hash.internal.OffsetSearch;

/**
 * Decides whether a query clip is a copy of (a part of) a reference clip: offset voting, then the bit
 * error rate over the best-aligned overlap ({@link OffsetSearch}), compared with a threshold.
 *
 * <p>The default threshold {@value #DEFAULT_MAX_BIT_ERROR_RATE} and minimum overlap come from the
 * measurements in {@code docs/audio-fingerprint.md}: re-encodes, volume changes and trims of speech
 * stay well below it, while unrelated speech sits near 0.5 minus the small bias of taking the best of
 * a few offsets.
 */
public final class AudioMatcher {
    public static final double DEFAULT_MAX_BIT_ERROR_RATE = 0.20;
    /** 24 strong sub-fingerprints ≈ 3 s: with 768 compared bits a chance BER of 0.35 is ~8 σ below 0.5. */
    public static final int DEFAULT_MIN_COMPARED = 24;
    /**
     * A match must also have at most half the BER that unrelated fingerprints with the same bit
     * frequencies would have ({@link OffsetSearch#chanceErrorRate}): two clips of noise agree in most
     * bits only because noise drives the classifiers to the same levels, not because one is a copy.
     */
    public static final double MAX_SHARE_OF_CHANCE = 0.5;

    private final double maxBitErrorRate;
    private final int minCompared;

    public AudioMatcher() {
        this(DEFAULT_MAX_BIT_ERROR_RATE, DEFAULT_MIN_COMPARED);
    }

    public AudioMatcher(double maxBitErrorRate, int minCompared) {
        if (!(maxBitErrorRate > 0 && maxBitErrorRate < 0.5))
            throw new IllegalArgumentException("max bit error rate must be in (0, 0.5), got " + maxBitErrorRate);
        if (minCompared < 1)
            throw new IllegalArgumentException("minimum compared sub-fingerprints must be ≥ 1, got " + minCompared);
        this.maxBitErrorRate = maxBitErrorRate;
        this.minCompared = minCompared;
    }

    /**
     * Compares a query fingerprint with a reference fingerprint.
     *
     * @throws IllegalArgumentException when the two are too long to compare pairwise ({@link OffsetSearch#MAX_PAIRS})
     */
    public AudioMatch compare(AudioFingerprint query, AudioFingerprint reference) {
        return decide(
                query,
                reference,
                OffsetSearch.voted(
                        query.subFingerprints(),
                        query.weak(),
                        reference.subFingerprints(),
                        reference.weak(),
                        minCompared));
    }

    /**
     * As {@link #compare}, with the votes already counted by an {@link AudioIndex}: the same
     * decision, without the n × m popcounts of all-pairs voting.
     *
     * @throws IllegalArgumentException as {@link #compare} does
     */
    public AudioMatch compare(AudioFingerprint query, AudioFingerprint reference, AudioIndex.Votes votes) {
        return decide(
                query,
                reference,
                OffsetSearch.fromVotes(
                        votes.offsets(),
                        votes.counts(),
                        query.subFingerprints(),
                        query.weak(),
                        reference.subFingerprints(),
                        reference.weak(),
                        minCompared));
    }

    /**
     * False when {@link #compare(AudioFingerprint, AudioFingerprint, AudioIndex.Votes)} cannot say MATCH: the
     * best-voted alignment is above the BER threshold (or there is none). Skips the chance rate,
     * which a bank index would otherwise compute for every chance candidate.
     *
     * @throws IllegalArgumentException as {@link #compare} does
     */
    public boolean mayMatch(AudioFingerprint query, AudioFingerprint reference, AudioIndex.Votes votes) {
        Optional<OffsetSearch.Alignment> best = OffsetSearch.fromVotes(
                votes.offsets(),
                votes.counts(),
                query.subFingerprints(),
                query.weak(),
                reference.subFingerprints(),
                reference.weak(),
                minCompared);
        return best.isPresent() && best.get().bitErrorRate() <= maxBitErrorRate;
    }

    private AudioMatch decide(
            AudioFingerprint query, AudioFingerprint reference, Optional<OffsetSearch.Alignment> best) {
        if (best.isEmpty()) return new AudioMatch(AudioMatch.Verdict.TOO_LITTLE_AUDIO, 0, 0, 0.5, 0.5, 0);
        OffsetSearch.Alignment a = best.get();
        double chance = OffsetSearch.chanceErrorRate(
                a.offset(), query.subFingerprints(), query.weak(), reference.subFingerprints(), reference.weak());
        boolean match = a.bitErrorRate() <= maxBitErrorRate && a.bitErrorRate() <= MAX_SHARE_OF_CHANCE * chance;
        AudioMatch.Verdict v = match ? AudioMatch.Verdict.MATCH : AudioMatch.Verdict.NO_MATCH;
        // k aligned items cover (k − 1) hops plus the audio one item reads (AudioFingerprinter.MIN_SECONDS).
        double overlap = a.aligned() == 0
                ? 0
                : (a.aligned() - 1) * AudioFingerprint.SECONDS_PER_ITEM + AudioFingerprinter.MIN_SECONDS;
        return new AudioMatch(
                v, a.offset() * AudioFingerprint.SECONDS_PER_ITEM, overlap, a.bitErrorRate(), chance, a.pairs());
    }
}
