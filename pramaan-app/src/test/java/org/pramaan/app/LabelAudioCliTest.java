package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;

/** {@code pramaan label apply} on MP3 and M4A through the shipped runtime, which finds the system's ffmpeg. */
class LabelAudioCliTest {
    @TempDir
    Path dir;

    @Test
    void anMp3AndAnM4aGetThePromptInTheirOwnFormat() throws Exception {
        Path mp3 = TestMedia.tone(dir.resolve("in.mp3"), "libmp3lame", "mp3");
        Path m4a = TestMedia.tone(dir.resolve("in.m4a"), "aac", "ipod");
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        assertThat(apply(out, err, mp3, dir.resolve("out.mp3")))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("labelled MP3 for CN: 1.98 s rhythm-ai prompt at [START]");
        assertThat(Files.readAllBytes(dir.resolve("out.mp3")).length).isGreaterThan(1000);
        StringWriter out2 = new StringWriter();
        assertThat(apply(out2, err, m4a, dir.resolve("out.m4a")))
                .as(err.toString())
                .isZero();
        assertThat(out2.toString()).contains("labelled MP4 for CN:").contains(" aac 44100 Hz");
    }

    @Test
    void aTruncatedMp3IsRefusedWithoutOutput() throws Exception {
        Path mp3 = TestMedia.tone(dir.resolve("in.mp3"), "libmp3lame", "mp3");
        Path cut = Files.write(dir.resolve("cut.mp3"), java.util.Arrays.copyOf(Files.readAllBytes(mp3), 60));
        StringWriter err = new StringWriter();
        assertThat(apply(new StringWriter(), err, cut, dir.resolve("bad.mp3"))).isEqualTo(2);
        assertThat(err.toString()).startsWith("pramaan label apply: file: ");
        assertThat(dir.resolve("bad.mp3")).doesNotExist();
    }

    @Test
    void aConfiguredSpokenPromptIsUsedByAProfileThatAsksForItAndAMissingOneStopsStartUp() throws Exception {
        assertThatThrownBy(() -> ServerTestBase.config(
                        dir.resolve("data"), Map.of("PRAMAAN_LABELS_SPOKEN_PROMPTS", "zh=" + dir.resolve("none.wav"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("labels.spoken-prompts")
                .hasMessageContaining("no such file");
        Path voice = TestMedia.tone(dir.resolve("voice.wav"), "pcm_s16le", "wav");
        PramaanConfig config =
                ServerTestBase.config(dir.resolve("data"), Map.of("PRAMAAN_LABELS_SPOKEN_PROMPTS", "zh=" + voice));
        assertThat(config.provenance().spokenPrompts()).containsOnlyKeys("zh");
        String cn;
        try (var s = LabelAudioCliTest.class.getResourceAsStream("/labels/profiles/CN.json")) {
            cn = new String(s.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(cn).contains("\"prompt\": \"rhythm-ai\"");
        Path profile = Files.writeString(
                dir.resolve("CN-spoken.json"),
                cn.replace("\"prompt\": \"rhythm-ai\"", "\"prompt\": \"spoken-then-rhythm-ai\""));
        Path mp3 = TestMedia.tone(dir.resolve("in.mp3"), "libmp3lame", "mp3");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "label",
                "apply",
                "--profile",
                profile.toString(),
                "--lang",
                "zh",
                mp3.toString(),
                dir.resolve("out.mp3").toString());
        assertThat(code).as(err.toString()).isZero();
        // 3 s of voice, the 0.3 s pause, then the 1.98 s rhythm.
        assertThat(out.toString()).contains("labelled MP3 for CN: 5.28 s spoken-then-rhythm-ai prompt");
    }

    private int apply(StringWriter out, StringWriter err, Path in, Path to) {
        PramaanConfig config = ServerTestBase.config(dir.resolve("data"), Map.of());
        return PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "label",
                "apply",
                "--profile",
                "CN",
                in.toString(),
                to.toString());
    }
}
