package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command, {@code ./mvnw verify}, works where the default java is older than 21 and
 * a JDK 21+ is installed: {@code .mvn/jdk21.sh} (sourced by mvnw) picks the newer JDK. Runs
 * {@code ./mvnw -v}, which starts Maven on the chosen JDK without building anything.
 */
class MavenWrapperJdkTest {
    @TempDir
    Path dir;

    record Run(int exit, String output) {}

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("mvnw"))) p = p.getParent();
        assertThat(p).as("the checkout holding mvnw").isNotNull();
        return p;
    }

    private Run mvnwVersion(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", root().resolve("mvnw").toString(), "-v")
                .directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("mvnw.out").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("mvnw -v finished").isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("mvnw.out"), StandardCharsets.UTF_8));
    }

    /** A "JDK" whose java and javac say they are Java 17, as a machine's default java would. */
    private Path oldJdk() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("jdk-17/bin"));
        for (String tool : List.of("java", "javac")) {
            Path f = bin.resolve(tool);
            Files.writeString(
                    f,
                    "#!/bin/sh\necho '    java.specification.version = 17' >&2\necho 'openjdk version \"17.0.15\"' >&2\nexit 0\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin.getParent();
    }

    @Test
    void mvnwPicksAnInstalledJdk21WhenJavaHomeAndPathAreOlder() throws Exception {
        Path running = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(running.resolve("bin/javac")), "the test JVM is not a JDK");
        Path old = oldJdk();
        Path jdks = Files.createDirectories(dir.resolve("jdks"));
        Files.createSymbolicLink(jdks.resolve("jdk-current"), running);
        Run r = mvnwVersion(Map.of(
                "JAVA_HOME",
                old.toString(),
                "PATH",
                old.resolve("bin") + ":/usr/bin:/bin",
                "PRAMAAN_JDK_SEARCH",
                jdks + "/*"));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("Using JDK " + Runtime.version().feature() + " at " + jdks.resolve("jdk-current"))
                .contains("Java version: " + Runtime.version().feature());
    }

    @Test
    void mvnwKeepsAJavaHomeThatIsAlready21OrNewer() throws Exception {
        Path running = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(running.resolve("bin/javac")), "the test JVM is not a JDK");
        Run r = mvnwVersion(Map.of("JAVA_HOME", running.toString(), "PRAMAAN_JDK_SEARCH", dir.resolve("none") + "/*"));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output())
                .doesNotContain("Using JDK")
                .contains("Java version: " + Runtime.version().feature());
    }

    @Test
    void mvnwWorksWithTheRealJdk17AsDefault() throws Exception {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeTrue(Files.isExecutable(jdk17.resolve("bin/java")), "no JDK 17 at " + jdk17);
        Run r = mvnwVersion(Map.of("JAVA_HOME", jdk17.toString(), "PATH", jdk17.resolve("bin") + ":/usr/bin:/bin"));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("Using JDK").doesNotContain("Java version: 17");
    }
}
