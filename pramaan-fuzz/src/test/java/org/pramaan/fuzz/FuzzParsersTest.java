package org.pramaan.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs fuzz targets under Jazzer, one child JVM after another (the machine is shared). In the
 * normal build one target gets a few thousand runs; {@code -Dfuzz.targets=all}, {@code -Dfuzz.runs} and {@code -Dfuzz.maxSeconds} make
 * it the long run, {@code -Dfuzz.targets=a,b} picks targets. A crash, a hang (over 10 s on one input)
 * or an OutOfMemoryError under the small heap fails the test, naming the crash file. Each run's
 * figures are appended to {@code target/fuzz/summary.tsv}.
 */
class FuzzParsersTest {
    static Stream<FuzzTargets.Target> targets() {
        String wanted = System.getProperty("fuzz.targets", "jumbf");
        Set<String> names = Arrays.stream(wanted.split(",")).map(String::trim).collect(Collectors.toSet());
        return FuzzTargets.ALL.stream().filter(t -> names.contains("all") || names.contains(t.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void fuzzTargetFindsNothing(FuzzTargets.Target target) throws Exception {
        long runs = Long.getLong("fuzz.runs", 4000), seconds = Long.getLong("fuzz.maxSeconds", 4);
        Path work = Path.of(System.getProperty("fuzz.workDir", "target/fuzz"));
        JazzerRun.Stats s = JazzerRun.run(target, work, runs, seconds, System.getProperty("fuzz.heap", "512m"));
        Files.createDirectories(work);
        Path summary = work.resolve("summary.tsv");
        if (!Files.exists(summary))
            Files.writeString(summary, "target\texecutions\texec_per_s\tcov\tft\tcorpus\tpeak_rss_mb\tseconds\texit\n");
        Files.writeString(summary, s.row() + "\n", StandardOpenOption.APPEND);
        System.out.println("fuzz " + s.row());
        assertThat(s.crashes())
                .as("%s: crash files (log %s)", target.name(), s.log())
                .isEmpty();
        assertThat(s.exitCode())
                .as("%s: Jazzer exit code (log %s)", target.name(), s.log())
                .isZero();
        // Zero executions would mean the driver never ran the target: a test that cannot fail.
        assertThat(s.executions())
                .as("%s: executions (log %s)", target.name(), s.log())
                .isGreaterThanOrEqualTo(Math.min(runs, 100));
        assertThat(s.coverage()).as("%s: edges covered", target.name()).isPositive();
    }
}
