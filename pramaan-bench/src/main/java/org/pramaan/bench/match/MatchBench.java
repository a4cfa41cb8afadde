package org.pramaan.bench.match;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.pramaan.hash.internal.Hits;
import org.pramaan.hash.internal.MainSegment;
import org.pramaan.hash.internal.MihIndex;
import org.pramaan.hash.internal.SnapshotFile;

/**
 * The {@code pramaan bench match} driver: builds an index of N random PDQ-like hashes, times a
 * snapshot round trip, then runs realistic queries (half near-duplicates of stored hashes with
 * 0..radius bits flipped, half random hashes) over several threads, and checks the answers of a
 * sample against the batched brute force, whose speed is the baseline.
 */
public final class MatchBench {
    /**
     * @param buildThreads threads the index build uses
     * @param sequentialBuild also time a one-thread build of the same hashes first, as the
     *     reference the parallel build is compared with in the same run (issue 18)
     */
    public record Options(
            int hashes,
            int queries,
            int threads,
            int radius,
            int sample,
            long seed,
            Path dir,
            int buildThreads,
            boolean sequentialBuild) {}

    /** The printed table and the figures an extrapolation to a larger N starts from. */
    public record Result(
            int hashes,
            int threads,
            Map<String, String> table,
            double cpuMicrosPerQuery,
            double bytesPerHash,
            double bruteForceQueriesPerSecond) {}

    private MatchBench() {}

