package org.pramaan.labels;

/**
 * WCAG 2.2 contrast (success criterion 1.4.3, definitions "relative luminance" and "contrast ratio"):
 * {@code (L1 + 0.05) / (L2 + 0.05)} with L from linearised sRGB.
 */
public final class Contrast {
    /** WCAG 2.2 SC 1.4.3 minimum for normal text. */
    public static final double WCAG_AA = 4.5;

    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Contrast() {}

    /** Relative luminance of a packed 0xRRGGBB colour. */
    public static double luminance(int rgb) {
        return 0.2126 * LINEAR[(rgb >> 16) & 0xFF] + 0.7152 * LINEAR[(rgb >> 8) & 0xFF] + 0.0722 * LINEAR[rgb & 0xFF];
    }

    /** The contrast ratio of two luminances, ≥ 1, order-free. */
    public static double ratio(double l1, double l2) {
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    /** {@code rgb} seen through a plate of colour {@code plate} with opacity {@code alpha} (sRGB source-over). */
    static int over(int rgb, int plate, double alpha) {
        int r = mix((rgb >> 16) & 0xFF, (plate >> 16) & 0xFF, alpha);
        int g = mix((rgb >> 8) & 0xFF, (plate >> 8) & 0xFF, alpha);
        int b = mix(rgb & 0xFF, plate & 0xFF, alpha);
        return (r << 16) | (g << 8) | b;
    }

    private static int mix(int c, int p, double a) {
        return (int) Math.round(c * (1 - a) + p * a);
    }
}
