package org.pramaan.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One target under the Jazzer standalone driver in a child JVM: seeds written to its corpus folder,
 * a small heap (so an allocation bomb is an OutOfMemoryError, a finding), a per-input timeout (a
 * hang is a finding), crash files and reproducers under {@code target/fuzz} only.
 */
final class JazzerRun {
    /** What libFuzzer reported at the end: executions, speed, edges covered, features, corpus size. */
    record Stats(
            String target,
            int exitCode,
            long executions,
            long execPerSecond,
            long coverage,
            long features,
            long corpus,
            long peakRssMb,
            double seconds,
            List<Path> crashes,
            Path log) {
        String row() {
            return String.join(
                    "\t",
                    target,
                    Long.toString(executions),
                    Long.toString(execPerSecond),
                    Long.toString(coverage),
                    Long.toString(features),
                    Long.toString(corpus),
                    Long.toString(peakRssMb),
                    String.format(java.util.Locale.ROOT, "%.1f", seconds),
                    Integer.toString(exitCode));
        }
    }

    private static final Pattern DONE = Pattern.compile("#(\\d+)\\s+DONE\\s+cov: (\\d+) ft: (\\d+) corp: (\\d+)/");
    private static final Pattern ANY = Pattern.compile("#(\\d+)\\s+\\w+\\s+cov: (\\d+) ft: (\\d+) corp: (\\d+)/");
    private static final Pattern UNITS = Pattern.compile("stat::number_of_executed_units: (\\d+)");
    private static final Pattern SPEED = Pattern.compile("stat::average_exec_per_sec:\\s+(\\d+)");
    private static final Pattern RSS = Pattern.compile("stat::peak_rss_mb:\\s+(\\d+)");

    private JazzerRun() {}

    static Stats run(FuzzTargets.Target t, Path work, long runs, long maxSeconds, String heap)
            throws IOException, InterruptedException {
        Path dir = work.resolve(t.name());
        Path corpus = dir.resolve("corpus"), crashes = dir.resolve("crashes");
        Files.createDirectories(corpus);
        Files.createDirectories(crashes);
        List<byte[]> seeds = t.seeds().get();
        for (int i = 0; i < seeds.size(); i++) Files.write(corpus.resolve("seed-" + i), seeds.get(i));
        Path log = dir.resolve("fuzz.log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Xss1m",
                "-XX:+EnableDynamicAgentLoading",
                "-Djava.awt.headless=true",
                "-Dpramaan.testdata="
                        + Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"))
                                .toAbsolutePath(),
                "-cp",
                classPath(),
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + t.targetClass().getName(),
                // Coverage feedback from our parsers only: instrumenting Jackson, BouncyCastle and the JDK's
                // XML parser too would slow every run for edges we do not own.
                "--instrumentation_includes=org.pramaan.**",
                "--reproducer_path=" + crashes,
                "-artifact_prefix=" + crashes + File.separator,
                "-runs=" + runs,
                "-max_total_time=" + maxSeconds,
                "-timeout=10",
                "-rss_limit_mb=2560",
                "-max_len="
                        + Math.max(
                                4096,
                                seeds.stream().mapToInt(b -> b.length).max().orElse(0)),
                "-print_final_stats=1",
                "-close_fd_mask=1",
                corpus.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(maxSeconds + 120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(
                    t.name() + ": the fuzzer did not stop within " + (maxSeconds + 120) + " s; see " + log);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return parse(t.name(), p.exitValue(), Files.readString(log), seconds, list(crashes), log);
    }

    static Stats parse(String name, int exit, String out, double seconds, List<Path> crashes, Path log) {
        Matcher m = DONE.matcher(out);
        long[] last = {0, 0, 0, 0};
        boolean found = m.find();
        if (!found) { // killed or crashed: the last status line is the best there is
            Matcher a = ANY.matcher(out);
            while (a.find())
                last = new long[] {
                    Long.parseLong(a.group(1)),
                    Long.parseLong(a.group(2)),
                    Long.parseLong(a.group(3)),
                    Long.parseLong(a.group(4))
                };
        } else {
            last = new long[] {
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))
            };
        }
        long units = stat(UNITS, out).orElse(last[0]);
        return new Stats(
                name,
                exit,
                units,
                stat(SPEED, out).orElse(0L),
                last[1],
                last[2],
                last[3],
                stat(RSS, out).orElse(0L),
                seconds,
                crashes,
                log);
    }

    private static Optional<Long> stat(Pattern p, String out) {
        Matcher m = p.matcher(out);
        Long v = null;
        while (m.find()) v = Long.parseLong(m.group(1));
        return Optional.ofNullable(v);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** Surefire hides the real class path behind a manifest-only jar; it names it in this property. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
