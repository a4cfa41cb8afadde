package org.pramaan.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MediaSource#digest} (C2PA asset hashing): the in-memory source's copy-free override and the
 * file source's buffered default hash exactly the bytes asked for, across the 1 MiB buffer's edges, and
 * refuse a range past the end the way {@code readFully} does.
 */
class MediaSourceDigestTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "file-backed {0}")
    @ValueSource(booleans = {false, true})
    void digestCoversExactlyTheRange(boolean fileBacked) throws Exception {
        byte[] bytes = new byte[2_300_000];
        new Random(11).nextBytes(bytes);
        Path f = Files.write(dir.resolve("bytes.bin"), bytes);
        try (MediaSource src = fileBacked ? MediaSource.open(f) : MediaSource.of(bytes)) {
            for (int[] range : new int[][] {{0, 0}, {0, 2_300_000}, {17, 1 << 20}, {(1 << 20) - 1, (1 << 20) + 2}}) {
                MessageDigest expected = MessageDigest.getInstance("SHA-256");
                expected.update(bytes, range[0], range[1]);
                MessageDigest actual = MessageDigest.getInstance("SHA-256");
                src.digest(range[0], range[1], actual);
                assertThat(actual.digest())
                        .as("bytes %d..+%d", range[0], range[1])
                        .isEqualTo(expected.digest());
            }
            assertThatThrownBy(() -> src.digest(2_299_990, 11, MessageDigest.getInstance("SHA-256")))
                    .isInstanceOf(EOFException.class);
        }
    }
}
