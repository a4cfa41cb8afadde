package org.pramaan.watermark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Port: writes a video with our keyed watermark in every frame (issue 14 item 2; the FFmpeg module
 * implements it: one decode, each frame's Y plane marked by {@link FrameMark}, one H.264 re-encode,
 * audio copied), MP4 out, written whole or not at all.
 */
public interface VideoWatermarkWriter {
    /**
     * What was written.
     *
     * @param frames      frames marked (every frame of the output)
     * @param audioCopied whether the audio stream was copied bit for bit (false: encoded to AAC, or none)
     */
    record Result(int width, int height, long frames, double seconds, boolean audioCopied) {}

    /**
     * Writes {@code in} to {@code out} with {@code payload} marked in every frame under {@code mark}'s key.
     *
     * @param minSide shorter frame side below which nothing is written (the mark would not be read back)
     * @return empty, writing nothing, when the file has no video stream or its frames are smaller than {@code minSide}
     * @throws IllegalArgumentException naming the problem for a file that is not a readable video, one too
     *                                  large or too long, or one whose frames cannot all be decoded; {@code out}
     *                                  is then not written
     */
    Optional<Result> mark(Path in, Path out, KeyedWatermark mark, int payload, int minSide) throws IOException;
}