    public static Result run(Options o) throws IOException, InterruptedException {
        if (o.hashes() < 1 || o.queries() < 1 || o.threads() < 1 || o.sample() < 1)
            throw new IllegalArgumentException("hashes, queries, threads and sample must be at least 1");
        if (o.radius() < 0 || o.radius() > 256)
            throw new IllegalArgumentException("radius must be 0..256, got " + o.radius());
        Map<String, String> r = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(o.seed());
        long heap0 = usedHeap();
        long[] words = new long[o.hashes() * 4];
        for (int i = 0; i < words.length; i++) words[i] = rnd.nextLong();
        long[] ids = new long[o.hashes()];
        Arrays.setAll(ids, i -> i);
        if (o.buildThreads() < 1) throw new IllegalArgumentException("build threads must be at least 1");
        String sequential = "";
        if (o.sequentialBuild()) {
            long c1 = processCpuNanos(), t1 = System.nanoTime();
            MainSegment reference = MainSegment.build(words, ids, o.hashes(), MihIndex.DEFAULT_MIN_CAP, 1);
            sequential = String.format(
                    " (1 thread: %.2f, CPU %.2f)", (System.nanoTime() - t1) / 1e9, (processCpuNanos() - c1) / 1e9);
            if (reference.size() != o.hashes()) throw new IllegalStateException("the reference build lost hashes");
        }
        long cpu0 = processCpuNanos();
        long t = System.nanoTime();
        MainSegment built = MainSegment.build(words, ids, o.hashes(), MihIndex.DEFAULT_MIN_CAP, o.buildThreads());
        double buildS = (System.nanoTime() - t) / 1e9;
        // CPU seconds of the whole process over the build: on a shared machine the wall time
        // includes waiting for a core, the CPU time does not (JIT and GC threads are included).
        double buildCpuS = (processCpuNanos() - cpu0) / 1e9;
        words = null;
        ids = null;
        long heapBytes = usedHeap() - heap0;
        r.put("hashes", String.format("%,d", o.hashes()));
        r.put("radius", Integer.toString(o.radius()));
        r.put("build s", String.format("%.2f on %d threads%s", buildS, o.buildThreads(), sequential));
        r.put("build CPU s", String.format("%.2f", buildCpuS));
        Path file = Files.createTempFile(o.dir(), "pdq-bench-", ".snapshot");
        try {
            t = System.nanoTime();
            SnapshotFile.write(file, built);
            r.put("snapshot write s", String.format("%.2f", (System.nanoTime() - t) / 1e9));
            r.put("snapshot MB", String.format("%.0f", Files.size(file) / 1e6));
            built = null;
            t = System.nanoTime();
            MainSegment loaded = SnapshotFile.read(file);
            r.put("snapshot load s", String.format("%.2f (page cache warm)", (System.nanoTime() - t) / 1e9));
            return measure(o, loaded, rnd, heapBytes, r);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Result measure(
            Options o, MainSegment main, SplittableRandom rnd, long heapBytes, Map<String, String> r)
            throws InterruptedException {
        MihIndex index = new MihIndex(main, Runnable::run, Integer.MAX_VALUE, MihIndex.DEFAULT_MIN_CAP);
        r.put("bytes/hash (arrays)", String.format("%.1f", main.memoryBytes() / (double) o.hashes()));
        r.put("bytes/hash (heap)", String.format("%.1f", heapBytes / (double) o.hashes()));
        r.put("overflow entries", Integer.toString(main.overflow()));
        long[] queries = queries(o, main, rnd);
        Hits warm = new Hits();
        for (int i = 0; i < Math.min(o.queries(), 20_000); i++) {
            warm.clear();
            index.search(Arrays.copyOfRange(queries, i * 4, i * 4 + 4), o.radius(), warm);
        }
        long[] latency = new long[o.queries()];
        long[] found = new long[o.threads()];
        long[] cpu = new long[o.threads()];
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double wall = parallel(o.threads(), th -> {
            long c0 = mx.getCurrentThreadCpuTime();
            Hits hits = new Hits();
            long[] q = new long[4];
            for (int i = th; i < o.queries(); i += o.threads()) {
                System.arraycopy(queries, i * 4, q, 0, 4);
                hits.clear();
                long s = System.nanoTime();
                index.search(q, o.radius(), hits);
                latency[i] = System.nanoTime() - s;
                found[th] += hits.size();
            }
            cpu[th] = mx.getCurrentThreadCpuTime() - c0;
        });
        Arrays.sort(latency);
        r.put("queries", String.format("%,d (half near-duplicates, half random)", o.queries()));
        r.put("threads", Integer.toString(o.threads()));
        r.put("queries/s", String.format("%,.0f", o.queries() / wall));
        double cpuPerQuery = Arrays.stream(cpu).sum() / (double) o.queries();
        r.put(
                "CPU µs/query",
                String.format(
                        "%.1f (so %,.0f queries/s on %d uncontended cores)",
                        cpuPerQuery / 1e3, o.threads() * 1e9 / cpuPerQuery, o.threads()));
        r.put("p50 ms", String.format("%.3f", latency[latency.length / 2] / 1e6));
        r.put(
                "p99 ms",
                String.format(
                        "%.3f", latency[(int) Math.min(latency.length - 1, Math.round(latency.length * 0.99))] / 1e6));
        r.put("max ms", String.format("%.3f", latency[latency.length - 1] / 1e6));
        r.put("hits", String.format("%,d", Arrays.stream(found).sum()));
        double bruteQps = recallAndBaseline(o, index, main, queries, r);
        r.put("add then search", addThenSearch(index, rnd, o.radius()));
        return new Result(
                o.hashes(), o.threads(), r, cpuPerQuery / 1e3, main.memoryBytes() / (double) o.hashes(), bruteQps);
    }

    /**
     * Figures for {@code target} hashes from measured runs, not measured: CPU per query fitted as
     * fixed + per-hash cost through the two largest runs (the probes are fixed, the bucket entries
     * scanned grow with N), brute force scaled as 1/N from the largest, and bytes per hash from the
     * largest's per-hash arrays with the fixed table offsets spread over {@code target}, plus 7 when
     * {@code target} needs 4-byte postings (above 2^24 entries in one segment; 7 tables hold positions).
     */
    public static Map<String, String> extrapolate(java.util.List<Result> runs, long target) {
        if (runs.isEmpty()) throw new IllegalArgumentException("nothing measured to extrapolate from");
        java.util.List<Result> byN = runs.stream()
                .sorted(java.util.Comparator.comparingInt(Result::hashes))
                .toList();
        Result big = byN.get(byN.size() - 1);
        double cpu =
                big.cpuMicrosPerQuery() * target / big.hashes(); // one run: all cost taken as per-hash (pessimistic)
        String fit = "proportional to N from one run";
        if (byN.size() > 1) {
            Result small = byN.get(byN.size() - 2);
            double perHash = (big.cpuMicrosPerQuery() - small.cpuMicrosPerQuery()) / (big.hashes() - small.hashes());
            if (perHash > 0) {
                cpu = big.cpuMicrosPerQuery() + perHash * (target - big.hashes());
                fit = String.format("fixed + per-hash through %,d and %,d", small.hashes(), big.hashes());
            }
        }
        long offsets = MainSegment.OFFSET_TABLE_BYTES; // fixed, whatever N
        double arraysPerHash = (big.bytesPerHash() * big.hashes() - offsets) / big.hashes();
        double bytes =
                arraysPerHash + offsets / (double) target + (target > 1 << 24 && big.hashes() <= 1 << 24 ? 7 : 0);
        Map<String, String> r = new LinkedHashMap<>();
        r.put("hashes", String.format("%,d (extrapolated, not measured)", target));
        r.put("bytes/hash (arrays)", String.format("%.1f (%.1f GB)", bytes, bytes * target / 1e9));
        r.put(
                "CPU µs/query",
                String.format(
                        "%.0f (so %,.0f queries/s on %d uncontended cores; %s)",
                        cpu, big.threads() * 1e6 / cpu, big.threads(), fit));
        r.put(
                "brute force queries/s",
                String.format("%,.2f", big.bruteForceQueriesPerSecond() * big.hashes() / target));
        return r;
    }

    /** Query i: even i a stored hash with 0..radius random bits flipped (capped at 31), odd i a random hash. */
    private static long[] queries(Options o, MainSegment main, SplittableRandom rnd) {
        long[] q = new long[o.queries() * 4];
        for (int i = 0; i < o.queries(); i++) {
            if (i % 2 == 0) {
                main.copyHash(rnd.nextInt(main.size()), q, i * 4);
                int flips = rnd.nextInt(Math.min(o.radius(), 31) + 1);
                for (int f = 0; f < flips; f++) {
                    int b = rnd.nextInt(256);
                    q[i * 4 + (b >>> 6)] ^= 1L << (b & 63);
                }
            } else {
                for (int w = 0; w < 4; w++) q[i * 4 + w] = rnd.nextLong();
            }
        }
        return q;
    }

    private static double recallAndBaseline(
            Options o, MihIndex index, MainSegment main, long[] queries, Map<String, String> r)
            throws InterruptedException {
        int s = Math.min(o.sample(), o.queries());
        Hits[] brute = new Hits[s];
        Arrays.setAll(brute, i -> new Hits());
        int batch = 16;
        double wall = parallel(o.threads(), th -> {
            for (int b = th * batch; b < s; b += batch * o.threads()) {
                int e = Math.min(s, b + batch);
                main.bruteForce(Arrays.copyOfRange(queries, b * 4, e * 4), o.radius(), Arrays.copyOfRange(brute, b, e));
            }
        });
        long expected = 0, agreed = 0, extra = 0;
        for (int i = 0; i < s; i++) {
            Hits h = new Hits();
            index.search(Arrays.copyOfRange(queries, i * 4, i * 4 + 4), o.radius(), h);
            java.util.List<String> a = OracleView.of(h), b = OracleView.of(brute[i]);
            expected += b.size();
            for (String x : a)
                if (b.contains(x)) agreed++;
                else extra++;
        }
        r.put(
                "recall vs brute force",
                String.format(
                        "%.2f%% (%,d of %,d hits on %d queries; %d extra)",
                        expected == 0 ? 100.0 : 100.0 * agreed / expected, agreed, expected, s, extra));
        r.put(
                "brute force queries/s",
                String.format("%,.1f (batched %d per pass, %d threads)", s / wall, batch, o.threads()));
        return s / wall;
    }

    private static String addThenSearch(MihIndex index, SplittableRandom rnd, int radius) {
        long[] h = {rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong()};
        long t = System.nanoTime();
        index.add(-1, h);
        Hits hits = new Hits();
        index.search(h, radius, hits);
        double us = (System.nanoTime() - t) / 1e3;
        boolean seen = false;
        for (int i = 0; i < hits.size(); i++) seen |= hits.id(i) == -1;
        return String.format("%.0f µs, %s", us, seen ? "found" : "NOT FOUND");
    }

    private static double parallel(int threads, java.util.function.IntConsumer work) throws InterruptedException {
        Thread[] ts = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int th = i;
            ts[i] = new Thread(() -> work.accept(th), "bench-match-" + i);
        }
        long t = System.nanoTime();
        for (Thread x : ts) x.start();
        for (Thread x : ts) x.join();
        return (System.nanoTime() - t) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Sorted "id:distance" strings, for comparing two answers. */
    private static final class OracleView {
        static java.util.List<String> of(Hits h) {
            java.util.List<String> out = new java.util.ArrayList<>(h.size());
            for (int i = 0; i < h.size(); i++) out.add(h.id(i) + ":" + h.distance(i));
            return out;
        }
    }
}
