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
        float[] out = new float[width * height];
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
            out[i] = 0.299f * (rgb[p] & 0xFF) + 0.587f * (rgb[p + 1] & 0xFF) + 0.114f * (rgb[p + 2] & 0xFF);
        }
        return out;
    }
}
