package org.pramaan.hash.internal;

/**
 * Audio at 11,025 Hz → a chroma image: one 12-band pitch-class vector per frame, smoothed over time and
 * normalised (the front end Lalinský describes in "How does Chromaprint work?", 2011).
 *
 * <p>Frames are {@value #FRAME} samples (0.371 s) with 2/3 overlap, a hop of {@value #HOP} samples
 * (0.124 s, ~8 frames/s), Hamming-windowed. Each FFT bin between {@value #MIN_FREQ} Hz and
 * {@value #MAX_FREQ} Hz adds its power to the pitch class nearest to its frequency, with bin 0 centred
 * on A (27.5·2ⁿ Hz) and bin k on the k-th semitone above it. Whole-frame power is what survives lossy
 * codecs and volume changes best: codecs keep the strong partials and drop the weak, and the per-frame
 * normalisation removes any gain.
 *
 * <p>A frame is <em>quiet</em> when its RMS is below {@value #QUIET_RMS} of full scale (−60 dBFS): its
 * chroma is set to zero and it is flagged, because the pitch classes of codec noise or dither are
 * random and would make silence look like content.
 */
public final class ChromaFeatures {
    public static final int SAMPLE_RATE = 11_025;
    public static final int FRAME = 4096;
    public static final int HOP = FRAME / 3; // 2/3 overlap
    public static final int BANDS = 12;
    static final double MIN_FREQ = 28;
    static final double MAX_FREQ = 3520;
    static final double QUIET_RMS = 1e-3;
    /** Time smoothing of the chroma (Lalinský 2011): a 5-tap low-pass that tolerates small misalignment. */
    static final double[] SMOOTHING = {0.25, 0.75, 1.0, 0.75, 0.25};

    /**
     * The chroma features of a recording, frame by frame.
     *
     * @param chroma one normalised 12-vector per frame
     * @param quiet whether that frame was quiet
     */
    public record Image(double[][] chroma, boolean[] quiet) {
        public int frames() {
            return chroma.length;
        }
    }

    private final Fft fft = new Fft(FRAME);
    private final int[] bandOfBin = bandOfBin(FRAME, SAMPLE_RATE);
    private final double[] window = hamming(FRAME);

    /** How many frames {@code samples} samples give (a partial last frame is dropped). */
    public static int framesFor(int samples) {
        return samples < FRAME ? 0 : (samples - FRAME) / HOP + 1;
    }

    public Image image(float[] samples) {
        int frames = framesFor(samples.length);
        double[][] raw = new double[frames][];
        boolean[] quiet = new boolean[frames];
        double[] buf = new double[FRAME];
        for (int f = 0; f < frames; f++) {
            double energy = 0;
            for (int i = 0; i < FRAME; i++) {
                double s = samples[f * HOP + i];
                energy += s * s;
                buf[i] = s * window[i];
            }
            quiet[f] = Math.sqrt(energy / FRAME) < QUIET_RMS;
            raw[f] = quiet[f] ? new double[BANDS] : chroma(fft.powerSpectrum(buf));
        }
        return smoothAndNormalise(raw, quiet);
    }

    double[] chroma(double[] power) {
        double[] c = new double[BANDS];
        for (int k = 0; k < power.length; k++) if (bandOfBin[k] >= 0) c[bandOfBin[k]] += power[k];
        return c;
    }

    static Image smoothAndNormalise(double[][] raw, boolean[] quiet) {
        int n = Math.max(0, raw.length - SMOOTHING.length + 1);
        double[][] out = new double[n][BANDS];
        boolean[] q = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < SMOOTHING.length; j++)
                for (int b = 0; b < BANDS; b++) out[i][b] += SMOOTHING[j] * raw[i + j][b];
            q[i] = quiet[i + SMOOTHING.length / 2];
            double norm = 0;
            for (double v : out[i]) norm += v * v;
            norm = Math.sqrt(norm);
            if (norm > 1e-12) for (int b = 0; b < BANDS; b++) out[i][b] /= norm;
        }
        return new Image(out, q);
    }

    /** Pitch class of each FFT bin, or −1 outside the chroma range. */
    static int[] bandOfBin(int size, int rate) {
        int[] map = new int[size / 2 + 1];
        for (int k = 0; k < map.length; k++) {
            double freq = (double) k * rate / size;
            map[k] = freq < MIN_FREQ || freq > MAX_FREQ ? -1 : band(freq);
        }
        return map;
    }

    /** Nearest equal-tempered pitch class, A = 0, A♯ = 1, …, G♯ = 11. */
    public static int band(double freq) {
        long semitones = Math.round(BANDS * Math.log(freq / 27.5) / Math.log(2));
        return (int) Math.floorMod(semitones, BANDS);
    }

    private static double[] hamming(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (n - 1));
        return w;
    }
}
