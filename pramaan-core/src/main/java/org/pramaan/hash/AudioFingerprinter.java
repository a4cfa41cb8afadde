package org.pramaan.hash;

import org.pramaan.hash.internal.ChromaFeatures;
import org.pramaan.hash.internal.Classifiers;
import org.pramaan.hash.internal.Resampler;

/**
 * Chromaprint-class audio fingerprints (Lalinský, "How does Chromaprint work?", 2011), implemented
 * from that description: mono PCM → 11,025 Hz → 4096-sample frames with 2/3 overlap → FFT → 12-band
 * chroma → smoothing and normalisation → 16 two-bit classifiers → one 32-bit sub-fingerprint per
 * frame, about 8 per second. The bits are ours, not Chromaprint's (different filters and thresholds),
 * so these fingerprints do not interoperate with AcoustID; they serve the same purpose: finding
 * re-encoded, re-levelled or trimmed copies of known audio (IT Rules r.4(4) re-upload prevention).
 *
 * <p>The input is plain samples and a rate so that any decoder plugs in (the WAV reader in
 * {@code org.pramaan.media.audio} here, FFmpeg in its own module). Not for edits that change the
 * words or the voice: a re-spoken or cloned line is different audio.
 */
public final class AudioFingerprinter {
    public static final int MIN_SAMPLE_RATE = 1_000;
    public static final int MAX_SAMPLE_RATE = 768_000;
    /** A window of 16 quiet-flagged frames with more than this many quiet ones gives a weak sub-fingerprint. */
    static final int MAX_QUIET_IN_WINDOW = 12;

    private static final int MIN_SAMPLES = ChromaFeatures.FRAME + (ChromaFeatures.HOP * (Classifiers.WINDOW + 3));
    /** Shortest audio that gives one sub-fingerprint, in seconds (≈ 2.72 s). */
    public static final double MIN_SECONDS = (double) MIN_SAMPLES / ChromaFeatures.SAMPLE_RATE;

    private final ChromaFeatures features = new ChromaFeatures();

    /**
     * Fingerprints mono audio.
     *
     * @param mono       samples in −1..1 (full scale); louder values are accepted, the chroma is normalised
     * @param sampleRate the samples' rate in Hz
     * @throws IllegalArgumentException for no samples, non-finite samples, an impossible rate, or audio
     *     shorter than {@link #MIN_SECONDS} or longer than {@link AudioFingerprint#MAX_ITEMS} allows
     */
    public AudioFingerprint fingerprint(float[] mono, int sampleRate) {
        if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException(
                    "sample rate " + sampleRate + " Hz is outside " + MIN_SAMPLE_RATE + ".." + MAX_SAMPLE_RATE);
        }
        if (mono.length == 0) throw new IllegalArgumentException("audio has no samples (zero length)");
        double seconds = (double) mono.length / sampleRate;
        if (seconds < MIN_SECONDS)
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "audio is %.2f s long; a fingerprint needs at least %.2f s",
                    seconds,
                    MIN_SECONDS));
        if (seconds / AudioFingerprint.SECONDS_PER_ITEM > AudioFingerprint.MAX_ITEMS) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "audio is %.0f s long; the limit is %.0f s",
                    seconds,
                    AudioFingerprint.MAX_ITEMS * AudioFingerprint.SECONDS_PER_ITEM));
        }
        for (int i = 0; i < mono.length; i++)
            if (!Float.isFinite(mono[i])) throw new IllegalArgumentException("sample " + i + " is " + mono[i]);
        ChromaFeatures.Image image = features.image(Resampler.resample(mono, sampleRate, ChromaFeatures.SAMPLE_RATE));
        int[] items = Classifiers.subFingerprints(image.chroma());
        return new AudioFingerprint(items, weak(image.quiet(), items.length), seconds);
    }

    static boolean[] weak(boolean[] quiet, int items) {
        boolean[] weak = new boolean[items];
        int inWindow = 0;
        for (int t = 0; t < Classifiers.WINDOW - 1 && t < quiet.length; t++) if (quiet[t]) inWindow++;
        for (int x = 0; x < items; x++) {
            if (quiet[x + Classifiers.WINDOW - 1]) inWindow++;
            weak[x] = inWindow > MAX_QUIET_IN_WINDOW;
            if (quiet[x]) inWindow--;
        }
        return weak;
    }
}
