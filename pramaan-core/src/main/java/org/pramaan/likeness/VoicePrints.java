package org.pramaan.likeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.ModelManifest;
import org.pramaan.detect.VoiceEmbedder;

/**
 * Speaker embeddings of a decoded clip, window by window, shared by enrolment and screening (issue
 * 16, voice likeness). Windows of the model's length start every hop, plus one ending at the last
 * sample, as the audio detectors cut them; at most {@code max} are embedded, spread evenly over
 * longer sound. A window whose RMS level is below {@link #SILENCE_RMS} (−45 dBFS) is silence and is
 * not embedded: a speaker model's vector of silence or hiss says nothing about a speaker, and left in
 * it would pull every mean towards the same "nobody". This is an energy gate, not a speech detector:
 * a loud non-speech sound passes it and is embedded like speech.
 */
public final class VoicePrints {
    /** −45 dBFS: well under conversational speech (about −20..−30 dBFS RMS) and over a quiet room's noise floor. */
    public static final double SILENCE_RMS = Math.pow(10, -45 / 20.0);

    /**
     * One window: where it lies and its embedding, empty when the window is silent.
     *
     * @param index position among the clip's windows (0-based), so consecutive windows can be aggregated
     */
    public record Window(int index, long startMillis, long endMillis, Optional<Vector> vector) {}

    private VoicePrints() {}

    /**
     * Embeds the windows of {@code samples} (mono, -1..1, at the model's rate). A clip shorter than a
     * window is one window padded with silence.
     *
     * @throws DetectorFailure the model failed on a window (the rest are not run)
     */
    public static List<Window> embed(VoiceEmbedder model, float[] samples, int max) throws DetectorFailure {
        ModelManifest.AudioInput in = model.input();
        List<Integer> starts = starts(samples.length, in.windowSamples(), in.hopSamples(), max);
        List<Window> out = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            org.pramaan.limits.WorkBudget.check(); // per window, as the audio detectors' loop (issue 11)
            int start = starts.get(i);
            int len = Math.min(in.windowSamples(), samples.length - start);
            long from = start * 1000L / in.sampleRate();
            long to = Math.max(from + 1, ((long) (start + len) * 1000 + in.sampleRate() - 1) / in.sampleRate());
            if (rms(samples, start, len) < SILENCE_RMS) {
                out.add(new Window(i, from, to, Optional.empty()));
                continue;
            }
            float[] window = new float[in.windowSamples()];
            System.arraycopy(samples, start, window, 0, len); // the rest stays 0: silence pads a short clip
            out.add(new Window(i, from, to, Optional.of(vector(model.embed(window), model))));
        }
        return out;
    }

    /**
     * The mean of {@code vectors}, scaled to unit length: the direction they share. Empty for no
     * vectors, or when they cancel out (no direction to compare).
     */
    public static Optional<Vector> mean(List<Vector> vectors) {
        if (vectors.isEmpty()) return Optional.empty();
        int dims = vectors.get(0).dims();
        double[] sum = new double[dims];
        for (Vector v : vectors) {
            float[] a = v.toArray();
            if (a.length != dims) throw new IllegalArgumentException("vectors of one model have one length");
            for (int i = 0; i < dims; i++) sum[i] += a[i];
        }
        double norm = 0;
        for (double x : sum) norm += x * x;
        norm = Math.sqrt(norm);
        if (!(norm > 1e-9)) return Optional.empty();
        float[] out = new float[dims];
        for (int i = 0; i < dims; i++) out[i] = (float) (sum[i] / norm);
        return Optional.of(Vector.of(out));
    }

    /** Root mean square of {@code len} samples from {@code from}; 0 for none. */
    public static double rms(float[] s, int from, int len) {
        if (len <= 0) return 0;
        double sum = 0;
        for (int i = from; i < from + len; i++) sum += (double) s[i] * s[i];
        return Math.sqrt(sum / len);
    }

    /**
     * Window starts: every {@code hop} while a whole window fits, then one ending at the last sample;
     * {@code [0]} for a clip no longer than a window; at most {@code max}, spread evenly when there are more.
     */
    static List<Integer> starts(int samples, int window, int hop, int max) {
        if (samples <= window) return List.of(0);
        long onGrid = (samples - window) / hop + 1L;
        boolean tail = (samples - window) % hop != 0;
        long count = onGrid + (tail ? 1 : 0);
        int last = samples - window;
        List<Integer> out = new ArrayList<>();
        if (count <= max) {
            for (long k = 0; k < count; k++) out.add(k < onGrid ? (int) (k * hop) : last);
            return out;
        }
        for (int i = 0; i < max; i++) {
            long k = Math.round(i * (count - 1) / (double) (max - 1));
            out.add(k < onGrid ? (int) (k * hop) : last);
        }
        return out;
    }

    private static Vector vector(float[] v, VoiceEmbedder model) throws DetectorFailure {
        try {
            return Vector.of(v);
        } catch (IllegalArgumentException e) {
            // The port promises unit length; a plug-in that breaks it is a failed run, not a crash.
            throw new DetectorFailure(
                    "detect.run_failed",
                    "model " + model.manifest().id() + " " + model.manifest().version() + ": " + e.getMessage());
        }
    }
}
