package org.pramaan.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How well a calibrated detector does on an operator's labelled set (issue 16, {@code pramaan detect evaluate}):
 * ROC AUC (the Mann-Whitney statistic, ties counted half), precision and recall at the manifest's operating point,
 * expected calibration error over equal-width bins (Guo et al. 2017: the count-weighted mean gap between each bin's
 * mean probability and its share of synthetic items), the reliability bins and the ROC curve behind the plots.
 *
 * @param operatingPoint calibrated probability at or above which an item counts as flagged
 * @param precision      flagged items that are synthetic; NaN when nothing is flagged
 * @param recall         synthetic items flagged
 */
public record Evaluation(
        int items,
        int synthetic,
        double auc,
        double operatingPoint,
        double precision,
        double recall,
        double ece,
        List<Bin> reliability,
        List<RocPoint> roc) {
    /** Equal-width bins of calibrated probability for the ECE and the reliability diagram. */
    public static final int BINS = 10;

    /** One reliability bin: {@code [from, to)} (the last closed), its count, mean probability and synthetic share. */
    public record Bin(double from, double to, int count, double meanProbability, double syntheticShare) {}

    /** One point of the ROC curve: false and true positive rates at a threshold on calibrated probability. */
    public record RocPoint(double threshold, double fpr, double tpr) {}

    public Evaluation {
        reliability = List.copyOf(reliability);
        roc = List.copyOf(roc);
    }

    /**
     * Evaluates {@code calibration} on {@code data}.
     *
     * @throws IllegalArgumentException when a class is missing (AUC is undefined)
     */
    public static Evaluation of(List<LabelledScore> data, Calibration calibration, double operatingPoint) {
        Objects.requireNonNull(calibration, "calibration");
        int n = data.size();
        double[] p = new double[n];
        boolean[] y = new boolean[n];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            p[i] = calibration.apply(data.get(i).raw());
            y[i] = data.get(i).synthetic();
            if (y[i]) pos++;
        }
        if (pos == 0 || pos == n)
            throw new IllegalArgumentException("evaluation needs both synthetic and authentic items");
        int flagged = 0, hits = 0;
        for (int i = 0; i < n; i++)
            if (p[i] >= operatingPoint) {
                flagged++;
                if (y[i]) hits++;
            }
        return new Evaluation(
                n,
                pos,
                auc(p, y),
                operatingPoint,
                flagged == 0 ? Double.NaN : hits / (double) flagged,
                hits / (double) pos,
                ece(p, y),
                bins(p, y),
                roc(p, y, pos));
    }

    /** AUC by ranks: sort once, give tied scores their mean rank, then the Mann-Whitney U of the positives. */
    static double auc(double[] p, boolean[] y) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double rankSum = 0;
        long pos = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && p[order[j + 1]] == p[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1; // mean of ranks i+1..j+1
            for (int k = i; k <= j; k++)
                if (y[order[k]]) {
                    rankSum += rank;
                    pos++;
                }
            i = j + 1;
        }
        long neg = n - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private static int bin(double p) {
        return Math.min(BINS - 1, (int) Math.floor(p * BINS));
    }

    static double ece(double[] p, boolean[] y) {
        double sum = 0;
        for (Bin b : bins(p, y))
            if (b.count() > 0) sum += b.count() * Math.abs(b.meanProbability() - b.syntheticShare());
        return sum / p.length;
    }

    static List<Bin> bins(double[] p, boolean[] y) {
        int[] count = new int[BINS];
        double[] sumP = new double[BINS];
        int[] syn = new int[BINS];
        for (int i = 0; i < p.length; i++) {
            int b = bin(p[i]);
            count[b]++;
            sumP[b] += p[i];
            if (y[i]) syn[b]++;
        }
        List<Bin> out = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++)
            out.add(new Bin(
                    b / (double) BINS,
                    (b + 1) / (double) BINS,
                    count[b],
                    count[b] == 0 ? 0 : sumP[b] / count[b],
                    count[b] == 0 ? 0 : syn[b] / (double) count[b]));
        return out;
    }

    /** The ROC curve from (0,0) to (1,1), one point per distinct probability, highest threshold first. */
    static List<RocPoint> roc(double[] p, boolean[] y, int pos) {
        int n = p.length;
        int neg = n - pos;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(
                order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        List<RocPoint> out = new ArrayList<>();
        out.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        int tp = 0, fp = 0;
        for (int i = 0; i < n; ) {
            double th = p[order[i]];
            while (i < n && p[order[i]] == th) {
                if (y[order[i]]) tp++;
                else fp++;
                i++;
            }
            out.add(new RocPoint(th, fp / (double) neg, tp / (double) pos));
        }
        return out;
    }
}
