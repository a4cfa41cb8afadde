package org.pramaan.testkit.servers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server in its own JVM (S3Mock, a Kafka broker): its libraries (Spring Boot, Scala, log4j) stay off
 * the test's class path, and killing it is a real crash. Output goes to a log file whose tail is shown
 * when the server fails to come up. A shutdown hook ends it if the test JVM exits first.
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly, "stop " + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code mainClass} on {@code classpath} with {@code jvmArgs} and {@code args}; output to {@code log}. */
    public static ChildJvm start(
            String name, List<Path> classpath, List<String> jvmArgs, String mainClass, List<String> args, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(String.join(
                File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        cmd.add(mainClass);
        cmd.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ChildJvm(name, p, log);
    }

    /** Runs {@code mainClass} to completion (a formatting tool), failing with its output when it exits non-zero. */
    public static String run(List<Path> classpath, String mainClass, List<String> args, Path log, Duration limit)
            throws IOException, InterruptedException {
        try (ChildJvm tool = start(mainClass, classpath, List.of("-Xmx256m"), mainClass, args, log)) {
            if (!tool.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS))
                throw new IllegalStateException(mainClass + " did not finish within " + limit + ": " + tool.tail());
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (tool.process.exitValue() != 0)
                throw new IllegalStateException(mainClass + " exited " + tool.process.exitValue() + ": " + tool.tail());
            return out;
        }
    }

    /** A port free now on the loopback interface (another process may take it before the server binds it). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code port} on loopback accepts a connection; fails with the log's tail when the process
     * exits first or {@code limit} passes (a readiness wait, not a deadline test).
     */
    public void awaitPort(int port, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive())
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " before port " + port + " opened: " + tail());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not open port " + port + " within " + limit + ": " + tail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The last lines of the server's output, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, as in a crash (no shutdown hooks, no flush), waiting until the process is gone. */
    public void killNow() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the server (SIGTERM, then SIGKILL after 15 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
