package org.pramaan.banks;

import org.pramaan.hash.AudioMatch;
import org.pramaan.hash.AudioMatcher;

/**
 * When banked video and audio count as found again.
 *
 * <p>Video: the <em>query-side</em> percentage decides (pytx's convention, vpdq/README.md reports
 * both): the share of the upload's frames that have a banked partner must reach
 * {@code minQueryPercent}, and the longest offset-consistent run must cover at least
 * {@code minMatchedSeconds} of the upload (or all of it, for an upload shorter than that). So a
 * 20 s clip cut from a removed 3-minute video is found (≈100 % query-side, ≈11 % stored-side),
 * while a long video that merely shares a few frames (a logo, a black slate) is not. The stored-side
 * share is reported but does not decide: requiring it would let every excerpt of removed content
 * back in (IT Rules r.4(4)).
 *
 * <p>Audio: {@link AudioMatcher}'s decision ({@link AudioMatch.Verdict#MATCH}), which already needs
 * about 3 s of compared, non-quiet audio.
 */
public record AvMatchPolicy(double minQueryPercent, double minMatchedSeconds, AudioMatcher audioMatcher) {
    public static final AvMatchPolicy DEFAULT = new AvMatchPolicy(80, 5, new AudioMatcher());

    public AvMatchPolicy {
        if (!(minQueryPercent > 0 && minQueryPercent <= 100))
            throw new IllegalArgumentException("minQueryPercent must be in (0, 100], got " + minQueryPercent);
        if (!(minMatchedSeconds >= 0) || minMatchedSeconds > 3600)
            throw new IllegalArgumentException("minMatchedSeconds must be 0..3600, got " + minMatchedSeconds);
        java.util.Objects.requireNonNull(audioMatcher, "audioMatcher");
    }
}
