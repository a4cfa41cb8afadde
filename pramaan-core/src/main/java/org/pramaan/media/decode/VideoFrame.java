package org.pramaan.media.decode;

import java.util.Objects;

/**
 * One decoded video frame as packed RGB24 (row-major, 3 bytes per pixel, no padding).
 *
 * @param frameNumber 0-based index in decode output order, counting every decoded frame (also
 *                    those not delivered), as vPDQ numbers frames
 * @param ptsSeconds  presentation time from the stream's timestamps, or frameNumber / fps when the
 *                    stream has none
 * @param rgb         {@code width × height × 3} bytes; owned by the frame, do not modify
 */
public record VideoFrame(long frameNumber, double ptsSeconds, int width, int height, byte[] rgb) {
    public VideoFrame {
        Objects.requireNonNull(rgb, "rgb");
        if (frameNumber < 0) throw new IllegalArgumentException("frameNumber must not be negative, got " + frameNumber);
        if (width <= 0 || height <= 0)
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        if ((long) width * height * 3 != rgb.length)
            throw new IllegalArgumentException(
                    "rgb has " + rgb.length + " bytes, expected " + width + "x" + height + "x3");
    }

    /**
     * Luminance 0..255 per pixel with the BT.601 weights PDQ uses (0.299, 0.587, 0.114), computed in
     * float in that order so hashes agree with the reference's {@code fillFloatLumaFromRGB}.
     */
    public float[] luma() {
        return luma(new float[width * height]);
    }

    /**
     * {@link #luma()} written into {@code reuse} when it has {@code width × height} values (a
     * video's frames then allocate no plane each), else into a new array; returns the array used.
     */
    public float[] luma(float[] reuse) {
        float[] out = reuse.length == width * height ? reuse : new float[width * height];
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
            out[i] = RED[rgb[p] & 0xFF] + GREEN[rgb[p + 1] & 0xFF] + BLUE[rgb[p + 2] & 0xFF];
        }
        return out;
    }

    // Each table entry is the very float product 0.299f · v the plain formula computes (Java float
    // arithmetic is IEEE-exact), and the sum keeps its order (r + g) + b, so the luma is
    // bit-identical to 0.299f·r + 0.587f·g + 0.114f·b (VideoFrameTest checks all 2^24 colours).
    private static final float[] RED = weighted(0.299f), GREEN = weighted(0.587f), BLUE = weighted(0.114f);

    private static float[] weighted(float weight) {
        float[] t = new float[256];
        for (int v = 0; v < 256; v++) t[v] = weight * v;
        return t;
    }
}
