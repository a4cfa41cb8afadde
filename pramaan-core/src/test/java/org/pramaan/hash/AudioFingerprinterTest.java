package org.pramaan.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pramaan.hash.internal.ChromaFeatures;

/** The algorithm on generated signals; no external tools. */
class AudioFingerprinterTest {
    private static final int RATE = 44_100;
    private final AudioFingerprinter fp = new AudioFingerprinter();
    private final AudioMatcher matcher = new AudioMatcher();

    @Test
    void isDeterministicAndAboutEightItemsASecond() {
        float[] a = SyntheticAudio.chords(1, 12, RATE);
        AudioFingerprint f1 = fp.fingerprint(a, RATE), f2 = fp.fingerprint(a.clone(), RATE);
        assertThat(f1).isEqualTo(f2);
        assertThat(f1.count()).isEqualTo(ChromaFeatures.framesFor(12 * 11025) - 4 - 15);
        assertThat(f1.count() / 12.0).isBetween(6.0, 8.1);
        assertThat(f1.strongCount()).isEqualTo(f1.count());
        assertThat(f1.durationSeconds()).isEqualTo(12.0);
    }

    @Test
    void bitsAreBalancedOnMusicLikeAudio() {
        AudioFingerprint f = fp.fingerprint(SyntheticAudio.chords(2, 40, 11_025), 11_025);
        int[] ones = new int[32];
        for (int v : f.subFingerprints()) for (int b = 0; b < 32; b++) if ((v >>> b & 1) != 0) ones[b]++;
        for (int b = 0; b < 32; b++)
            assertThat((double) ones[b] / f.count())
                    .as("bit %d set fraction", b)
                    .isBetween(0.1, 0.9);
    }

    @Test
    void matchesItselfWithACutStartAtTheRightOffset() {
        float[] a = SyntheticAudio.chords(3, 20, RATE);
        AudioFingerprint ref = fp.fingerprint(a, RATE);
        int cut = (int) (4.3 * RATE); // not a whole number of hops: the frames do not line up exactly
        AudioMatch m = matcher.compare(fp.fingerprint(SyntheticAudio.slice(a, cut, a.length), RATE), ref);
        assertThat(m.verdict()).as("%s", m).isEqualTo(AudioMatch.Verdict.MATCH);
        assertThat(m.offsetSeconds())
                .isCloseTo(4.3, org.assertj.core.data.Offset.offset(AudioFingerprint.SECONDS_PER_ITEM));
        assertThat(m.bitErrorRate()).isLessThan(0.2);
        assertThat(m.overlapSeconds()).isCloseTo(20 - 4.3, org.assertj.core.data.Offset.offset(0.2));
        // Query in the middle of the reference, and reference cut instead of query: negative offset.
        AudioMatch rev = matcher.compare(ref, fp.fingerprint(SyntheticAudio.slice(a, cut, a.length), RATE));
        assertThat(rev.offsetSeconds())
                .isCloseTo(-4.3, org.assertj.core.data.Offset.offset(AudioFingerprint.SECONDS_PER_ITEM));
    }

    @Test
    void exactHopShiftAndIdentityGiveZeroErrors() {
        float[] a = SyntheticAudio.chords(4, 15, 11_025);
        AudioFingerprint ref = fp.fingerprint(a, 11_025);
        assertThat(matcher.compare(ref, ref).bitErrorRate()).isZero();
        AudioMatch m = matcher.compare(
                fp.fingerprint(SyntheticAudio.slice(a, 10 * ChromaFeatures.HOP, a.length), 11_025), ref);
        assertThat(m.bitErrorRate()).isZero();
        assertThat(m.offsetSeconds()).isEqualTo(10 * AudioFingerprint.SECONDS_PER_ITEM);
    }

    @Test
    void unrelatedSignalsDoNotMatch() {
        AudioFingerprint a = fp.fingerprint(SyntheticAudio.chords(5, 15, RATE), RATE);
        for (long seed = 6; seed < 11; seed++) {
            AudioMatch m = matcher.compare(fp.fingerprint(SyntheticAudio.chords(seed, 15, RATE), RATE), a);
            assertThat(m.verdict()).as("seed %d: %s", seed, m).isEqualTo(AudioMatch.Verdict.NO_MATCH);
            assertThat(m.bitErrorRate()).isGreaterThan(0.38);
        }
    }

    @Test
    void silenceIsWeakAndMatchesNothing() {
        AudioFingerprint silence = fp.fingerprint(new float[RATE * 10], RATE);
        assertThat(silence.count()).isPositive();
        assertThat(silence.strongCount()).isZero();
        AudioFingerprint other = fp.fingerprint(new float[RATE * 12], RATE);
        assertThat(matcher.compare(silence, other).verdict()).isEqualTo(AudioMatch.Verdict.TOO_LITTLE_AUDIO);
        AudioMatch vsMusic = matcher.compare(silence, fp.fingerprint(SyntheticAudio.chords(12, 10, RATE), RATE));
        assertThat(vsMusic.verdict()).isEqualTo(AudioMatch.Verdict.TOO_LITTLE_AUDIO);
        assertThat(vsMusic.matched()).isFalse();
    }

