package org.pramaan.watermark;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An 8-bit RGB raster, row-major, one {@code 0xRRGGBB} int per pixel (the high byte is ignored).
 * The array is not copied: watermark code reads megapixel images and must not double their memory;
 * callers hand over an array they no longer change.
 */
public record RgbPixels(int width, int height, int[] rgb) {
    public RgbPixels {
        Objects.requireNonNull(rgb, "rgb");
        if (width < 1 || height < 1)
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        if ((long) width * height != rgb.length) {
            throw new IllegalArgumentException(
                    "rgb has " + rgb.length + " pixels, " + width + "x" + height + " needs " + (long) width * height);
        }
    }

    /** The sRGB pixels of any decoded image (ImageIO's colour conversion for palette, grey, CMYK…). */
    public static RgbPixels of(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        return new RgbPixels(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }
}
