package org.pramaan.media.decode;

import java.nio.file.Path;
import org.pramaan.media.MediaRejectedException;

/** Decodes the best video stream of a file into RGB frames (port; the FFmpeg module implements it). */
public interface VideoDecoder {
    /**
     * Decodes every frame in order and hands the wanted ones to {@code sink}.
     *
     * @param frameSide 0 to keep the stream's size, else each frame is scaled to exactly
     *                  frameSide × frameSide (vPDQ's downsampled mode; aspect is not kept)
     * @return the stream's header values and the number of frames decoded
     * @throws MediaRejectedException for an empty, corrupt or truncated file, one with no video
     *                                stream, or one over {@code limits}; the message names which
     */
    DecodedVideo decode(Path file, DecodeLimits limits, int frameSide, VideoFrameSink sink)
            throws MediaRejectedException;

    /** What a finished decode saw. */
    record DecodedVideo(VideoStreamInfo info, long framesDecoded) {}
}
