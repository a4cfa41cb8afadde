package org.pramaan.detect;

import java.awt.image.BufferedImage;
import org.pramaan.detect.FaceDetector.Face;

/**
 * Cuts a face out of an image, upright and at a fixed scale, for per-face detectors and the
 * likeness registry (issue 16): the line through the eyes is turned horizontal and the distance
 * between them becomes {@link #EYE_DISTANCE} of the crop's side, with the point between the eyes at
 * ({@link #EYE_X}, {@link #EYE_Y}) of it. That is the five-point similarity alignment face models are
 * trained with (the ArcFace 112×112 template puts the eyes at (38.3, 51.7) and (73.5, 51.5): 0.31 of
 * the side apart, 0.46 down), reduced to the two points BlazeFace places most reliably. A face
 * without eye points is cut as the square around its box, upright. Pixels outside the image are
 * black; resampling is bilinear.
 */
public final class FaceCrops {
    /** Distance between the eye centres as a fraction of the crop's side (ArcFace template). */
    public static final double EYE_DISTANCE = 0.314;
    /** Where the point between the eyes lands, as fractions of the crop's side. */
    public static final double EYE_X = 0.5;

    public static final double EYE_Y = 0.46;
    /** Largest crop side: per-face models take a few hundred pixels at most. */
    public static final int MAX_SIDE = 1024;

    private FaceCrops() {}

    /**
     * The aligned crop of {@code face} from {@code image}, {@code size}×{@code size} pixels.
     *
     * @param face a face found in this image (key points 0 and 1 are its right and left eye, as
     *             BlazeFace gives them)
     * @throws IllegalArgumentException size outside 8..{@value #MAX_SIDE}
     */
    public static BufferedImage align(BufferedImage image, Face face, int size) {
        if (size < 8 || size > MAX_SIDE)
            throw new IllegalArgumentException("a face crop is 8.." + MAX_SIDE + " pixels square, got " + size);
        int w = image.getWidth();
        int h = image.getHeight();
        double cx;
        double cy;
        double angle;
        double scale; // source pixels per crop pixel
        if (face.keyPoints().size() >= 2) {
            double rx = face.keyPoints().get(0).x() * w;
            double ry = face.keyPoints().get(0).y() * h;
            double lx = face.keyPoints().get(1).x() * w;
            double ly = face.keyPoints().get(1).y() * h;
            double eyes = Math.hypot(lx - rx, ly - ry);
            if (eyes < 1) return boxCrop(image, face, size); // eyes on one pixel: no direction to align to
            angle = Math.atan2(ly - ry, lx - rx);
            scale = eyes / (EYE_DISTANCE * size);
            // The crop's eye point is (EYE_X, EYE_Y) of the side; its centre is that much below-left of it.
            double mx = (rx + lx) / 2;
            double my = (ry + ly) / 2;
            double dx = (0.5 - EYE_X) * size * scale;
            double dy = (0.5 - EYE_Y) * size * scale;
            cx = mx + dx * Math.cos(angle) - dy * Math.sin(angle);
            cy = my + dx * Math.sin(angle) + dy * Math.cos(angle);
        } else {
            return boxCrop(image, face, size);
        }
        return sample(image, cx, cy, angle, scale, size);
    }

    /** The square around the face's box (its longer side), upright. */
    private static BufferedImage boxCrop(BufferedImage image, Face face, int size) {
        int w = image.getWidth();
        int h = image.getHeight();
        Evidence.Region b = face.box();
        double side = Math.max(b.width() * w, b.height() * h);
        return sample(image, (b.x() + b.width() / 2) * w, (b.y() + b.height() / 2) * h, 0, side / size, size);
    }

    /**
     * Crop pixel (u, v) takes the source at centre + R(angle)·((u, v) − size/2)·scale, bilinear;
     * black outside the image.
     */
    private static BufferedImage sample(
            BufferedImage image, double cx, double cy, double angle, double scale, int size) {
        double cos = Math.cos(angle) * scale;
        double sin = Math.sin(angle) * scale;
        double half = size / 2.0;
        // Only the source rectangle the rotated crop covers is read (a face is a small part of a photo).
        double reach = half * (Math.abs(cos) + Math.abs(sin)) + 2;
        int ox0 = (int) Math.max(0, Math.floor(cx - reach));
        int oy0 = (int) Math.max(0, Math.floor(cy - reach));
        int ox1 = (int) Math.min(image.getWidth(), Math.ceil(cx + reach));
        int oy1 = (int) Math.min(image.getHeight(), Math.ceil(cy + reach));
        int[] out = new int[size * size];
        if (ox1 <= ox0 || oy1 <= oy0) return image(out, size); // the crop lies wholly outside the image
        int w = ox1 - ox0;
        int h = oy1 - oy0;
        int[] src = image.getRGB(ox0, oy0, w, h, null, 0, w);
        cx -= ox0;
        cy -= oy0;
        for (int v = 0; v < size; v++) {
            double oy = v + 0.5 - half;
            for (int u = 0; u < size; u++) {
                double ox = u + 0.5 - half;
                double sx = cx + ox * cos - oy * sin - 0.5;
                double sy = cy + ox * sin + oy * cos - 0.5;
                out[v * size + u] = bilinear(src, w, h, sx, sy);
            }
        }
        return image(out, size);
    }

    private static BufferedImage image(int[] rgb, int size) {
        BufferedImage crop = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        crop.setRGB(0, 0, size, size, rgb, 0, size);
        return crop;
    }

    private static int bilinear(int[] src, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        int p00 = at(src, w, h, x0, y0);
        int p10 = at(src, w, h, x0 + 1, y0);
        int p01 = at(src, w, h, x0, y0 + 1);
        int p11 = at(src, w, h, x0 + 1, y0 + 1);
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double c = (1 - fx) * (1 - fy) * ((p00 >> shift) & 0xff)
                    + fx * (1 - fy) * ((p10 >> shift) & 0xff)
                    + (1 - fx) * fy * ((p01 >> shift) & 0xff)
                    + fx * fy * ((p11 >> shift) & 0xff);
            rgb |= Math.min(255, (int) Math.round(c)) << shift;
        }
        return rgb;
    }

    private static int at(int[] src, int w, int h, int x, int y) {
        if (x < 0 || y < 0 || x >= w || y >= h) return 0;
        return src[y * w + x] & 0xffffff;
    }
}
