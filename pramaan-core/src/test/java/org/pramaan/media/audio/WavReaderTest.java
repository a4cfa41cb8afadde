package org.pramaan.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.MediaSource;
import org.pramaan.media.RejectionCode;

class WavReaderTest {
    static DecodedAudio read(byte[] wav) throws Exception {
        return new WavReader().read(MediaSource.of(wav));
    }

    static double[][] ramp(int n, int channels) {
        double[][] f = new double[n][channels];
        for (int i = 0; i < n; i++) for (int c = 0; c < channels; c++) f[i][c] = Math.sin(0.01 * i + c) * 0.9;
        return f;
    }

    @ParameterizedTest
    @CsvSource({
        "1, 8, 1, 0.008",
        "1, 16, 1, 4e-5",
        "1, 16, 2, 4e-5",
        "1, 24, 2, 1e-6",
        "1, 32, 6, 1e-7",
        "3, 32, 1, 1e-7",
        "3, 64, 2, 1e-7"
    })
    void readsEverySampleFormatAndAveragesChannels(int tag, int bits, int channels, double tolerance) throws Exception {
        double[][] frames = ramp(1000, channels);
        DecodedAudio a = read(TestWav.write(tag, bits, 22_050, frames));
        assertThat(a.sampleRate()).isEqualTo(22_050);
        assertThat(a.sourceChannels()).isEqualTo(channels);
        assertThat(a.samples()).hasSize(1000);
        for (int i = 0; i < 1000; i++)
            assertThat((double) a.samples()[i])
                    .as("frame %d", i)
                    .isCloseTo(Arrays.stream(frames[i]).average().orElseThrow(), offset(tolerance));
        assertThat(a.durationSeconds()).isCloseTo(1000 / 22_050.0, offset(1e-12));
    }

    @Test
    void readsWaveFormatExtensible() throws Exception {
        byte[] fmt = ByteBuffer.allocate(40)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(TestWav.fmt(0xFFFE, 2, 48_000, 16))
                .putShort((short) 22)
                .putShort((short) 16)
                .putInt(3)
                .putShort((short) 1)
                .array();
        byte[] data = ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 16384)
                .putShort((short) 0)
                .putShort((short) -16384)
                .putShort((short) -16384)
                .array();
        DecodedAudio a = read(TestWav.riff(fmt, data));
        assertThat(a.samples()).containsExactly(0.25f, -0.5f);
    }

    static void refused(byte[] wav, RejectionCode code, String... parts) {
        assertThatThrownBy(() -> read(wav)).isInstanceOfSatisfying(MediaRejectedException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            for (String p : parts) assertThat(e.getMessage()).contains(p);
        });
    }

    @Test
    void badFilesGetNamedRefusals() {
        byte[] good = TestWav.write(1, 16, 8000, ramp(100, 1));
        refused(new byte[0], RejectionCode.EMPTY, "empty");
        refused(Arrays.copyOf(good, 7), RejectionCode.TRUNCATED, "cut short", "7 bytes");
        refused(Arrays.copyOf(good, good.length - 10), RejectionCode.TRUNCATED, "'data'", "ends first");
        refused(Arrays.copyOf(good, 30), RejectionCode.TRUNCATED, "'fmt '");
        byte[] notWave = good.clone();
        notWave[8] = 'A';
        refused(notWave, RejectionCode.CORRUPT, "'RIFF' … 'WAVE'");
        refused(TestWav.riff(TestWav.fmt(1, 1, 8000, 16), new byte[0]), RejectionCode.EMPTY, "no sample frames");
        refused(TestWav.riff(TestWav.fmt(1, 1, 8000, 16), new byte[1]), RejectionCode.EMPTY, "no sample frames");
        refused(TestWav.riff(TestWav.fmt(1, 0, 8000, 16), new byte[4]), RejectionCode.CORRUPT, "0 channels");
        refused(TestWav.riff(TestWav.fmt(1, 1, 0, 16), new byte[4]), RejectionCode.CORRUPT, "sample rate of 0 Hz");
        refused(TestWav.riff(TestWav.fmt(1, 1, 8000, 12), new byte[4]), RejectionCode.UNREADABLE, "12 bits");
        refused(TestWav.riff(TestWav.fmt(2, 1, 8000, 4), new byte[4]), RejectionCode.UNREADABLE, "format tag 0x2");
        refused(
                TestWav.riff(Arrays.copyOf(TestWav.fmt(1, 1, 8000, 16), 14), new byte[4]),
                RejectionCode.CORRUPT,
                "14 bytes");
        byte[] badAlign = TestWav.fmt(1, 2, 8000, 16);
        badAlign[12] = 3;
        refused(TestWav.riff(badAlign, new byte[12]), RejectionCode.CORRUPT, "block align 3");
        refused(
                TestWav.write(3, 32, 8000, new double[][] {{0.5}, {Double.NaN}}),
                RejectionCode.CORRUPT,
                "sample frame 1");
    }

    /** What ffmpeg writes to a pipe: RIFF and 'data' lengths left at 0xFFFFFFFF. */
    @Test
    void readsStreamedWavToTheEndOfTheFile() throws Exception {
        byte[] wav = TestWav.write(1, 16, 8000, ramp(501, 1));
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, -1);
        b.putInt(40, -1);
        DecodedAudio a = read(wav);
        assertThat(a.samples()).hasSize(501);
        assertThat(a.samples()[500])
                .isEqualTo(read(TestWav.write(1, 16, 8000, ramp(501, 1))).samples()[500]);
        byte[] overlong = TestWav.write(1, 16, 8000, ramp(501, 1));
        ByteBuffer.wrap(overlong).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7FFF_FFF0);
        refused(overlong, RejectionCode.TRUNCATED, "'data'", "2147483632 bytes", "ends first");
    }

    @Test
    void enforcesTheFrameLimitBeforeReadingSamples() throws Exception {
        byte[] wav = TestWav.write(1, 16, 8000, ramp(2000, 2));
        assertThatThrownBy(() -> new WavReader(1999).read(MediaSource.of(wav)))
                .isInstanceOfSatisfying(
                        MediaRejectedException.class,
                        e -> assertThat(e.getMessage())
                                .contains("2000 sample frames")
                                .contains("limit is 1999"));
        assertThat(new WavReader(2000).read(MediaSource.of(wav)).samples()).hasSize(2000);
        assertThatThrownBy(() -> new WavReader(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Seeded random damage: the only thing that may come out is a result or a MediaRejectedException. */
    @Test
    void damagedFilesNeverCrashTheReader() throws Exception {
        byte[] good = TestWav.write(1, 24, 16_000, ramp(300, 2));
        Random rnd = new Random(7);
        int refusedCount = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] bad = good.clone();
            for (int k = 0, n = 1 + rnd.nextInt(4); k < n; k++) bad[rnd.nextInt(48)] = (byte) rnd.nextInt(256);
            if (rnd.nextBoolean()) bad = Arrays.copyOf(bad, rnd.nextInt(bad.length));
            try {
                DecodedAudio a = read(bad);
                assertThat(a.samples().length).isPositive();
            } catch (MediaRejectedException e) {
                refusedCount++;
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(refusedCount).isPositive();
    }
}
