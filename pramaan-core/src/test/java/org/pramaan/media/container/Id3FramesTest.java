package org.pramaan.media.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.media.MediaSource;

class Id3FramesTest {
    /** Fuzzing finding: an empty tag with the extended-header flag read its size past the end (EOFException). */
    @Test
    void anExtendedHeaderFlagOnAnEmptyTagIsAProblemNotAnException() throws Exception {
        byte[] tag = {'I', 'D', '3', 3, 0, 0x40, 0, 0, 0, 0};
        Id3Frames.Result r = Id3Frames.walk(MediaSource.of(tag));
        assertThat(r.frames()).isEmpty();
        assertThat(r.problem()).contains("extended header");
    }
}
