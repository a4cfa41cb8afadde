package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;

/** {@code pramaan label apply} on an MP4 through the shipped runtime, which finds the system's ffmpeg. */
class LabelVideoCliTest {
    @TempDir
    Path dir;

    @Test
    void anMp4IsLabelledForTheProfilesDurationOrRefusedWithoutOutput() throws Exception {
        Path in = dir.resolve("in.mp4");
        TestMedia.x264Mp4(in);
        PramaanConfig config = ServerTestBase.config(dir.resolve("data"), Map.of());
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "label",
                "apply",
                "--profile",
                "CN",
                "--video-duration",
                "continuous",
                in.toString(),
                dir.resolve("out.mp4").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("labelled MP4 for CN: text ").contains("for 3.0 of 3.0 s");
        assertThat(dir.resolve("out.mp4")).isNotEmptyFile();

        Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(Files.readAllBytes(in), 100));
        StringWriter err2 = new StringWriter();
        int bad = PramaanCli.run(
                () -> new EmbeddedRuntime(config, Clock.systemUTC(), System.out),
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err2, true),
                "label",
                "apply",
                "--profile",
                "CN",
                cut.toString(),
                dir.resolve("bad.mp4").toString());
        assertThat(bad).isEqualTo(2);
        assertThat(err2.toString()).startsWith("pramaan label apply: file: ");
        assertThat(dir.resolve("bad.mp4")).doesNotExist();
    }
}
