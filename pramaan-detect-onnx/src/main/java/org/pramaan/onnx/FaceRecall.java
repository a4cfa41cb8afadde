package org.pramaan.onnx;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceDetector.Face;

/**
 * Recall of one face finder against reference boxes: a reference face counts as found when some
 * found face overlaps it by IoU ≥ 0.3 (MediaPipe's own merge threshold). Used by {@code pramaan detect
 * bench} to compare BlazeFace's tile plan with the older window pyramid on real photos, and with the
 * known boxes of generated images (real face crops pasted at known places and sizes).
 */
final class FaceRecall {
    static final double MATCH_IOU = 0.3;

    private FaceRecall() {}

    /** How many of {@code reference} some face in {@code found} matches. */
    static int matched(List<Evidence.Region> reference, List<Face> found) {
        int n = 0;
        for (Evidence.Region r : reference) {
            for (Face f : found) {
                if (iou(r, f.box()) >= MATCH_IOU) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    static double iou(Evidence.Region a, Evidence.Region b) {
        return org.pramaan.detect.FaceTracks.iou(a, b);
    }

    /** A generated image and the boxes of the faces pasted into it. */
    record Generated(BufferedImage image, List<Evidence.Region> faces) {}

    /**
     * Pastes each source face (a square crop of {@code margin} times its box around the box's centre)
     * into a {@code side}² background, at sizes from 4 % to 40 % of the side and positions drawn
     * from {@code seed}, without overlaps. The known box is where the face's own box lands.
     */
    static Generated generate(BufferedImage background, List<Crop> crops, int count, long seed) {
        return generate(background, crops, count, seed, 0.04, 0.4);
    }

    /** As above, with face widths spread log-uniformly over {@code min}..{@code max} of the side. */
    static Generated generate(
            BufferedImage background, List<Crop> crops, int count, long seed, double min, double max) {
        int side = background.getWidth();
        BufferedImage out = new BufferedImage(side, background.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        List<Evidence.Region> boxes = new ArrayList<>();
        List<double[]> taken = new ArrayList<>();
        Random r = new Random(seed);
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(background, 0, 0, null);
            for (int i = 0; i < count && !crops.isEmpty(); i++) {
                Crop c = crops.get(i % crops.size());
                double faceFrac = min * Math.pow(max / min, r.nextDouble());
                double scale = faceFrac * side / c.faceWidth();
                int w = (int) Math.round(c.image().getWidth() * scale);
                int h = (int) Math.round(c.image().getHeight() * scale);
                if (w >= side || h >= out.getHeight()) continue;
                for (int attempt = 0; attempt < 50; attempt++) {
                    int x = r.nextInt(side - w);
                    int y = r.nextInt(out.getHeight() - h);
                    double[] rect = {x, y, x + w, y + h};
                    if (taken.stream()
                            .anyMatch(t -> rect[0] < t[2] && t[0] < rect[2] && rect[1] < t[3] && t[1] < rect[3]))
                        continue;
                    taken.add(rect);
                    g.drawImage(c.image(), x, y, w, h, null);
                    boxes.add(new Evidence.Region(
                            (x + c.faceX() * scale) / side,
                            (y + c.faceY() * scale) / out.getHeight(),
                            c.faceWidth() * scale / side,
                            c.faceHeight() * scale / out.getHeight()));
                    break;
                }
            }
        } finally {
            g.dispose();
        }
        return new Generated(out, boxes);
    }

    /** A face cut from a photo with its box inside the cut, in the cut's pixels. */
    record Crop(BufferedImage image, double faceX, double faceY, double faceWidth, double faceHeight) {}

    /** Cuts a face found in {@code image} with {@code margin} times its box around it (clipped to the image). */
    static Crop crop(BufferedImage image, Face f, double margin) {
        int w = image.getWidth();
        int h = image.getHeight();
        double bx = f.box().x() * w;
        double by = f.box().y() * h;
        double bw = f.box().width() * w;
        double bh = f.box().height() * h;
        double s = Math.max(bw, bh) * margin;
        int x0 = (int) Math.max(0, Math.floor(bx + bw / 2 - s / 2));
        int y0 = (int) Math.max(0, Math.floor(by + bh / 2 - s / 2));
        int x1 = (int) Math.min(w, Math.ceil(bx + bw / 2 + s / 2));
        int y1 = (int) Math.min(h, Math.ceil(by + bh / 2 + s / 2));
        BufferedImage cut = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = cut.createGraphics();
        try {
            g.drawImage(image.getSubimage(x0, y0, x1 - x0, y1 - y0), 0, 0, null);
        } finally {
            g.dispose();
        }
        return new Crop(cut, bx - x0, by - y0, bw, bh);
    }
}
