package org.pramaan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.intake.UploadContext;

/**
 * Notice intake on the embedded store, one thread, in a scratch data directory (never the
 * user's): notices/s and latency percentiles of openCase (validation, case write, audit append),
 * then how long one clock check over all those open cases takes, which bounds how late an
 * escalation can fire (check interval + check time). Moved out of pramaan-app (issue 12 item 6); it
 * reaches the store through {@link CliRuntime#scratch}, the same embedded adapters as before. In the
 * CLI's package, beside the other bench commands, so that pramaan-bench's own packages never point
 * back at the CLI (no package cycle between org.pramaan.cli and org.pramaan.bench).
 */
final class NoticeBenchmark {
    private NoticeBenchmark() {}

    static Map<String, Object> run(CliRuntime runtime, int count) throws IOException {
        try {
            return measure(runtime, count);
        } catch (org.pramaan.media.MediaRejectedException e) {
            throw new IllegalStateException("the benchmark's own sample image was refused: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> measure(CliRuntime runtime, int count)
            throws IOException, org.pramaan.media.MediaRejectedException {
        Path dir = Files.createTempDirectory("pramaan-bench-notices");
        try (CliRuntime app = runtime.scratch(dir)) {
            Path img = Files.write(dir.resolve("img.png"), Files.readAllBytes(sample()));
            String media =
                    app.intake().ingest(img, UploadContext.none()).media().id();
            List<String> types =
                    List.of("IN_3_2_B_COMPLAINT", "IN_3_1_D_ORDER", "IN_3_2_A_GRIEVANCE", "IN_3_1_B_REMOVAL_REQUEST");
            for (int i = 0; i < Math.min(500, count); i++)
                app.cases()
                        .openCase(new NoticeRequest(types.get(i % 4), media, Map.of("n", "warm-up"), Optional.empty()));
            long[] nanos = new long[count];
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                app.cases()
                        .openCase(new NoticeRequest(
                                types.get(i % 4), media, Map.of("n", Integer.toString(i)), Optional.empty()));
                nanos[i] = System.nanoTime() - t;
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long t = System.nanoTime();
            int fired = app.cases().checkClocks().size();
            double checkMs = (System.nanoTime() - t) / 1e6;
            Arrays.sort(nanos);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("notices", count);
            r.put("notices/s", count / wall);
            r.put("p50 ms", nanos[count / 2] / 1e6);
            r.put("p99 ms", nanos[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6);
            r.put("max ms", nanos[count - 1] / 1e6);
            r.put("open cases", app.cases().open().size());
            r.put("clock check ms", checkMs);
            r.put("events fired", fired);
            r.putAll(underLoad(app, media, count));
            return r;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Intake again while a checker thread runs as the server's does (every 0.5 s): every tenth
     * notice is an IN r.3(2)(b) complaint received 59 min 59 s earlier, so its 50 % escalation falls
     * due one second after it is entered, in the middle of the load. Lag = firing time - due time.
     */
    private static Map<String, Object> underLoad(CliRuntime app, String media, int count) {
        java.util.concurrent.ScheduledExecutorService checker =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        List<Long> lagsMs = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.ScheduledFuture<?> checking = checker.scheduleWithFixedDelay(
                () -> {
                    for (org.pramaan.cases.CaseEvent e : app.cases().checkClocks()) {
                        if (e instanceof org.pramaan.cases.CaseEvent.Escalated)
                            lagsMs.add(java.time.Duration.between(
                                            java.time.Instant.parse(e.details().get("dueAt")), e.at())
                                    .toMillis());
                    }
                },
                0,
                500,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        int backdated = 0;
        long[] nanos = new long[count];
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                boolean soon = i % 10 == 0;
                Optional<java.time.Instant> received =
                        soon ? Optional.of(app.clock().instant().minusSeconds(3599)) : Optional.empty();
                long t = System.nanoTime();
                app.cases()
                        .openCase(new NoticeRequest(
                                soon ? "IN_3_2_B_COMPLAINT" : "IN_3_1_B_REMOVAL_REQUEST",
                                media,
                                Map.of("n", Integer.toString(i)),
                                received));
                nanos[i] = System.nanoTime() - t;
                if (soon) backdated++;
            }
            double wall = (System.nanoTime() - start) / 1e9;
            long until = System.nanoTime() + 5_000_000_000L;
            while (lagsMs.size() < backdated && System.nanoTime() < until && !checking.isDone()) Thread.onSpinWait();
            // A periodic task ends only by throwing: then the lag figures would be missing escalations for no stated
            // reason.
            if (checking.isDone()) {
                try {
                    checking.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(
                            "the clock checker failed during the load: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            Arrays.sort(nanos);
            List<Long> lags = new java.util.ArrayList<>(lagsMs);
            java.util.Collections.sort(lags);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("under load: notices/s", count / wall);
            r.put("under load: p99 ms", nanos[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6);
            r.put("escalations due during load", backdated);
            r.put("escalations fired", lags.size());
            r.put("escalation lag p50 ms", lags.isEmpty() ? -1 : lags.get(lags.size() / 2));
            r.put(
                    "escalation lag p99 ms",
                    lags.isEmpty() ? -1 : lags.get(Math.min(lags.size() - 1, (int) Math.ceil(lags.size() * 0.99) - 1)));
            r.put("escalation lag max ms", lags.isEmpty() ? -1 : lags.get(lags.size() - 1));
            return r;
        } finally {
            checker.shutdownNow();
        }
    }

    /** A small PNG made on the spot, so the benchmark needs no input files. */
    private static Path sample() throws IOException {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 64; x++) img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | ((x ^ y) * 4));
        Path p = Files.createTempFile("pramaan-bench", ".png");
        javax.imageio.ImageIO.write(img, "png", p.toFile());
        p.toFile().deleteOnExit();
        return p;
    }
}
