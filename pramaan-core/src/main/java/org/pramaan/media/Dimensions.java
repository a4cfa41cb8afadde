package org.pramaan.media;

/** Pixel dimensions as declared by a file's header. */
public record Dimensions(int width, int height) {
    public Dimensions {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive, got " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
