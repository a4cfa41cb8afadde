package org.pramaan.media.decode;

import java.time.Duration;

/**
 * Work a decoder may do for one file. A header can lie about duration or size, so decoders check
 * these against what they actually decode, not only against what the container declares.
 *
 * @param maxDuration    longest media time decoded (header duration checked first, then frame times)
 * @param maxFrames      most video frames decoded (all decoded frames count, hashed or not)
 * @param maxFramePixels largest width × height of one video frame
 */
public record DecodeLimits(Duration maxDuration, long maxFrames, long maxFramePixels) {
    /** One hour, 30 fps for that hour, and 8K UHD frames: far above any clip a platform screens. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(Duration.ofHours(1), 3600L * 60, 7680L * 4320);

    public DecodeLimits {
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero())
            throw new IllegalArgumentException("maxDuration must be positive, got " + maxDuration);
        if (maxFrames <= 0) throw new IllegalArgumentException("maxFrames must be positive, got " + maxFrames);
        if (maxFramePixels <= 0)
            throw new IllegalArgumentException("maxFramePixels must be positive, got " + maxFramePixels);
    }

    public double maxSeconds() {
        return maxDuration.toMillis() / 1000.0;
    }
}
