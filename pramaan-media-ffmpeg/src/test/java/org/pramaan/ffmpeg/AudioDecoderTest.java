package org.pramaan.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.AudioClip;
import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.DecodeLimits;

class AudioDecoderTest {
    private static final AudioDecoder DECODER = FfmpegMedia.audioDecoder();

    @TempDir
    Path dir;

    /** 16-bit PCM WAV written by the JDK: {@code channels} copies of {@code mono}. */
    static byte[] wav(float[] mono, int rate, int channels) throws Exception {
        byte[] pcm = new byte[mono.length * 2 * channels];
        for (int i = 0, p = 0; i < mono.length; i++) {
            short s = (short) Math.round(mono[i] * 32767);
            for (int c = 0; c < channels; c++) {
                pcm[p++] = (byte) s;
                pcm[p++] = (byte) (s >> 8);
            }
        }
        AudioFormat f = new AudioFormat(rate, 16, channels, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(
                new AudioInputStream(new ByteArrayInputStream(pcm), f, mono.length), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    @Test
    void stereo44kIsResampledToMonoAtTheRequestedRate() throws Exception {
        int rate = 44_100;
        float[] tone = new float[rate * 2];
        for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / rate));
        Path f = dir.resolve("tone.wav");
        Files.write(f, wav(tone, rate, 2));
        AudioClip clip = DECODER.decodeMono(f, 11_025, DecodeLimits.DEFAULT);
        assertThat(clip.sampleRate()).isEqualTo(11_025);
        assertThat(clip.seconds()).isCloseTo(2.0, within(0.05));
        double energy = 0;
        int crossings = 0;
        float[] s = clip.samples();
        for (int i = 1000; i < s.length - 1000; i++) {
            energy += s[i] * s[i];
            if (s[i - 1] < 0 && s[i] >= 0) crossings++;
        }
        double seconds = (s.length - 2000) / 11_025.0;
        assertThat(Math.sqrt(energy / (s.length - 2000)))
                .isCloseTo(0.5 / Math.sqrt(2), within(0.02)); // RMS of a 0.5 sine
        assertThat(crossings / seconds).isCloseTo(1000, within(5.0)); // still a 1 kHz tone
    }

    @Test
    void badAudioIsRefused() throws Exception {
        Path empty = dir.resolve("empty.wav");
        Files.write(empty, new byte[0]);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DECODER.decodeMono(empty, 11_025, DecodeLimits.DEFAULT))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.EMPTY));
        Path noise = dir.resolve("noise.mp3");
        byte[] b = new byte[5000];
        new java.util.Random(2).nextBytes(b);
        Files.write(noise, b);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DECODER.decodeMono(noise, 11_025, DecodeLimits.DEFAULT))
                .isInstanceOf(MediaRejectedException.class)
                .hasMessageContaining(noise.toString());
        Path tone = dir.resolve("long.wav");
        Files.write(tone, wav(new float[8000], 8000, 1));
        Path playlist = dir.resolve("list.m3u8"); // must not be followed to the WAV it names
        Files.writeString(
                playlist,
                "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:1,\nfile://" + tone.toAbsolutePath()
                        + "\n#EXT-X-ENDLIST\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DECODER.decodeMono(playlist, 8000, DecodeLimits.DEFAULT))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.CORRUPT));
        assertThat(DECODER.decodeMono(tone, 8000, DecodeLimits.DEFAULT).samples())
                .hasSize(8000);
        Files.write(tone, wav(new float[8000 * 3], 8000, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> DECODER.decodeMono(tone, 8000, new DecodeLimits(Duration.ofSeconds(1), 10, 10)))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.TOO_LONG));
    }
}
