package org.pramaan.media.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;

class RiffChunksTest {
    /** Fuzzing finding: a file shorter than the 12-byte RIFF header read past the end (EOFException). */
    @Test
    void aFileShorterThanTheRiffHeaderIsAProblemNotAnException() throws Exception {
        for (int n = 0; n < 12; n++) {
            RiffChunks.Result r = RiffChunks.walk(MediaSource.of(
                    "RIFF\0\0\0\0WAVE".substring(0, n).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
            assertThat(r.chunks()).isEmpty();
            assertThat(r.problem()).contains("RIFF header needs 12");
        }
    }
}
