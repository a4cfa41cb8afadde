package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.labels.AudioLabelWriter;
import org.pramaan.labels.AudioPrompt;
import org.pramaan.labels.LabelProfile;
import org.pramaan.labels.LabelProfiles;
import org.pramaan.labels.MetadataLabels;
import org.pramaan.labels.MetadataWriter;
import org.pramaan.labels.SpokenPrompt;
import org.pramaan.provenance.Aigc;
import org.pramaan.signals.Signal;

/**
 * The rhythm prompt in real MP3 and M4A files, found again by decoding the output: where it starts,
 * how long it is, its level against the programme, and the programme after it against the source.
 */
class AudioLabelTest {
    static final int RATE = 44_100;

    @TempDir
    Path dir;

    private final FfmpegAudioLabeller labeller = new FfmpegAudioLabeller();

    @BeforeEach
    void needsFfmpeg() {
        if (!labeller.available()) {
            if ("true".equals(System.getenv("CI")))
                throw new AssertionError("ffmpeg with libmp3lame and aac is required in CI");
            Assumptions.abort("ffmpeg with libmp3lame and aac not found on PATH: audio label tests skipped");
        }
    }

    @Test
    void mp3GetsThePromptAtTheStartAtTheProgrammesLevelAndKeepsTheRest() throws Exception {
        Path in = encoded("in.mp3", 4.0, 1, "libmp3lame", "128k", "mp3");
        // The GB 45438 Appendix E AIGC label in the input's ID3 must survive the re-encode.
        Files.write(
                in,
                MetadataWriter.write(
                        Files.readAllBytes(in),
                        Optional.empty(),
                        Optional.of(new Aigc("1", "ExampleGen", "P-4711", "", "", "", ""))));
        Path out = dir.resolve("out.mp3");
        AudioLabelWriter.Result r = labeller.label(in, out, LabelProfiles.bundled("CN"));
        assertThat(r.format()).isEqualTo("MP3");
        assertThat(r.sampleRate()).isEqualTo(RATE);
        assertThat(r.bitRate()).isEqualTo(128_000);
        assertThat(MetadataLabels.read(Files.readAllBytes(out)).aigc())
                .anyMatch(a -> a.attributes().containsValue("P-4711"));
        checkPrompt(in, out, r, 1);
    }

    @Test
    void stereoM4aGetsThePromptAsAacInMp4WithTheImplicitLabel() throws Exception {
        Path in = encoded("in.m4a", 4.0, 2, "aac", "160k", "mp4");
        Path out = dir.resolve("out.m4a");
        AudioLabelWriter.Result r = labeller.label(in, out, LabelProfiles.bundled("CN"));
        assertThat(r.format()).isEqualTo("MP4");
        assertThat(r.codec()).isEqualTo("aac");
        assertThat(r.channels()).isEqualTo(2);
        checkPrompt(in, out, r, 2);
        assertThat(MetadataLabels.read(Files.readAllBytes(out)).digitalSourceTypes().stream()
                        .map(Signal::value))
                .anyMatch(v -> v.endsWith("trainedAlgorithmicMedia"));
    }

    @Test
    void endPlacementPutsASecondPromptAfterTheProgramme() throws Exception {
        LabelProfile cn = LabelProfiles.bundled("CN");
        LabelProfile both =
                withPlacement(cn, List.of(LabelProfile.AudioPlacement.START, LabelProfile.AudioPlacement.END));
        Path in = encoded("in.mp3", 3.0, 1, "libmp3lame", "128k", "mp3");
        Path out = dir.resolve("out.mp3");
        AudioLabelWriter.Result r = labeller.label(in, out, both);
        double[] o = decode(out, 1);
        double[] s = decode(in, 1);
        int prompt = (int) Math.round(r.placed().promptSeconds() * RATE);
        assertThat(o.length).isCloseTo(s.length + 2 * prompt, org.assertj.core.data.Offset.offset(RATE / 20));
        int tail = s.length + prompt; // the second prompt's first tone
        assertThat(toneRms(o, tail + RATE / 100, tail + RATE / 10))
                .isGreaterThan(0.3 * r.placed().programmeRms());
    }

