package org.pramaan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.pramaan.access.Actor;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.intake.UploadContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The console's queue (issue 13) over many open cases on a scratch embedded store: the API's
 * queue ({@code CaseService.queue}, every open case) and the in-memory console queue
 * ({@link CaseQueue#open}, the reference) against one page from the store ({@link CaseQueue#page}),
 * p50/p95 per call. The console's target is the queue page in 150 ms at
 * p95 with 10,000 open cases; this measures the data part of it.
 */
@Command(name = "queue", description = "Queue reads with filters over many open cases: p50/p95 ms per call.")
final class BenchQueueCommand implements Callable<Integer>, PramaanCli.RuntimeAware {
    @Option(names = "--cases", defaultValue = "10000", description = "open cases")
    int cases;

    @Option(names = "--rounds", defaultValue = "40", description = "timed calls per variant (after 5 warm-up)")
    int rounds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final PramaanCli.LazyRuntime runtime;

    BenchQueueCommand(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws Exception {
        if (cases < 1 || rounds < 1) throw new IllegalArgumentException("--cases and --rounds must be at least 1");
        Path dir = Files.createTempDirectory("pramaan-bench-queue");
        PrintWriter out = spec.commandLine().getOut();
        try (CliRuntime app = runtime.get().scratch(dir)) {
            openCases(app, dir, cases);
            CaseQueue queue = new CaseQueue(app.cases());
            Actor me = Actor.operator("bench");
            CaseQueue.Filter filtered = new CaseQueue.Filter(
                    Optional.of("IN"),
                    Optional.of("IN_3_2_B_COMPLAINT"),
                    Optional.empty(),
                    Optional.of(new CaseQueue.Assignment.Unassigned()),
                    Optional.empty());
            out.printf("machine: %s%n", BenchCommand.machine());
            out.printf("open cases: %d, rounds: %d%n", cases, rounds);
            out.printf("%-40s %10s %10s %8s%n", "variant", "p50 ms", "p95 ms", "rows");
            row(
                    out,
                    "API queue, every open case",
                    () -> app.cases().queue(Optional.empty(), Optional.empty()).size());
            row(
                    out,
                    "console queue, no filter",
                    () -> queue.open(CaseQueue.Filter.ALL, me).size());
            // The queue page's read since issue 13's speed work: one page of 100 from the store's index, with the
            // count; the rows above are the in-memory path it replaced (and is tested against), in the same run.
            row(
                    out,
                    "console page 1 (store), no filter",
                    () -> queue.page(CaseQueue.Filter.ALL, me, 0, 100).cases().size());
            int last = Math.max(0, (cases - 1) / 100 * 100);
            row(
                    out,
                    "console last page (store), no filter",
                    () -> queue.page(CaseQueue.Filter.ALL, me, last, 100)
                            .cases()
                            .size());
            row(
                    out,
                    "console queue, IN+type+unassigned",
                    () -> queue.open(filtered, me).size());
            row(
                    out,
                    "console page 1 (store), IN+type+unassigned",
                    () -> queue.page(filtered, me, 0, 100).cases().size());
            row(out, "appeals queue", () -> queue.appeals().size());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private void row(PrintWriter out, String name, Supplier<Integer> call) {
        int n = 0;
        for (int i = 0; i < 5; i++) n = call.get();
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            n = call.get();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        out.printf(
                "%-40s %10.2f %10.2f %8d%n",
                name,
                nanos[rounds / 2] / 1e6,
                nanos[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.95) - 1)] / 1e6,
                n);
    }

    /**
     * Fills a scratch store with {@code cases} open cases of four IT Rules 2021 notice types (r.3(1)(b), 3(1)(d),
     * 3(2)(a), 3(2)(b)) about one small upload: deadlines from hours to days, so queue ordering and deadline buckets
     * see a real spread. Shared by {@code bench queue} and {@code bench console}.
     *
     * @return the case ids, in the order opened
     */
    static List<String> openCases(CliRuntime app, Path dir, int cases) throws Exception {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8);
        Path png = dir.resolve("img.png");
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        String media = app.intake().ingest(png, UploadContext.none()).media().id();
        List<String> types =
                List.of("IN_3_2_B_COMPLAINT", "IN_3_1_D_ORDER", "IN_3_2_A_GRIEVANCE", "IN_3_1_B_REMOVAL_REQUEST");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < cases; i++)
            ids.add(app.cases()
                    .openCase(new NoticeRequest(
                            types.get(i % types.size()), media, Map.of("n", Integer.toString(i)), Optional.empty()))
                    .id());
        return ids;
    }
}
