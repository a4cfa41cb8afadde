package org.pramaan.media.decode;

/**
 * Header values of the video stream being decoded.
 *
 * @param frameRate        the stream's average frame rate (FFmpeg {@code avg_frame_rate}, or
 *                         {@code r_frame_rate} when that is unset), frames per second, > 0
 * @param declaredSeconds  the container's duration, or 0 when it declares none
 */
public record VideoStreamInfo(int width, int height, double frameRate, double declaredSeconds, String codec) {
    public VideoStreamInfo {
        if (width <= 0 || height <= 0)
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        if (!(frameRate > 0) || Double.isInfinite(frameRate))
            throw new IllegalArgumentException("frame rate must be positive, got " + frameRate);
        if (declaredSeconds < 0)
            throw new IllegalArgumentException("declared duration must not be negative, got " + declaredSeconds);
        if (codec == null) codec = "unknown";
    }
}