    @Test
    void anOperatorsSpokenPromptGoesBeforeTheRhythmInTheProfilesLanguage() throws Exception {
        Path voiceWav = encoded("voice.wav", 1.0, 1, "pcm_s16le", "0", "wav");
        SpokenPrompt voice = SpokenPrompt.load(voiceWav, "labels.spoken-prompt.zh");
        FfmpegAudioLabeller withVoice = new FfmpegAudioLabeller("ffmpeg", "ffprobe", 3600, Map.of("zh", voice));
        LabelProfile cn = LabelProfiles.bundled("CN");
        LabelProfile spoken = new LabelProfile(
                cn.jurisdiction(),
                cn.title(),
                cn.required(),
                cn.source(),
                cn.defaultLanguage(),
                cn.image(),
                cn.video(),
                new LabelProfile.Audio(
                        AudioPrompt.SPOKEN_THEN_RHYTHM,
                        cn.audio().placement(),
                        cn.audio().source()),
                cn.text(),
                cn.unlabelledExport(),
                cn.filingNumber());
        Path in = encoded("in.mp3", 2.0, 1, "libmp3lame", "128k", "mp3");
        Path out = dir.resolve("out.mp3");
        AudioLabelWriter.Result r = withVoice.label(in, out, spoken, "zh");
        assertThat(r.placed().promptSeconds()).isCloseTo(1.0 + 0.3 + 1.98, org.assertj.core.data.Offset.offset(0.01));
        double[] o = decode(out, 1);
        double[] s = decode(in, 1);
        assertThat(o.length)
                .isCloseTo(
                        s.length + (int) (r.placed().promptSeconds() * RATE),
                        org.assertj.core.data.Offset.offset(RATE / 20));
        double programme = toneRms(s, 0, s.length);
        assertThat(Math.abs(20 * Math.log10(toneRms(o, RATE / 20, RATE * 9 / 10) / programme)))
                .as("voice level vs programme, dB")
                .isLessThan(3.0);
        assertThat(toneRms(o, RATE * 11 / 10, RATE * 12 / 10))
                .as("pause after the voice")
                .isLessThan(0.05 * programme);
        // No voice in another language: the profile's spoken prompt is refused, and nothing is written.
        Path none = dir.resolve("none.mp3");
        assertThatThrownBy(() -> withVoice.label(in, none, spoken, "en")).hasMessageContaining("none is configured");
        assertNoOutput(none);
    }

