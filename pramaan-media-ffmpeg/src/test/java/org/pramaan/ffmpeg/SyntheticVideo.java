package org.pramaan.ffmpeg;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * A deterministic moving scene: a slowly turning gradient, and shapes on their own slow orbits
 * (periods of 25-100 s, like a panning shot), so frames a second apart differ (distinct PDQ hashes) while neighbouring frames
 * stay close, as in real footage.
 */
final class SyntheticVideo {
    private final double[][] shapes; // per shape: period x, period y, phase x, phase y, size, hue, kind
    private final long seed;

    SyntheticVideo(long seed, int count) {
        this.seed = seed;
        Random r = new Random(seed);
        shapes = new double[count][];
        for (int i = 0; i < count; i++) {
            shapes[i] = new double[] {
                30 + r.nextDouble() * 60,
                30 + r.nextDouble() * 60,
                r.nextDouble() * 6.283,
                r.nextDouble() * 6.283,
                0.06 + r.nextDouble() * 0.2,
                r.nextDouble(),
                r.nextInt(2)
            };
        }
    }

    /** The scene at {@code t} seconds, drawn at {@code w × h}. */
    BufferedImage frame(double t, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float hue = (float) ((t / 120.0 + seed * 0.1) % 1.0);
        g.setPaint(new GradientPaint(
                0, 0, Color.getHSBColor(hue, 0.6f, 0.9f), w, h, Color.getHSBColor(hue + 0.5f, 0.7f, 0.2f)));
        g.fillRect(0, 0, w, h);
        for (double[] s : shapes) {
            double x = (0.5 + 0.45 * Math.sin(2 * Math.PI * t / s[0] + s[2])) * w,
                    y = (0.5 + 0.45 * Math.cos(2 * Math.PI * t / s[1] + s[3])) * h;
            int size = (int) (s[4] * Math.min(w, h) * 2);
            g.setColor(Color.getHSBColor((float) s[5], 0.9f, (float) (0.3 + 0.7 * ((s[5] * 7) % 1))));
            if (s[6] == 0) g.fillOval((int) x - size / 2, (int) y - size / 2, size, size);
            else g.fillRect((int) x - size / 2, (int) y - size / 4, size, size / 2);
        }
        g.dispose();
        return img;
    }
}
