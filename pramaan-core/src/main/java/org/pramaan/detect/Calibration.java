package org.pramaan.detect;

import java.util.List;
import java.util.Objects;

/**
 * Turns a model's raw output into a probability that the item is synthetic, fitted by the operator
 * on their own labelled data (a model's own benchmark says little about the operator's traffic;
 * ../shared/docs/detection.md, "Calibration"). Platt scaling suits small label sets; isotonic
 * regression needs about a thousand labels.
 */
public sealed interface Calibration {
    /** The calibrated probability for a raw output, 0..1. */
    double apply(double raw);

    /** {@code platt} or {@code isotonic}, as in the manifest. */
    String method();

    /** The labelled set it was fitted on, as the operator names it (for the audit trail). */
    String fittedOn();

    /** Platt scaling: {@code p = 1 / (1 + exp(-(a·raw + b)))} (Platt 1999, written with the sign inside). */
    record Platt(double a, double b, String fittedOn) implements Calibration {
        public Platt {
            if (!Double.isFinite(a) || !Double.isFinite(b))
                throw new IllegalArgumentException("Platt a and b are finite numbers: " + a + ", " + b);
            Objects.requireNonNull(fittedOn, "fittedOn");
        }

        @Override
        public double apply(double raw) {
            double z = a * raw + b;
            // Both branches stay finite for any finite z (no exp overflow).
            return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        }

        @Override
        public String method() {
            return "platt";
        }
    }

    /** A point of an isotonic table: raw output {@code x} maps to probability {@code p}. */
    record Point(double x, double p) {
        public Point {
            if (!Double.isFinite(x)) throw new IllegalArgumentException("a calibration point's x is finite: " + x);
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("a calibration point's p lies in 0..1: " + p);
        }
    }

    /**
     * Isotonic regression as a table: strictly increasing {@code x}, non-decreasing {@code p};
     * linear between points, flat beyond the ends (no extrapolation past the labelled range).
     */
    record Isotonic(List<Point> points, String fittedOn) implements Calibration {
        public Isotonic {
            points = List.copyOf(points);
            Objects.requireNonNull(fittedOn, "fittedOn");
            if (points.size() < 2) throw new IllegalArgumentException("an isotonic table has at least 2 points");
            for (int i = 1; i < points.size(); i++) {
                if (!(points.get(i).x() > points.get(i - 1).x()))
                    throw new IllegalArgumentException("isotonic x values rise strictly: point " + i + " has x="
                            + points.get(i).x() + " after " + points.get(i - 1).x());
                if (points.get(i).p() < points.get(i - 1).p())
                    throw new IllegalArgumentException("isotonic p values never fall: point " + i + " has p="
                            + points.get(i).p() + " after " + points.get(i - 1).p());
            }
        }

        @Override
        public double apply(double raw) {
            if (raw <= points.get(0).x()) return points.get(0).p();
            int last = points.size() - 1;
            if (raw >= points.get(last).x()) return points.get(last).p();
            int lo = 0;
            int hi = last;
            while (hi - lo > 1) { // binary search: tables may hold thousands of points
                int mid = (lo + hi) >>> 1;
                if (points.get(mid).x() <= raw) lo = mid;
                else hi = mid;
            }
            Point a = points.get(lo);
            Point b = points.get(hi);
            return a.p() + (b.p() - a.p()) * (raw - a.x()) / (b.x() - a.x());
        }

        @Override
        public String method() {
            return "isotonic";
        }
    }
}
