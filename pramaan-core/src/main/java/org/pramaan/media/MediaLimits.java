package org.pramaan.media;

/**
 * Limits checked before decoding, so a hostile header cannot make Pramaan allocate or decode
 * something enormous.
 */
public record MediaLimits(long maxBytes, long maxPixels) {
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    public MediaLimits {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        if (maxPixels <= 0) throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
    }

    public static MediaLimits defaults() {
        return new MediaLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }
}
