package org.pramaan.cli;

import java.io.PrintWriter;

/** A benchmark table's row: one warm-up run, then {@code rounds} timed runs, printed as mean and min seconds. */
final class TimedRows {
    /** One timed run; returns the count printed beside the times (frames, windows, signals …). */
    @FunctionalInterface
    interface Step {
        int run() throws Exception;
    }

    private TimedRows() {}

    static void row(PrintWriter out, int rounds, int nameWidth, String name, Step step) throws Exception {
        step.run(); // warm-up: class loading, JIT, decoders' and ONNX Runtime's first-run allocations
        double sum = 0;
        double min = Double.MAX_VALUE;
        int n = 0;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            n = step.run();
            double s = (System.nanoTime() - t) / 1e9;
            sum += s;
            min = Math.min(min, s);
        }
        out.printf("%-" + nameWidth + "s %-10.3f %-10.3f %-8d%n", name, sum / rounds, min, n);
    }
}
