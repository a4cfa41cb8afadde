package org.pramaan.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pramaan.errors.Invalid;

/**
 * Fitting and evaluating calibrations (issue 16) against plain reference implementations and known answers: PAV
 * against a textbook example and against brute-force least squares over monotone step functions; Platt against a grid
 * search of the same likelihood; AUC by ranks against the O(n²) pairwise definition; ECE on a hand-built set.
 */
class CalibrationFitTest {
    static LabelledScore s(double raw, boolean syn) {
        return new LabelledScore("x", raw, syn, Optional.empty());
    }

    @Test
    void pavPoolsViolatorsAsTheTextbookExample() {
        // Labels along increasing scores 0 1 0 1 1 0 1: {1,0} pool to .5; then 1 1 0 violates, {1,0} pools to .5, which
        // the 1 before it violates, so {1,1,0} pools to 2/3; the last 1 stays.
        boolean[] y = {false, true, false, true, true, false, true};
        List<LabelledScore> data = new ArrayList<>();
        for (int i = 0; i < y.length; i++) data.add(s(i, y[i]));
        Calibration.Isotonic iso = CalibrationFit.isotonic(data, "t");
        double[] fitted = new double[y.length];
        for (int i = 0; i < y.length; i++) fitted[i] = iso.apply(i);
        assertThat(fitted).containsExactly(new double[] {0, 0.5, 0.5, 2 / 3.0, 2 / 3.0, 2 / 3.0, 1}, within(1e-12));
    }

