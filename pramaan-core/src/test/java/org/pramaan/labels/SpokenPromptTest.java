package org.pramaan.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's spoken prompt: resampled, loudness-matched, placed before the rhythm or instead of it. */
class SpokenPromptTest {
    @TempDir
    Path dir;

    @Test
    void spokenThenRhythmAtTheStartResampledAndAtTheProgrammesLevel() {
        byte[] voice = wav(16_000, 1, 1.0, t -> 0.6 * Math.sin(2 * Math.PI * 500 * t));
        byte[] programme = wav(44_100, 2, 2.0, t -> 0.05 * Math.sin(2 * Math.PI * 313 * t));
        AudioPrompt.Result r = AudioPrompt.insert(
                programme,
                List.of(LabelProfile.AudioPlacement.START),
                AudioPrompt.SPOKEN_THEN_RHYTHM,
                Optional.of(SpokenPrompt.of(voice)));
        Wav16 out = Wav16.parse(r.wav());
        Wav16 in = Wav16.parse(programme);
        int voiceFrames = 44_100; // 1 s resampled from 16 kHz
        int gap = (int) Math.round(0.3 * 44_100);
        int rhythm = AudioPrompt.prompt(44_100, 1, 0.1).length;
        assertThat(r.placed().promptSeconds()).isCloseTo((voiceFrames + gap + rhythm) / 44_100.0, within(1e-3));
        // The voice starts at 0, and its pitch survives resampling: 500 Hz is 1000 zero crossings a second.
        short[] left = channel(out, 0);
        assertThat(left[10]).isNotZero();
        int crossings = 0;
        for (int i = 1; i < voiceFrames; i++) if ((left[i - 1] < 0) != (left[i] < 0)) crossings++;
        assertThat(crossings).isBetween(995, 1005);
        // Its level matches the programme's within 3 dB (the 0.6 recording is brought down to 0.05).
        double voiceRms = AudioPrompt.gatedRms(Arrays.copyOfRange(left, 0, voiceFrames), 1, 44_100);
        double progRms = AudioPrompt.gatedRms(in.samples(), 2, 44_100);
        assertThat(Math.abs(20 * Math.log10(voiceRms / progRms))).isLessThan(3.0);
        // Then the pause, then the rhythm's first tone.
        assertThat(left[voiceFrames + gap / 2]).isZero();
        assertThat(AudioPrompt.gatedRms(
                        Arrays.copyOfRange(left, voiceFrames + gap, voiceFrames + gap + 4000), 1, 44_100))
                .isGreaterThan(0.5 * progRms);
        // The programme follows unchanged.
        int promptSamples = (voiceFrames + gap + rhythm) * 2;
        assertThat(Arrays.copyOfRange(out.samples(), promptSamples, out.samples().length))
                .isEqualTo(in.samples());
    }

    @Test
    void spokenOnlyReplacesTheRhythm() {
        byte[] voice = wav(22_050, 2, 0.5, t -> 0.3 * Math.sin(2 * Math.PI * 220 * t));
        byte[] programme = wav(22_050, 1, 1.0, t -> 0.1 * Math.sin(2 * Math.PI * 313 * t));
        AudioPrompt.Result r = AudioPrompt.insert(
                programme,
                List.of(LabelProfile.AudioPlacement.START),
                AudioPrompt.SPOKEN,
                Optional.of(SpokenPrompt.of(voice)));
        assertThat(r.placed().promptSeconds()).isCloseTo(0.5 + 0.3, within(1e-3));
    }

    @Test
    void aSpokenProfileWithoutAConfiguredPromptIsRefused() {
        byte[] programme = wav(8000, 1, 1.0, t -> 0.1 * Math.sin(2 * Math.PI * 313 * t));
        assertThatThrownBy(() -> AudioPrompt.insert(
                        programme, List.of(LabelProfile.AudioPlacement.START), AudioPrompt.SPOKEN, Optional.empty()))
                .hasMessageContaining("none is configured")
                .hasMessageContaining("labels.spoken-prompt.<lang>");
    }

    @Test
    void missingUnreadableSilentOrTooLongFilesAreRefusedNamingTheKey() throws Exception {
        String key = "labels.spoken-prompt.zh";
        assertThatThrownBy(() -> SpokenPrompt.load(dir.resolve("none.wav"), key))
                .hasMessageStartingWith(key + ": cannot use ")
                .hasMessageContaining("no such file");
        Path mp3 = Files.write(dir.resolve("p.mp3"), "ID3 not a wav".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> SpokenPrompt.load(mp3, key)).hasMessageContaining("not a RIFF WAVE file");
        Path silent = Files.write(dir.resolve("s.wav"), wav(8000, 1, 1.0, t -> 0));
        assertThatThrownBy(() -> SpokenPrompt.load(silent, key)).hasMessageContaining("silent");
        Path longOne = Files.write(dir.resolve("l.wav"), wav(8000, 1, 31, t -> 0.1 * Math.sin(t * 2000)));
        assertThatThrownBy(() -> SpokenPrompt.load(longOne, key)).hasMessageContaining("more than 30 s");
        Path ok = Files.write(dir.resolve("ok.wav"), wav(8000, 1, 1.5, t -> 0.1 * Math.sin(t * 2000)));
        assertThat(SpokenPrompt.load(ok, key).seconds()).isEqualTo(1.5);
    }

    @Test
    void bundledProfilesStillLoadAndAnUnknownPromptIsRefused() {
        byte[] programme = wav(8000, 1, 1.0, t -> 0.1 * Math.sin(2 * Math.PI * 313 * t));
        assertThatThrownBy(() -> AudioPrompt.insert(
                        programme, List.of(LabelProfile.AudioPlacement.START), "chime", Optional.empty()))
                .hasMessageContaining("unknown prompt 'chime'");
        assertThat(LabelProfiles.bundled("CN").audio().prompt()).isEqualTo(AudioPrompt.RHYTHM);
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    private static short[] channel(Wav16 w, int c) {
        short[] s = new short[w.samples().length / w.channels()];
        for (int i = 0; i < s.length; i++) s[i] = w.samples()[i * w.channels() + c];
        return s;
    }

    static byte[] wav(int rate, int channels, double seconds, java.util.function.DoubleUnaryOperator f) {
        int frames = (int) Math.round(seconds * rate);
        short[] s = new short[frames * channels];
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < channels; c++)
                s[i * channels + c] = (short) Math.round(32767 * f.applyAsDouble(i / (double) rate));
        ByteBuffer b = ByteBuffer.allocate(s.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : s) b.putShort(v);
        return new Wav16(channels, rate, new short[0]).withSamples(b.array());
    }
}
