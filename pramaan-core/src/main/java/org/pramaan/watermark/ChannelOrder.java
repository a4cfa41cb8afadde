package org.pramaan.watermark;

/**
 * Which channel the package was told was blue. imwatermark takes OpenCV's BGR order and marks the U
 * (blue-difference) plane. Callers that handed it RGB as if it were BGR marked the red-difference
 * plane instead: diffusers' {@code StableDiffusionXLWatermarker} up to v0.18 and the SDXL 0.9 demo
 * before generative-models commit 5df4d98 (5 Jul 2023, "Watermark encoder expects images in BGR
 * channel order"). Both kinds of image exist, so detection tries both (docs/watermark.md).
 */
public enum ChannelOrder {
    /** Blue given as blue: SD 1.x scripts, SDXL after 5 Jul 2023, diffusers from v0.19. */
    BGR,
    /** RGB passed where BGR was expected: the plane carrying the mark is built from red. */
    RGB_AS_BGR;

    /** The channel the package treated as blue, as a shift into {@code 0xRRGGBB}. */
    int blueShift() {
        return this == BGR ? 0 : 16;
    }

    /** The channel the package treated as red. */
    int redShift() {
        return this == BGR ? 16 : 0;
    }
}
