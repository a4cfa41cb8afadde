package org.pramaan.watermark;

import java.nio.file.Path;
import java.util.Objects;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoDecoder;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;
import org.pramaan.media.decode.VideoStreamInfo;

/**
 * Samples a video's frames through the decoder port and combines them into one {@link FrameEvidence}
 * (issue 14 item 2). Frames are taken as intake samples them for vPDQ ({@code secondsPerFrame}, one
 * per second by default), but at least {@value #MIN_FRAMES} over a short clip (a 3 s excerpt still
 * gives eight frames) and at most {@value #MAX_FRAMES}, spread over the whole declared duration (a
 * long video is not read only at its start). Each frame costs one fold per scale hypothesis, so the
 * cap bounds the work: 32 frames of 1080p are about 0.5 CPU s on top of the decode.
 */
public final class VideoWatermarkReader {
    public static final int MIN_FRAMES = 8, MAX_FRAMES = 32;

    private final VideoDecoder decoder;
    private final DecodeLimits limits;
    private final double secondsPerFrame;

    /**
     * @param secondsPerFrame the sampling interval (intake's vPDQ {@code secondsPerHash}; 0 = as dense as the caps allow)
     */
    public VideoWatermarkReader(VideoDecoder decoder, DecodeLimits limits, double secondsPerFrame) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (!(secondsPerFrame >= 0) || secondsPerFrame > 3600)
            throw new IllegalArgumentException("secondsPerFrame must be 0..3600, got " + secondsPerFrame);
        this.secondsPerFrame = secondsPerFrame;
    }

    /**
     * The combined evidence of the sampled frames.
     *
     * @throws MediaRejectedException for an empty, corrupt or truncated file, or one with no video stream
     */
    public FrameEvidence read(Path file) throws MediaRejectedException {
        Sink sink = new Sink();
        decoder.decode(file, limits, 0, sink);
        if (sink.evidence == null || sink.evidence.frames() == 0)
            throw new MediaRejectedException(
                    org.pramaan.media.RejectionCode.CORRUPT, "no video frame could be decoded for the watermark");
        return sink.evidence;
    }

    /** Every {@code mod}-th decoded frame until {@value #MAX_FRAMES} are taken. */
    static long frameMod(double fps, double declaredSeconds, double secondsPerFrame) {
        long mod = Math.max(1, (long) (secondsPerFrame * fps));
        double total = declaredSeconds * fps;
        if (total > 0) {
            mod = Math.min(mod, Math.max(1, (long) (total / MIN_FRAMES))); // short clips: at least MIN_FRAMES
            mod = Math.max(mod, (long) Math.ceil(total / MAX_FRAMES)); // long videos: spread over the whole
        }
        return Math.max(1, mod);
    }

    private final class Sink implements VideoFrameSink {
        FrameEvidence evidence;
        long mod = 1;

        @Override
        public void begin(VideoStreamInfo info) {
            evidence = new FrameEvidence(info.width(), info.height());
            mod = frameMod(info.frameRate(), info.declaredSeconds(), secondsPerFrame);
        }

        @Override
        public boolean wants(long frameNumber) {
            return frameNumber % mod == 0 && evidence.frames() < MAX_FRAMES;
        }

        @Override
        public void accept(VideoFrame frame) {
            if (frame.width() != evidence.width() || frame.height() != evidence.height())
                return; // size change mid-stream
            evidence.addRgb(frame.rgb());
        }

        @Override
        public boolean allowsSkipping() {
            return true;
        }

        @Override
        public void restart() {
            evidence = new FrameEvidence(evidence.width(), evidence.height());
        }
    }
}
