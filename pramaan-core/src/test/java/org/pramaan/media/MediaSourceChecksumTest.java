package org.pramaan.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MediaSource#checksum}: the in-memory source's copy-free override and the file source's
 * buffered default give the CRC of exactly the bytes asked for, across the 64 KiB buffer's edges,
 * and refuse a range past the end the way {@code readFully} does.
 */
class MediaSourceChecksumTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "file-backed {0}")
    @ValueSource(booleans = {false, true})
    void checksumCoversExactlyTheRange(boolean fileBacked) throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(9).nextBytes(bytes);
        Path f = Files.write(dir.resolve("bytes.bin"), bytes);
        try (MediaSource src = fileBacked ? MediaSource.open(f) : MediaSource.of(bytes)) {
            for (int[] range : new int[][] {{0, 0}, {0, 200_000}, {17, 65_536}, {65_535, 65_538}, {131_000, 69_000}}) {
                CRC32 expected = new CRC32();
                expected.update(bytes, range[0], range[1]);
                CRC32 actual = new CRC32();
                src.checksum(range[0], range[1], actual);
                assertThat(actual.getValue())
                        .as("bytes %d..+%d", range[0], range[1])
                        .isEqualTo(expected.getValue());
            }
            assertThatThrownBy(() -> src.checksum(199_990, 11, new CRC32())).isInstanceOf(EOFException.class);
        }
    }
}