    @Test
    void pavEqualsTheBestMonotoneFitFoundByBruteForce() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + r.nextInt(7);
            List<LabelledScore> data = new ArrayList<>();
            boolean both = false;
            for (int i = 0; i < n; i++) data.add(s(r.nextInt(5), r.nextBoolean()));
            long syn = data.stream().filter(LabelledScore::synthetic).count();
            both = syn > 0
                    && syn < n
                    && data.stream().mapToDouble(LabelledScore::raw).distinct().count() > 1;
            if (!both) continue;
            Calibration.Isotonic iso = CalibrationFit.isotonic(data, "t");
            assertThat(sse(data, iso::apply)).isCloseTo(bruteForceSse(data), within(1e-9));
            // Monotone in the score.
            for (double x = -1; x < 6; x += 0.25)
                assertThat(iso.apply(x + 0.25)).isGreaterThanOrEqualTo(iso.apply(x));
        }
    }

    /** The least squared error of any non-decreasing function of the score, by trying every value on a fine grid. */
    static double bruteForceSse(List<LabelledScore> data) {
        double[] xs = data.stream()
                .mapToDouble(LabelledScore::raw)
                .distinct()
                .sorted()
                .toArray();
        // Every value a least-squares block can take: its mean, some k/m with m no larger than the set.
        java.util.TreeSet<Double> values = new java.util.TreeSet<>();
        for (int m = 1; m <= data.size(); m++) for (int k = 0; k <= m; k++) values.add(k / (double) m);
        double[] grid = values.stream().mapToDouble(Double::doubleValue).toArray();
        // Dynamic programme over distinct scores: best[k][g] = least error of the first k scores ending at grid g.
        double[] best = new double[grid.length];
        for (int k = 0; k < xs.length; k++) {
            double[] next = new double[grid.length];
            double runMin = Double.POSITIVE_INFINITY;
            for (int g = 0; g < grid.length; g++) {
                runMin = Math.min(runMin, best[g]);
                double err = 0;
                for (LabelledScore d : data)
                    if (d.raw() == xs[k]) err += Math.pow((d.synthetic() ? 1 : 0) - grid[g], 2);
                next[g] = runMin + err;
            }
            best = next;
        }
        double m = Double.POSITIVE_INFINITY;
        for (double b : best) m = Math.min(m, b);
        return m;
    }

    static double sse(List<LabelledScore> data, java.util.function.DoubleUnaryOperator f) {
        double e = 0;
        for (LabelledScore d : data) e += Math.pow((d.synthetic() ? 1 : 0) - f.applyAsDouble(d.raw()), 2);
        return e;
    }

    @Test
    void plattMaximisesTheSmoothedLikelihoodAsAGridSearchDoes() {
        Random r = new Random(11);
        List<LabelledScore> data = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            boolean syn = r.nextBoolean();
            data.add(s((syn ? 1.2 : -0.8) + r.nextGaussian(), syn));
        }
        Calibration.Platt p = CalibrationFit.platt(data, "t");
        long pos = data.stream().filter(LabelledScore::synthetic).count();
        double hi = (pos + 1.0) / (pos + 2.0), lo = 1.0 / (data.size() - pos + 2.0);
        double[] x = data.stream().mapToDouble(LabelledScore::raw).toArray();
        double[] t = data.stream().mapToDouble(d -> d.synthetic() ? hi : lo).toArray();
        double fitted = CalibrationFit.objective(x, t, -p.a(), -p.b());
        double best = Double.POSITIVE_INFINITY;
        double ba = 0, bb = 0;
        for (double a = -4; a <= 4; a += 0.01)
            for (double b = -4; b <= 4; b += 0.05) {
                double v = CalibrationFit.objective(x, t, -a, -b);
                if (v < best) {
                    best = v;
                    ba = a;
                    bb = b;
                }
            }
        assertThat(fitted).isLessThanOrEqualTo(best + 1e-9);
        assertThat(p.a()).isCloseTo(ba, within(0.02));
        assertThat(p.b()).isCloseTo(bb, within(0.06));
        assertThat(p.a()).as("higher raw scores mean synthetic").isPositive();
    }

    @Test
    void plattStaysFiniteWhenTheClassesSeparate() {
        List<LabelledScore> data = List.of(s(-2, false), s(-1, false), s(1, true), s(2, true));
        Calibration.Platt p = CalibrationFit.platt(data, "t");
        assertThat(p.apply(2)).isLessThan(1).isGreaterThan(0.5);
        assertThat(p.apply(-2)).isGreaterThan(0).isLessThan(0.5);
    }

    @Test
    void aucByRanksEqualsThePairwiseDefinitionWithTies() {
        Random r = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            int n = 2 + r.nextInt(40);
            double[] p = new double[n];
            boolean[] y = new boolean[n];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                p[i] = r.nextInt(6) / 5.0; // many ties
                y[i] = r.nextBoolean();
                if (y[i]) pos++;
            }
            if (pos == 0 || pos == n) continue;
            double pairs = 0, wins = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    if (y[i] && !y[j]) {
                        pairs++;
                        wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                    }
            assertThat(Evaluation.auc(p, y)).isCloseTo(wins / pairs, within(1e-12));
        }
    }

    @Test
    void eceAndPrecisionRecallOnAHandBuiltSet() {
        // Identity calibration (isotonic table 0->0, 1->1): ten items at 0.05 (one synthetic), ten at 0.95 (nine).
        Calibration identity =
                new Calibration.Isotonic(List.of(new Calibration.Point(0, 0), new Calibration.Point(1, 1)), "t");
        List<LabelledScore> data = new ArrayList<>();
        for (int i = 0; i < 10; i++) data.add(s(0.05, i == 0));
        for (int i = 0; i < 10; i++) data.add(s(0.95, i != 0));
        Evaluation e = Evaluation.of(data, identity, 0.5);
        // Bin 0: mean 0.05 vs share 0.1; bin 9: mean 0.95 vs share 0.9 -> ECE = (10·0.05 + 10·0.05)/20 = 0.05.
        assertThat(e.ece()).isCloseTo(0.05, within(1e-12));
        assertThat(e.precision()).isCloseTo(0.9, within(1e-12));
        assertThat(e.recall()).isCloseTo(0.9, within(1e-12));
        assertThat(e.auc()).isCloseTo((9 * 9 + 0.5 * (9 * 1 + 1 * 9) + 1 * 1 * 0.0) / 100.0 + 0.0, within(1e-12));
        assertThat(e.roc().get(0).fpr()).isZero();
        assertThat(e.roc().get(e.roc().size() - 1).tpr()).isEqualTo(1.0);
    }

    @Test
    void theCsvIsReadWithEveryRefusalNamingLineAndColumn() throws Exception {
        String ok = "id,score,label,family\na.jpg,0.9,synthetic,sdxl\n\"b,c.jpg\",-1.5e-1,authentic,\nd,0.2,1,\n";
        List<LabelledScore> read = LabelledCsv.read(new BufferedReader(new StringReader(ok)), 10);
        assertThat(read).hasSize(3);
        assertThat(read.get(0).family()).contains("sdxl");
        assertThat(read.get(1).id()).isEqualTo("b,c.jpg");
        assertThat(read.get(1).raw()).isEqualTo(-0.15);
        assertThat(read.get(2).synthetic()).isTrue();
        assertThat(refusal("score,label\nNaN,synthetic\n")).contains("line 2, column score");
        assertThat(refusal("score,label\n0x1p3,synthetic\n")).contains("line 2, column score");
        assertThat(refusal("score,label\n0.5,fake\n")).contains("line 2, column label");
        assertThat(refusal("score,label\n0.5,synthetic,extra\n")).contains("line 2 has 3 fields");
        assertThat(refusal("id,label\n")).contains("score and label");
        assertThat(refusal("score,label\n" + "0.5,synthetic\n".repeat(11))).contains("more than 10 items");
        assertThat(refusal("score,label\n" + "9".repeat(5000) + ",synthetic\n")).contains("line 2 is longer");
        assertThatThrownBy(() -> CalibrationFit.isotonic(List.of(s(1, true), s(2, true)), "t"))
                .hasMessageContaining("no authentic");
        // What export-labels writes, calibrate reads back.
        String line = LabelledCsv.line("x,\"y\"", 0.25, false, Optional.of("gan"));
        assertThat(LabelledCsv.read(new BufferedReader(new StringReader(LabelledCsv.HEADER + "\n" + line + "\n")), 1))
                .singleElement()
                .isEqualTo(new LabelledScore("x,\"y\"", 0.25, false, Optional.of("gan")));
    }

    static String refusal(String csv) {
        try {
            LabelledCsv.read(new BufferedReader(new StringReader(csv)), 10);
        } catch (Invalid e) {
            return e.getMessage();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted " + csv);
    }
}
