package org.pramaan.onnx;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.pramaan.detect.Evaluation;

/**
 * The reliability diagram and ROC curve of an {@link Evaluation}, as SVG (with axis labels) and PNG (drawn with
 * Java2D: shapes only, so no font is needed on a headless server). Plot area 400×400 with a 50 px margin.
 */
final class CalibrationPlots {
    static final int SIZE = 500;
    private static final int M = 50;
    private static final int W = SIZE - 2 * M;

    private CalibrationPlots() {}

    private static double px(double v) {
        return M + v * W;
    }

    private static double py(double v) {
        return SIZE - M - v * W;
    }

    private static String frame(String title, String xLabel, String yLabel) {
        return String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
                        + "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"white\"/>"
                        + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>"
                        + "<text x=\"%d\" y=\"30\" font-family=\"sans-serif\" font-size=\"16\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%s</text>"
                        + "<text x=\"15\" y=\"%d\" font-family=\"sans-serif\" font-size=\"12\" transform=\"rotate(-90 15 %d)\">%s</text>",
                SIZE,
                SIZE,
                SIZE,
                SIZE,
                SIZE,
                SIZE,
                M,
                M,
                W,
                W,
                M,
                SIZE - M,
                SIZE - M,
                M,
                M,
                title,
                SIZE / 2 - 60,
                SIZE - 15,
                xLabel,
                SIZE / 2,
                SIZE / 2,
                yLabel);
    }

    static String reliabilitySvg(Evaluation e) {
        StringBuilder b = new StringBuilder(frame(
                String.format(Locale.ROOT, "Reliability (ECE %.3f)", e.ece()),
                "mean calibrated probability",
                "share synthetic"));
        for (Evaluation.Bin bin : e.reliability()) {
            if (bin.count() == 0) continue;
            double x0 = px(bin.from());
            double x1 = px(bin.to());
            double y = py(bin.syntheticShare());
            b.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"bin\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6ea5\" opacity=\"0.8\">"
                            + "<title>%d items, mean p %.3f, synthetic %.3f</title></rect>",
                    x0 + 1,
                    y,
                    x1 - x0 - 2,
                    SIZE - M - y,
                    bin.count(),
                    bin.meanProbability(),
                    bin.syntheticShare()));
            b.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c0392b\"/>",
                    px(bin.meanProbability()),
                    py(bin.syntheticShare())));
        }
        return b.append("</svg>\n").toString();
    }

    static String rocSvg(Evaluation e) {
        StringBuilder b = new StringBuilder(frame(
                String.format(Locale.ROOT, "ROC (AUC %.3f)", e.auc()), "false positive rate", "true positive rate"));
        StringBuilder path = new StringBuilder();
        for (Evaluation.RocPoint p : e.roc())
            path.append(path.isEmpty() ? "M" : " L")
                    .append(String.format(Locale.ROOT, "%.1f %.1f", px(p.fpr()), py(p.tpr())));
        b.append("<path class=\"roc\" d=\"")
                .append(path)
                .append("\" fill=\"none\" stroke=\"#3b6ea5\" stroke-width=\"2\"/>");
        return b.append("</svg>\n").toString();
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setColor(new Color(0x44, 0x44, 0x44));
        g.drawRect(M, M, W, W);
        g.setColor(new Color(0x99, 0x99, 0x99));
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        g.drawLine(M, SIZE - M, SIZE - M, M);
        g.setStroke(new BasicStroke(2));
        return g;
    }

    static void reliabilityPng(Evaluation e, Path out) throws IOException {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        for (Evaluation.Bin bin : e.reliability()) {
            if (bin.count() == 0) continue;
            int x0 = (int) Math.round(px(bin.from())) + 1;
            int x1 = (int) Math.round(px(bin.to())) - 1;
            int y = (int) Math.round(py(bin.syntheticShare()));
            g.setColor(new Color(0x3b, 0x6e, 0xa5));
            g.fillRect(x0, y, x1 - x0, SIZE - M - y);
            g.setColor(new Color(0xc0, 0x39, 0x2b));
            g.fillOval(
                    (int) Math.round(px(bin.meanProbability())) - 3,
                    (int) Math.round(py(bin.syntheticShare())) - 3,
                    6,
                    6);
        }
        g.dispose();
        ImageIO.write(img, "png", out.toFile());
    }

    static void rocPng(Evaluation e, Path out) throws IOException {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.setColor(new Color(0x3b, 0x6e, 0xa5));
        Evaluation.RocPoint prev = null;
        for (Evaluation.RocPoint p : e.roc()) {
            if (prev != null)
                g.drawLine(
                        (int) Math.round(px(prev.fpr())),
                        (int) Math.round(py(prev.tpr())),
                        (int) Math.round(px(p.fpr())),
                        (int) Math.round(py(p.tpr())));
            prev = p;
        }
        g.dispose();
        ImageIO.write(img, "png", out.toFile());
    }
}
