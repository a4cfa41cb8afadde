package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 (CLI start): under JDK 25+ {@code ./pramaan} makes its start-up cache once, uses it after, and
 * a cache the JVM cannot use (here: garbage, as a cache from another JDK build would be) changes
 * nothing the user sees: same output, same exit, nothing on stderr.
 */
class LauncherAotCacheIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run launcher(Path cache, String... args) throws Exception {
        List<String> cmd = Stream.concat(Stream.of("sh", System.getProperty("pramaan.launcher")), Stream.of(args))
                .toList();
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PRAMAAN_CACHE_DIR", cache.toString());
        pb.environment().remove("PRAMAAN_AOT");
        pb.redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theCacheIsMadeOnceUsedAfterAndAnUnusableOneIsIgnoredSilently() throws Exception {
        Assumptions.assumeTrue(
                Runtime.version().feature() >= 25, "the AOT cache needs JDK 25+; this JDK starts without one");
        Path cache = dir.resolve("cache");

        Run first = launcher(cache, "--version");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("pramaan ");
        assertThat(first.err()).contains("preparing the start-up cache in " + cache);
        List<Path> made;
        try (Stream<Path> files = Files.list(cache)) {
            made = files.filter(f -> f.getFileName().toString().endsWith(".aot"))
                    .toList();
        }
        assertThat(made).as("one cache file, no training leftovers").hasSize(1);
        assertThat(Files.size(made.get(0))).isPositive();

        Run second = launcher(cache, "--version");
        assertThat(second).isEqualTo(new Run(0, first.out(), ""));

        // Not a cache this JVM can map; still newer than the jar, so the launcher keeps passing it.
        Files.writeString(made.get(0), "not an AOT cache");
        Run garbage = launcher(cache, "--version");
        assertThat(garbage).isEqualTo(new Run(0, first.out(), ""));
        Run usage = launcher(cache, "hash", "pdq");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.out()).isEmpty();
        assertThat(usage.err()).startsWith("Missing required parameter").doesNotContain("aot", "AOT", "CDS");
    }
}
