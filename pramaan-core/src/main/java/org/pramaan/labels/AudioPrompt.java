package org.pramaan.labels;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The GB 45438-2025 §4 audio rhythm prompt: "AI" in Morse rhythm (A = short-long, I = short-short),
 * synthesised here and inserted into a 16-bit PCM WAV at the start (and optionally the middle or end),
 * at the programme's loudness: the tones' RMS equals the mean-square level of the programme's
 * 400 ms blocks above an absolute gate of -70 LUFS-like dBFS (the block and gate of EBU R 128 /
 * ITU-R BS.1770-4 §2, without the K-weighting), so the prompt is neither lost nor startling.
 */
public final class AudioPrompt {
    /** One Morse unit (a short tone); a long tone is three (ITU-R M.1677-1 §2). */
    static final double UNIT_SECONDS = 0.12;

    static final double TONE_HZ = 880;

    /** Loudness used when the programme is silent: -20 dBFS RMS. */
    static final double SILENT_PROGRAMME_RMS = 0.1;

    /** The prompt's pattern in units: tone lengths, with gaps of one unit inside a letter and three between. */
    private static final int[][] LETTERS = {{1, 3}, {1, 1}};

    private AudioPrompt() {}

    /** The samples placed, as measured. */
    public record Placed(
            List<LabelProfile.AudioPlacement> where, double promptSeconds, double rms, double programmeRms) {}

    /** A labelled WAV and what was placed. */
    public record Result(byte[] wav, Placed placed) {}

    /** Inserts the prompt at each of {@code where} in a PCM 16-bit WAV. */
    public static Result insert(byte[] wav, List<LabelProfile.AudioPlacement> where) {
        return insert(wav, where, RHYTHM, java.util.Optional.empty());
    }

    /** The profile's prompt names: the rhythm, the operator's spoken prompt, or the spoken one then the rhythm. */
    public static final String RHYTHM = "rhythm-ai", SPOKEN = "spoken", SPOKEN_THEN_RHYTHM = "spoken-then-rhythm-ai";

    /**
     * Inserts {@code kind} ({@link #RHYTHM}, {@link #SPOKEN} or {@link #SPOKEN_THEN_RHYTHM}) at each of
     * {@code where}; a spoken kind without a {@code spoken} prompt is refused.
     */
    public static Result insert(
            byte[] wav, List<LabelProfile.AudioPlacement> where, String kind, java.util.Optional<SpokenPrompt> spoken) {
        Wav16 in = Wav16.parse(wav);
        int ch = in.channels();
        short[] prog = in.samples();
        double programmeRms = gatedRms(prog, ch, in.sampleRate());
        double rms = programmeRms > 0 ? programmeRms : SILENT_PROGRAMME_RMS;
        short[] prompt = prompt(in.sampleRate(), ch, rms);
        if (!kind.equals(RHYTHM)) {
            if (!kind.equals(SPOKEN) && !kind.equals(SPOKEN_THEN_RHYTHM))
                throw new IllegalArgumentException("audio: unknown prompt '" + kind + "'");
            short[] voice = spoken.orElseThrow(() -> new IllegalArgumentException("audio: the profile asks for a"
                            + " spoken prompt and none is configured in this language (labels.spoken-prompt.<lang>)"))
                    .render(in.sampleRate(), ch, rms);
            // A 0.3 s pause after the voice, as after the rhythm, before the rhythm or the programme.
            int gap = (int) Math.round(0.3 * in.sampleRate()) * ch;
            short[] both = new short[voice.length + gap + (kind.equals(SPOKEN) ? 0 : prompt.length)];
            System.arraycopy(voice, 0, both, 0, voice.length);
            if (!kind.equals(SPOKEN)) System.arraycopy(prompt, 0, both, voice.length + gap, prompt.length);
            prompt = both;
        }
        int frames = prog.length / ch;
        int middle = frames / 2 * ch;
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        if (where.contains(LabelProfile.AudioPlacement.START)) put(pcm, prompt, 0, prompt.length);
        if (where.contains(LabelProfile.AudioPlacement.MIDDLE)) {
            put(pcm, prog, 0, middle);
            put(pcm, prompt, 0, prompt.length);
            put(pcm, prog, middle, prog.length - middle);
        } else {
            put(pcm, prog, 0, prog.length);
        }
        if (where.contains(LabelProfile.AudioPlacement.END)) put(pcm, prompt, 0, prompt.length);
        double seconds = prompt.length / (double) ch / in.sampleRate();
        return new Result(
                in.withSamples(pcm.toByteArray()),
                new Placed(List.copyOf(where), seconds, rmsOf(prompt), programmeRms));
    }

    /** The prompt: tones of {@code rms} level with 5 ms raised-cosine ramps, then a 0.3 s pause. */
    static short[] prompt(int rate, int channels, double rms) {
        // A sine's peak is √2 × its RMS; keep the peak below full scale.
        double amp = Math.min(0.9, rms * Math.sqrt(2));
        int unit = (int) Math.round(UNIT_SECONDS * rate);
        int total = 0;
        for (int l = 0; l < LETTERS.length; l++) {
            for (int t = 0; t < LETTERS[l].length; t++) total += LETTERS[l][t] * unit + unit;
            total += 2 * unit; // a letter gap is 3 units: the 1 already counted plus 2
        }
        total += (int) Math.round(0.3 * rate);
        short[] out = new short[total * channels];
        int pos = 0;
        int ramp = Math.max(1, rate / 200);
        for (int[] letter : LETTERS) {
            for (int len : letter) {
                int n = len * unit;
                for (int i = 0; i < n; i++) {
                    double env = i < ramp
                            ? 0.5 - 0.5 * Math.cos(Math.PI * i / ramp)
                            : i >= n - ramp ? 0.5 - 0.5 * Math.cos(Math.PI * (n - 1 - i) / ramp) : 1;
                    short s = (short) Math.round(32767 * amp * env * Math.sin(2 * Math.PI * TONE_HZ * i / rate));
                    for (int c = 0; c < channels; c++) out[(pos + i) * channels + c] = s;
                }
                pos += n + unit;
            }
            pos += 2 * unit;
        }
        return out;
    }

    /** Mean-square level of the 400 ms blocks above -70 dBFS, as an RMS in full-scale units; 0 when all silent. */
    static double gatedRms(short[] s, int channels, int rate) {
        int block = Math.max(1, (int) (0.4 * rate)) * channels;
        double gate = Math.pow(10, -70 / 10.0);
        double sum = 0;
        int kept = 0;
        for (int start = 0; start < s.length; start += block) {
            int end = Math.min(s.length, start + block);
            double ms = 0;
            for (int i = start; i < end; i++) ms += (s[i] / 32768.0) * (s[i] / 32768.0);
            ms /= end - start;
            if (ms > gate) {
                sum += ms;
                kept++;
            }
        }
        return kept == 0 ? 0 : Math.sqrt(sum / kept);
    }

    /** RMS of the tone parts (non-zero samples) of {@code s}. */
    static double rmsOf(short[] s) {
        double ms = 0;
        int n = 0;
        for (short v : s) {
            if (v == 0) continue;
            ms += (v / 32768.0) * (v / 32768.0);
            n++;
        }
        return n == 0 ? 0 : Math.sqrt(ms / n);
    }

    private static void put(ByteArrayOutputStream out, short[] s, int from, int count) {
        ByteBuffer b = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < from + count; i++) b.putShort(s[i]);
        out.write(b.array(), 0, b.position());
    }
}