    /** Noise is loud enough not to be quiet, and its random chroma must not line up with anything. */
    @Test
    void noiseMatchesNeitherOtherNoiseNorMusic() {
        java.util.Random rnd = new java.util.Random(18);
        float[][] noise = new float[2][11_025 * 10];
        for (float[] n : noise)
            for (int i = 0; i < n.length; i++) n[i] = (float) (0.01 * rnd.nextGaussian()); // −40 dBFS
        AudioFingerprint a = fp.fingerprint(noise[0], 11_025), b = fp.fingerprint(noise[1], 11_025);
        assertThat(a.strongCount()).isEqualTo(a.count());
        AudioMatch m = matcher.compare(a, b);
        assertThat(m.verdict()).as("%s", m).isEqualTo(AudioMatch.Verdict.NO_MATCH);
        assertThat(m.bitErrorRate())
                .as("noise drives classifiers to the same levels: it agrees by chance")
                .isGreaterThan(0.6 * m.chanceBitErrorRate());
        assertThat(m.chanceBitErrorRate()).isLessThan(0.45);
        assertThat(matcher.compare(a, fp.fingerprint(SyntheticAudio.chords(19, 10, 11_025), 11_025))
                        .verdict())
                .isEqualTo(AudioMatch.Verdict.NO_MATCH);
        assertThat(matcher.compare(a, a).bitErrorRate()).isZero();
    }

    /** Mains hum in two recordings: steady chroma, so the fingerprints agree by chance, not by copying. */
    @Test
    void humMatchesNoOtherHum() {
        java.util.Random rnd = new java.util.Random(20);
        float[][] hum = new float[2][11_025 * 10];
        for (float[] h : hum)
            for (int i = 0; i < h.length; i++)
                h[i] = (float) (0.1 * Math.sin(2 * Math.PI * 50 * i / 11_025.0) + 0.001 * rnd.nextGaussian());
        AudioMatch m = matcher.compare(
                fp.fingerprint(hum[0], 11_025),
                fp.fingerprint(SyntheticAudio.slice(hum[1], 5000, hum[1].length), 11_025));
        assertThat(m.verdict()).as("%s", m).isEqualTo(AudioMatch.Verdict.NO_MATCH);
        assertThat(m.bitErrorRate())
                .as("below the plain threshold: only the chance rule stops it")
                .isLessThan(AudioMatcher.DEFAULT_MAX_BIT_ERROR_RATE);
    }

    @Test
    void aQuietGapInsideSpeechIsSkippedNotMatched() {
        float[] a = SyntheticAudio.concat(
                SyntheticAudio.chords(13, 5, RATE), new float[RATE * 6], SyntheticAudio.chords(14, 5, RATE));
        AudioFingerprint f = fp.fingerprint(a, RATE);
        assertThat(f.strongCount()).isLessThan(f.count()).isGreaterThan(f.count() / 3);
        AudioFingerprint b = fp.fingerprint(
                SyntheticAudio.concat(
                        SyntheticAudio.chords(15, 5, RATE), new float[RATE * 6], SyntheticAudio.chords(16, 5, RATE)),
                RATE);
        assertThat(matcher.compare(f, b).matched())
                .as("the shared silence must not make them match")
                .isFalse();
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> fp.fingerprint(new float[0], RATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero length");
        assertThatThrownBy(() -> fp.fingerprint(new float[RATE], RATE))
                .hasMessageContaining("1.00 s long")
                .hasMessageContaining("at least 2.72 s");
        assertThatThrownBy(() -> fp.fingerprint(new float[RATE * 3], 100)).hasMessageContaining("sample rate 100 Hz");
        float[] nan = new float[RATE * 3];
        nan[17] = Float.NaN;
        assertThatThrownBy(() -> fp.fingerprint(nan, RATE)).hasMessageContaining("sample 17 is NaN");
        assertThat(fp.fingerprint(new float[(int) Math.ceil(AudioFingerprinter.MIN_SECONDS * RATE)], RATE)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void serialisedFormRoundTripsAndRejectsDamage() {
        float[] a = SyntheticAudio.concat(SyntheticAudio.chords(17, 4, RATE), new float[RATE * 4 + 1234]);
        AudioFingerprint f = fp.fingerprint(a, RATE);
        assertThat(AudioFingerprint.fromBase64(f.toBase64())).isEqualTo(f);
        assertThat(f.toHex()).hasSize(8 * f.count()).matches("[0-9a-f]+");
        byte[] bytes = f.toBytes();
        assertThatThrownBy(() -> AudioFingerprint.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .hasMessageContaining("must be " + bytes.length + " bytes");
        byte[] huge = bytes.clone();
        huge[1] = 0x7F;
        assertThatThrownBy(() -> AudioFingerprint.fromBytes(huge)).hasMessageContaining("the limit is");
        byte[] v2 = bytes.clone();
        v2[0] = 2;
        assertThatThrownBy(() -> AudioFingerprint.fromBytes(v2)).hasMessageContaining("version 2");
        assertThatThrownBy(() -> AudioFingerprint.fromBase64("%%")).hasMessageContaining("not an audio fingerprint");
        assertThatThrownBy(() -> AudioFingerprint.fromBytes(new byte[3])).hasMessageContaining("header needs 13");
        byte[] nan = bytes.clone();
        java.nio.ByteBuffer.wrap(nan).putDouble(5, Double.NaN);
        assertThatThrownBy(() -> AudioFingerprint.fromBytes(nan))
                .hasMessageContaining("duration must be a finite number");
    }
}
