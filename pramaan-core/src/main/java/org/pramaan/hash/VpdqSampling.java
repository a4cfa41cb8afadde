package org.pramaan.hash;

/**
 * Which frames vPDQ hashes: every {@code frameMod}-th decoded frame, where
 * {@code frameMod = (int)(secondsPerHash × fps)}, truncated, and at least 1 (vpdq/cpp
 * {@code hashVideoFile}). 0 seconds means every frame.
 *
 * @param secondsPerHash 0 for every frame; the reference CLI's {@code -r}; pytx defaults to 1
 * @param frameSide      0 to hash frames at their own size, else frames are first scaled to
 *                       frameSide × frameSide (the reference's {@code -s}, e.g. 128)
 */
public record VpdqSampling(double secondsPerHash, int frameSide) {
    public static final VpdqSampling EVERY_FRAME = new VpdqSampling(0, 0);
    public static final VpdqSampling ONE_PER_SECOND = new VpdqSampling(1, 0);

    public VpdqSampling {
        if (!(secondsPerHash >= 0) || secondsPerHash > 3600)
            throw new IllegalArgumentException("secondsPerHash must be 0..3600, got " + secondsPerHash);
        if (frameSide < 0 || frameSide > 4096)
            throw new IllegalArgumentException("frameSide must be 0 (native) or 1..4096, got " + frameSide);
    }

    /** Hashes one frame every {@code 1/fps} seconds; {@code fps} must be positive. */
    public static VpdqSampling perSecond(double fps) {
        if (!(fps > 0)) throw new IllegalArgumentException("frames per second must be positive, got " + fps);
        return new VpdqSampling(1 / fps, 0);
    }

    long frameMod(double streamFps) {
        long mod = (long) (secondsPerHash * streamFps);
        return Math.max(1, mod);
    }
}
