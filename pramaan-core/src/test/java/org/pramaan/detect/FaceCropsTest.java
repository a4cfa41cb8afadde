package org.pramaan.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.detect.FaceDetector.Face;
import org.pramaan.detect.FaceDetector.Point;

/** Issue 16: a face turned by a known angle comes back upright, eyes where the template puts them. */
class FaceCropsTest {
    static final int W = 400;
    static final int H = 300;
    /** The upright synthetic face: eyes 80 px apart at y=140, a mouth bar 70 px below their midpoint. */
    static final double RX = 160;

    static final double LX = 240;
    static final double EY = 140;
    static final double MOUTH = 70;

    /** Draws the face turned by {@code degrees} about its eye midpoint; returns the image and where the eyes went. */
    static BufferedImage turned(double degrees, Point2D[] eyes) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        AffineTransform t = AffineTransform.getRotateInstance(Math.toRadians(degrees), (RX + LX) / 2, EY);
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setTransform(t);
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(RX - 8, EY - 8, 16, 16));
        g.fill(new Ellipse2D.Double(LX - 8, EY - 8, 16, 16));
        g.fill(new Rectangle2D.Double((RX + LX) / 2 - 25, EY + MOUTH - 5, 50, 10));
        g.dispose();
        eyes[0] = t.transform(new Point2D.Double(RX, EY), null);
        eyes[1] = t.transform(new Point2D.Double(LX, EY), null);
        return img;
    }

    static Face face(Point2D right, Point2D left) {
        return new Face(
                new Evidence.Region(0.25, 0.2, 0.5, 0.6),
                0.9,
                List.of(new Point(right.getX() / W, right.getY() / H), new Point(left.getX() / W, left.getY() / H)));
    }

    static boolean dark(BufferedImage img, double x, double y) {
        int p = img.getRGB((int) Math.round(x), (int) Math.round(y));
        return ((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff) < 3 * 80;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 30, -45, 90, 170})
    void aTurnedFaceComesBackUprightWithTheEyesOnTheTemplate(double degrees) {
        Point2D[] eyes = new Point2D[2];
        BufferedImage img = turned(degrees, eyes);
        int n = 112;
        BufferedImage crop = FaceCrops.align(img, face(eyes[0], eyes[1]), n);
        assertThat(crop.getWidth()).isEqualTo(n);
        assertThat(crop.getHeight()).isEqualTo(n);
        double half = FaceCrops.EYE_DISTANCE / 2 * n;
        double eyeY = FaceCrops.EYE_Y * n;
        // Both eyes on the template's points (ArcFace: about (38, 52) and (74, 52) of 112).
        assertThat(dark(crop, FaceCrops.EYE_X * n - half, eyeY)).as("right eye").isTrue();
        assertThat(dark(crop, FaceCrops.EYE_X * n + half, eyeY)).as("left eye").isTrue();
        // Between and above the eyes is skin (white here); upright means the mouth is straight below.
        assertThat(dark(crop, FaceCrops.EYE_X * n, eyeY)).as("between the eyes").isFalse();
        assertThat(dark(crop, FaceCrops.EYE_X * n - half, eyeY - 15))
                .as("above the right eye")
                .isFalse();
        double perPixel = (LX - RX) / (FaceCrops.EYE_DISTANCE * n); // source pixels per crop pixel
        double mouthY = eyeY + MOUTH / perPixel;
        assertThat(dark(crop, FaceCrops.EYE_X * n, mouthY))
                .as("mouth below the eyes")
                .isTrue();
        // The mouth bar is 50 source px wide: ±11 crop px, half-way to the eyes' x but not as far.
        assertThat(dark(crop, FaceCrops.EYE_X * n - 0.5 * half, mouthY))
                .as("mouth is horizontal")
                .isTrue();
        assertThat(dark(crop, FaceCrops.EYE_X * n - half, mouthY))
                .as("mouth ends")
                .isFalse();
    }

    @Test
    void aFaceWithoutEyePointsIsTheUprightSquareAroundItsBox() {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(100, 0, 100, 100); // right half red, left half black
        g.dispose();
        // Box 40x20 px centred on (100, 50): the crop is the 40x40 square there, half black, half red.
        Face f = new Face(new Evidence.Region(0.4, 0.4, 0.2, 0.2), 0.8, List.of());
        BufferedImage crop = FaceCrops.align(img, f, 40);
        assertThat(crop.getRGB(5, 20) & 0xffffff).isEqualTo(0x000000);
        assertThat(crop.getRGB(34, 20) & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void aCropReachingPastTheImageIsBlackThereAndSizesAreBounded() {
        BufferedImage img = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 50, 50);
        g.dispose();
        // A wide, flat box on the bottom edge: its square reaches 5 px below the image.
        Face corner = new Face(new Evidence.Region(0.8, 0.96, 0.2, 0.04), 0.8, List.of());
        BufferedImage crop = FaceCrops.align(img, corner, 10);
        assertThat(crop.getRGB(1, 1) & 0xffffff).isEqualTo(0xffffff);
        assertThat(crop.getRGB(9, 9) & 0xffffff).isEqualTo(0x000000);
        assertThatThrownBy(() -> FaceCrops.align(img, corner, 4)).hasMessageContaining("8..1024");
        assertThatThrownBy(() -> FaceCrops.align(img, corner, 4096)).hasMessageContaining("4096");
    }
}
