package org.pramaan.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fits a {@link Calibration} on an operator's labelled scores (issue 16, "Calibration"): isotonic regression by
 * pool-adjacent-violators (Ayer et al. 1955; the least-squares monotone fit, exact), or Platt scaling by Newton's
 * method on the log-likelihood with Platt's target smoothing (Platt 1999, targets (N₊+1)/(N₊+2) and 1/(N₋+2), which
 * keeps the fit finite when the classes separate), in the stabilised form of Lin, Lin and Weng (2007).
 */
public final class CalibrationFit {
    private CalibrationFit() {}

    /**
     * Isotonic regression of label on raw score: equal scores pooled first, then adjacent blocks whose means fall
     * merged until none does; the table holds each block's lowest and highest score at its mean.
     *
     * @throws IllegalArgumentException when the set has fewer than two distinct scores or lacks a class
     */
    public static Calibration.Isotonic isotonic(List<LabelledScore> data, String fittedOn) {
        checkClasses(data);
        List<LabelledScore> sorted = new ArrayList<>(data);
        sorted.sort(Comparator.comparingDouble(LabelledScore::raw));
        // Blocks: [lo x, hi x, sum of labels, count]; ties become one block before pooling.
        List<double[]> blocks = new ArrayList<>();
        for (LabelledScore s : sorted) {
            double y = s.synthetic() ? 1 : 0;
            double[] last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (last != null && last[1] == s.raw()) {
                last[2] += y;
                last[3]++;
            } else blocks.add(new double[] {s.raw(), s.raw(), y, 1});
        }
        if (blocks.size() < 2)
            throw new IllegalArgumentException("the labelled set needs at least two distinct scores");
        List<double[]> pooled = new ArrayList<>();
        for (double[] b : blocks) {
            pooled.add(b.clone());
            while (pooled.size() > 1) {
                double[] r = pooled.get(pooled.size() - 1);
                double[] l = pooled.get(pooled.size() - 2);
                if (l[2] / l[3] <= r[2] / r[3]) break;
                l[1] = r[1];
                l[2] += r[2];
                l[3] += r[3];
                pooled.remove(pooled.size() - 1);
            }
        }
        List<Calibration.Point> points = new ArrayList<>();
        for (double[] b : pooled) {
            double p = b[2] / b[3];
            points.add(new Calibration.Point(b[0], p));
            if (b[1] > b[0]) points.add(new Calibration.Point(b[1], p));
        }
        if (points.size() < 2) // one pooled block over several scores still gives two points; one score gives one
        throw new IllegalArgumentException("the labelled set needs at least two distinct scores");
        return new Calibration.Isotonic(thin(points, ManifestReader.MAX_POINTS), fittedOn);
    }

    /** At most {@code max} points, keeping both ends: any subset of a monotone table is monotone. */
    static List<Calibration.Point> thin(List<Calibration.Point> points, int max) {
        if (points.size() <= max) return points;
        List<Calibration.Point> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++)
            out.add(points.get((int) Math.round(i * (points.size() - 1) / (double) (max - 1))));
        return out;
    }

    /**
     * Platt scaling: the {@code a, b} maximising the likelihood of the smoothed targets under
     * {@code p = 1/(1+exp(-(a·raw+b)))}, by Newton's method with backtracking.
     *
     * @throws IllegalArgumentException when a class is missing, or the fit does not converge
     */
    public static Calibration.Platt platt(List<LabelledScore> data, String fittedOn) {
        checkClasses(data);
        long pos = data.stream().filter(LabelledScore::synthetic).count();
        long neg = data.size() - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        int n = data.size();
        double[] x = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = data.get(i).raw();
            t[i] = data.get(i).synthetic() ? hi : lo;
        }
        // Lin-Lin-Weng parametrise f = A·x + B with p = 1/(1+exp(f)); our a = -A, b = -B.
        double a = 0;
        double b = Math.log((neg + 1.0) / (pos + 1.0));
        double sigma = 1e-12;
        double fval = objective(x, t, a, b);
        for (int it = 0; it < 100; it++) {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < n; i++) {
                double f = x[i] * a + b;
                double p = f >= 0 ? Math.exp(-f) / (1 + Math.exp(-f)) : 1 / (1 + Math.exp(f));
                double q = 1 - p;
                double d2 = p * q;
                h11 += x[i] * x[i] * d2;
                h22 += d2;
                h21 += x[i] * d2;
                double d1 = t[i] - p;
                g1 += x[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-9 && Math.abs(g2) < 1e-9) return new Calibration.Platt(-a, -b, fittedOn);
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * dA;
                double nb = b + step * dB;
                double nf = objective(x, t, na, nb);
                if (nf < fval + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) break; // line search failed: take the current point if it is stationary enough
        }
        return new Calibration.Platt(-a, -b, fittedOn);
    }

    /** Negative log-likelihood of targets {@code t} under {@code p = 1/(1+exp(a·x+b))}, computed without overflow. */
    static double objective(double[] x, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double f = x[i] * a + b;
            sum += f >= 0 ? t[i] * f + Math.log1p(Math.exp(-f)) : (t[i] - 1) * f + Math.log1p(Math.exp(f));
        }
        return sum;
    }

    private static void checkClasses(List<LabelledScore> data) {
        boolean pos = false, neg = false;
        for (LabelledScore s : data) {
            pos |= s.synthetic();
            neg |= !s.synthetic();
        }
        if (!pos || !neg)
            throw new IllegalArgumentException("the labelled set needs both synthetic and authentic items (it has "
                    + (pos ? "no authentic" : "no synthetic") + " item)");
    }
}
