package org.pramaan.ffmpeg;

import java.nio.file.Path;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoDecoder;
import org.pramaan.media.decode.VideoFrameSink;

/**
 * Decodes with libavformat/libavcodec directly (not JavaCV's grabber) so frame numbering and the
 * RGB conversion are exactly those of Meta's {@code vpdq-hash-video}: every frame the decoder
 * outputs is counted, in output order, and converted by one {@code sws_scale} call with
 * {@code SWS_AREA} to RGB24 (vpdq/cpp/vpdq/cpp/hashing/ffmpegutils.cpp, as described in
 * testdata/vpdq/README.md).
 */
final class FfmpegVideoDecoder implements VideoDecoder {
    static {
        Native.init();
    }

    @Override
    public DecodedVideo decode(Path file, DecodeLimits limits, int frameSide, VideoFrameSink sink)
            throws MediaRejectedException {
        if (frameSide < 0)
            throw new IllegalArgumentException("frameSide must be 0 (native size) or positive, got " + frameSide);
        Native.preflight(file);
        if (sink.allowsSkipping()) {
            try (VideoSession session = VideoSession.open(file, limits)) {
                sink.begin(session.info());
                long frames = session.run(frameSide, sink, true);
                return new DecodedVideo(session.info(), frames);
            } catch (SkipNumbering.Fallback unproven) {
                sink.restart(); // numbering not provable for this file: the plain decode below decides
            }
        }
        try (VideoSession session = VideoSession.open(file, limits)) {
            sink.begin(session.info());
            long frames = session.run(frameSide, sink, false);
            return new DecodedVideo(session.info(), frames);
        }
    }
}
