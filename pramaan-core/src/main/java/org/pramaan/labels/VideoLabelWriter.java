package org.pramaan.labels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Burns a profile's visible label into a video (port; {@code pramaan-media-ffmpeg} implements it):
 * the label for the opening {@code minSeconds} (GB 45438-2025 §4: at least 2 s) or for the whole
 * duration (IT Rules r.3(3)(a) as amended by G.S.R. 120(E), "continuous" in the draft), audio copied,
 * H.264 in MP4 out, written whole or not at all.
 */
public interface VideoLabelWriter {
    /**
     * What was burned in.
     *
     * @param labelSeconds how long the label shows (the whole duration when continuous)
     * @param audioCopied  whether the audio stream was copied bit for bit (false: re-encoded to AAC, or none)
     */
    record Result(ImageLabeller.Drawn drawn, double durationSeconds, double labelSeconds, boolean audioCopied) {}

    /**
     * Writes {@code in} with the label burned in to {@code out}.
     *
     * @param duration overrides the profile's duration rule
     * @throws IllegalArgumentException for input that is not a readable video, or too large or long
     */
    Result label(Path in, Path out, VisibleLabels.Request request, Optional<LabelProfile.VideoDuration> duration)
            throws IOException;
}
