package org.pramaan.hash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoDecoder;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;
import org.pramaan.media.decode.VideoStreamInfo;

/**
 * vPDQ (Meta ThreatExchange {@code vpdq/README.md}): PDQ of sampled frames, each kept with its
 * frame number, timestamp and quality. Follows {@code vpdq-hash-video}: frames are numbered in
 * decoder output order, sampled by {@link VpdqSampling}, hashed at their decoded size with no
 * 512 px squash, and stamped {@code frameNumber / avg_frame_rate}.
 */
public final class VpdqHasher {
    private final VideoDecoder decoder;
    private final PdqHasher pdq;
    private final boolean skipping;

    public VpdqHasher(VideoDecoder decoder, PdqHasher pdq) {
        this(decoder, pdq, true);
    }

    private VpdqHasher(VideoDecoder decoder, PdqHasher pdq, boolean skipping) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.pdq = Objects.requireNonNull(pdq, "pdq");
        this.skipping = skipping;
    }

    /**
     * The same hasher with the decoder asked to decode every frame: the oracle the skipping path is
     * checked against (tests, {@code bench vpdq}); results are identical, only slower.
     */
    public VpdqHasher decodingEveryFrame() {
        return new VpdqHasher(decoder, pdq, false);
    }

    public VpdqHash hash(Path video, VpdqSampling sampling, DecodeLimits limits) throws MediaRejectedException {
        Sink sink = new Sink(sampling);
        VideoDecoder.DecodedVideo done = decoder.decode(video, limits, sampling.frameSide(), sink);
        return new VpdqHash(sink.frames, done.info().frameRate(), done.framesDecoded());
    }

    /** Hashes one decoded frame; public so other frame sources (tests, streams) hash the same way. */
    public VpdqFrame hashFrame(VideoFrame frame, double streamFps) {
        // luma() is a fresh plane, so the filter may work in it.
        PdqResult r = pdq.hashOwnedLumaUnsquashed(frame.luma(), new float[0], frame.width(), frame.height());
        return stamped(frame, streamFps, r);
    }

    private static VpdqFrame stamped(VideoFrame frame, double streamFps, PdqResult r) {
        return new VpdqFrame(frame.frameNumber(), frame.frameNumber() / streamFps, r.hash(), r.quality());
    }

    private final class Sink implements VideoFrameSink {
        private final VpdqSampling sampling;
        private final List<VpdqFrame> frames = new ArrayList<>();
        private double fps;
        private long mod = 1;
        // Planes reused from frame to frame (an HD frame's are 8 MB each): no allocation per frame.
        private float[] luma = new float[0];
        private float[] scratch = new float[0];

        Sink(VpdqSampling sampling) {
            this.sampling = sampling;
        }

        @Override
        public void begin(VideoStreamInfo info) {
            fps = info.frameRate();
            mod = sampling.frameMod(fps);
        }

        @Override
        public boolean wants(long frameNumber) {
            return frameNumber % mod == 0;
        }

        @Override
        public void accept(VideoFrame frame) {
            luma = frame.luma(luma);
            if (scratch.length != luma.length) scratch = new float[luma.length];
            PdqResult r = pdq.hashOwnedLumaUnsquashed(luma, scratch, frame.width(), frame.height());
            frames.add(stamped(frame, fps, r));
        }

        @Override
        public boolean allowsSkipping() {
            return skipping;
        }

        @Override
        public void restart() {
            frames.clear();
        }
    }
}
