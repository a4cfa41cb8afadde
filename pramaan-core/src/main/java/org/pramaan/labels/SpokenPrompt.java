package org.pramaan.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An operator's spoken prompt (GB 45438-2025 §4 allows a spoken prompt in place of the rhythm "AI"), a
 * 16-bit PCM WAV read once at start-up: mixed to mono, resampled to each programme's rate by linear
 * interpolation and scaled so its gated level equals the programme's (as {@link AudioPrompt} does for
 * the tones), its peak kept at or below 0.9 of full scale.
 */
public final class SpokenPrompt {
    /** Longer recordings are refused: a prompt, not a programme. */
    public static final double MAX_SECONDS = 30;

    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final double[] mono;
    private final int rate;

    private SpokenPrompt(double[] mono, int rate) {
        this.mono = mono;
        this.rate = rate;
    }

    /**
     * Reads {@code file}, configured as {@code key}; a missing, unreadable, empty, silent, too long or
     * non-16-bit-PCM file is refused naming the key and the file.
     */
    public static SpokenPrompt load(Path file, String key) {
        try {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such file");
            long size = Files.size(file);
            if (size > MAX_BYTES) throw new IllegalArgumentException(size + " bytes is more than " + MAX_BYTES);
            return of(Files.readAllBytes(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    key + ": cannot use " + file + " as a spoken prompt: " + e.getMessage(), e);
        }
    }

    /** The prompt in {@code wav}; see {@link #load}. */
    public static SpokenPrompt of(byte[] wav) {
        Wav16 w = Wav16.parse(wav);
        int frames = w.samples().length / w.channels();
        if (frames == 0) throw new IllegalArgumentException("the WAV has no samples");
        if (frames > MAX_SECONDS * w.sampleRate())
            throw new IllegalArgumentException(
                    "the WAV lasts " + frames / w.sampleRate() + " s, more than " + (int) MAX_SECONDS + " s");
        double[] m = new double[frames];
        for (int i = 0; i < frames; i++) {
            double s = 0;
            for (int c = 0; c < w.channels(); c++) s += w.samples()[i * w.channels() + c];
            m[i] = s / w.channels() / 32768.0;
        }
        SpokenPrompt p = new SpokenPrompt(m, w.sampleRate());
        if (p.gatedRms(m) == 0) throw new IllegalArgumentException("the WAV is silent");
        return p;
    }

    public double seconds() {
        return mono.length / (double) rate;
    }

    /** Interleaved samples at {@code outRate} on {@code channels}, at gated level {@code rms}. */
    short[] render(int outRate, int channels, double rms) {
        int n = (int) Math.max(1, Math.round(mono.length * (double) outRate / rate));
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double x = i * (double) rate / outRate;
            int k = (int) x;
            double f = x - k;
            double a = mono[Math.min(k, mono.length - 1)], b = mono[Math.min(k + 1, mono.length - 1)];
            r[i] = a + (b - a) * f;
        }
        double gain = rms / gatedRms(r);
        double peak = 0;
        for (double v : r) peak = Math.max(peak, Math.abs(v));
        gain = Math.min(gain, 0.9 / peak);
        short[] out = new short[n * channels];
        for (int i = 0; i < n; i++) {
            short s = (short) Math.round(32767 * r[i] * gain);
            for (int c = 0; c < channels; c++) out[i * channels + c] = s;
        }
        return out;
    }

    private double gatedRms(double[] s) {
        short[] q = new short[s.length];
        for (int i = 0; i < s.length; i++) q[i] = (short) Math.round(Math.max(-1, Math.min(1, s[i])) * 32767);
        return AudioPrompt.gatedRms(q, 1, rate);
    }
}