    @Test
    void corruptMp3IsRefusedAndLeavesNoOutput() throws Exception {
        byte[] junk = new byte[20_000];
        new java.util.Random(7).nextBytes(junk);
        byte[] id3 = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0};
        Path in = dir.resolve("bad.mp3");
        Files.write(in, concat(id3, junk));
        Path out = dir.resolve("out.mp3");
        assertThatThrownBy(() -> labeller.label(in, out, LabelProfiles.bundled("CN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file: ");
        assertNoOutput(out);
    }

    @Test
    void zeroLengthFileIsRefusedByName() throws Exception {
        Path in = Files.write(dir.resolve("empty.mp3"), new byte[0]);
        Path out = dir.resolve("out.mp3");
        assertThatThrownBy(() -> labeller.label(in, out, LabelProfiles.bundled("CN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty (0 bytes)");
        assertNoOutput(out);
    }

    @Test
    void hugeDeclaredDurationIsRefusedBeforeDecoding() throws Exception {
        Path in = encoded("in.mp3", 2.0, 1, "libmp3lame", "128k", "mp3");
        byte[] f = Files.readAllBytes(in);
        int tag = indexOf(f, "Xing");
        if (tag < 0) tag = indexOf(f, "Info");
        assertThat(tag).as("LAME/Xing header in the test MP3").isPositive();
        assertThat(f[tag + 7] & 1).as("frame count flag").isEqualTo(1);
        // ~0x0FFFFFFF frames of 1152 samples at 44.1 kHz: about 7 million seconds declared.
        ByteBuffer.wrap(f).order(ByteOrder.BIG_ENDIAN).putInt(tag + 8, 0x0FFFFFFF);
        Files.write(in, f);
        Path out = dir.resolve("out.mp3");
        assertThatThrownBy(() -> labeller.label(in, out, LabelProfiles.bundled("CN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the 3600 s limit");
        assertNoOutput(out);
    }

    @Test
    void aWaveFileIsNotThisLabellersInput() throws Exception {
        Path in = encoded("in.wav", 1.0, 1, "pcm_s16le", "0", "wav");
        Path out = dir.resolve("out.wav");
        assertThatThrownBy(() -> labeller.label(in, out, LabelProfiles.bundled("CN")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected MP3 or MP4/M4A audio, found WAV");
        assertNoOutput(out);
    }

    /** Start within 50 ms, the Morse rhythm, length, level within 3 dB, and the programme intact after it. */
    private void checkPrompt(Path in, Path out, AudioLabelWriter.Result r, int channels) throws IOException {
        double[] o = decode(out, channels);
        double[] s = decode(in, channels);
        int prompt = (int) Math.round(r.placed().promptSeconds() * RATE);
        assertThat(r.placed().promptSeconds()).isCloseTo(1.98, org.assertj.core.data.Offset.offset(0.01));
        // Duration: the output is the source plus one prompt.
        assertThat(o.length).isCloseTo(s.length + prompt, org.assertj.core.data.Offset.offset(RATE / 20));
        // Position: the first tone's onset (10 % of its peak) is within 50 ms of the start.
        double peak = 0;
        for (int i = 0; i < RATE / 5; i++) peak = Math.max(peak, Math.abs(o[i]));
        int onset = 0;
        while (Math.abs(o[onset]) < 0.1 * peak) onset++;
        assertThat(onset).as("prompt onset in samples").isLessThan(RATE / 20);
        // Rhythm (units of 0.12 s): A = tone 0-1, gap 1-2, tone 2-5; gap 5-8; I = tone 8-9, gap 9-10, tone 10-11.
        double unit = 0.12 * RATE;
        double level = r.placed().programmeRms();
        for (double u : new double[] {0.5, 3.5, 8.5, 10.5})
            assertThat(toneRms(o, (int) (onset + (u - 0.3) * unit), (int) (onset + (u + 0.3) * unit)))
                    .as("tone at unit %s", u)
                    .isGreaterThan(0.5 * level);
        for (double u : new double[] {1.5, 6.5, 9.5, 12.5})
            assertThat(toneRms(o, (int) (onset + (u - 0.3) * unit), (int) (onset + (u + 0.3) * unit)))
                    .as("silence at unit %s", u)
                    .isLessThan(0.05 * level);
        // Level: the long tone's RMS against the source programme's RMS, within 3 dB.
        double tone = toneRms(o, (int) (onset + 2.2 * unit), (int) (onset + 4.8 * unit));
        double programme = toneRms(s, 0, s.length);
        assertThat(Math.abs(20 * Math.log10(tone / programme)))
                .as("prompt level vs programme, dB")
                .isLessThan(3.0);
        // The rest intact: the output after the prompt correlates with the source at the best lag within 50 ms.
        double best = -1;
        int n = s.length - RATE / 10;
        for (int lag = -RATE / 20; lag <= RATE / 20; lag += 1) {
            int from = prompt + lag;
            if (from < 0 || from + n > o.length) continue;
            best = Math.max(best, correlation(o, from, s, n));
        }
        assertThat(best)
                .as("correlation of the programme after the prompt with the source")
                .isGreaterThan(0.95);
    }

    private static LabelProfile withPlacement(LabelProfile p, List<LabelProfile.AudioPlacement> where) {
        return new LabelProfile(
                p.jurisdiction(),
                p.title(),
                p.required(),
                p.source(),
                p.defaultLanguage(),
                p.image(),
                p.video(),
                new LabelProfile.Audio(p.audio().prompt(), where, p.audio().source()),
                p.text(),
                p.unlabelledExport(),
                p.filingNumber());
    }

    private void assertNoOutput(Path out) throws IOException {
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".pramaan-"));
        }
    }

    /** A programme of three non-harmonic tones under a slow envelope (none at the prompt's 880 Hz), encoded. */
    private Path encoded(String name, double seconds, int channels, String codec, String bitRate, String format)
            throws IOException {
        int frames = (int) (seconds * RATE);
        ByteBuffer b = ByteBuffer.allocate(44 + frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * channels * 2);
        b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
        b.putShort((short) channels).putInt(RATE).putInt(RATE * channels * 2);
        b.putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * channels * 2);
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            double env = 0.6 + 0.4 * Math.sin(2 * Math.PI * 1.3 * t);
            double v = env
                    * (0.12 * Math.sin(2 * Math.PI * 313 * t)
                            + 0.08 * Math.sin(2 * Math.PI * 1171 * t)
                            + 0.05 * Math.sin(2 * Math.PI * 2297 * t));
            for (int c = 0; c < channels; c++) b.putShort((short) Math.round(32767 * v * (c == 0 ? 1 : 0.8)));
        }
        Path wav = Files.write(dir.resolve(name + ".src.wav"), b.array());
        if (format.equals("wav")) return Files.move(wav, dir.resolve(name));
        Path out = dir.resolve(name);
        List<String> cmd = List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-y",
                "-i",
                wav.toString(),
                "-c:a",
                codec,
                "-b:a",
                bitRate,
                "-write_xing",
                "1",
                "-f",
                format,
                out.toString());
        if (!format.equals("mp3"))
            cmd = cmd.stream()
                    .filter(a -> !a.equals("-write_xing") && !a.equals("1"))
                    .toList();
        FfmpegVideoLabeller.Run r = FfmpegVideoLabeller.run(cmd, 60);
        assertThat(r.exit()).as(r.err()).isZero();
        Files.delete(wav);
        return out;
    }

    /** The first channel of {@code f}, decoded to doubles in [-1, 1]. */
    private static double[] decode(Path f, int channels) throws IOException {
        FfmpegVideoLabeller.Run r = FfmpegVideoLabeller.run(
                List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        f.toString(),
                        "-f",
                        "s16le",
                        "-c:a",
                        "pcm_s16le",
                        "-ac",
                        Integer.toString(channels),
                        "-"),
                60);
        assertThat(r.exit()).as(r.err()).isZero();
        ByteBuffer b = ByteBuffer.wrap(r.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[r.bytes().length / 2 / channels];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getShort() / 32768.0;
            for (int c = 1; c < channels; c++) b.getShort();
        }
        return out;
    }

    private static double toneRms(double[] s, int from, int to) {
        double ms = 0;
        for (int i = from; i < to; i++) ms += s[i] * s[i];
        return Math.sqrt(ms / (to - from));
    }

    private static double correlation(double[] a, int from, double[] b, int n) {
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < n; i++) {
            ab += a[from + i] * b[i];
            aa += a[from + i] * a[from + i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static int indexOf(byte[] f, String s) {
        byte[] p = s.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + p.length <= Math.min(f.length, 4096); i++) {
            for (int k = 0; k < p.length; k++) if (f[i + k] != p[k]) continue outer;
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
