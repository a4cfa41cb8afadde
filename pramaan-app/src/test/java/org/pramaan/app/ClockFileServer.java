package org.pramaan.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

/**
 * The real server in a process of its own, whose clock a test sets by writing epoch millis to a
 * file: so a test can kill it with SIGKILL, restart it, and move its time without sleeping through
 * hours. Configuration comes from the environment, as for {@code pramaan serve}.
 */
public final class ClockFileServer {
    private ClockFileServer() {}

    public static void main(String[] args) throws Exception {
        Clock clock = new FileClock(Path.of(args[0]));
        PramaanConfig config = PramaanConfig.load(System.getenv(), new Properties());
        Embedded app = new Embedded(config, clock);
        config.access()
                .adminKey()
                .ifPresent(k -> app.keys().register(org.pramaan.access.Role.ADMIN, "configured admin key", k));
        Server server = Server.start(app, "127.0.0.1", 0);
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** A server process started by {@link #launch}, listening on {@code port}. */
    record Launched(Process process, int port) {}

    /**
     * Starts this server in a child JVM with {@code env} (the data directory, keys, …) on the test's
     * class path, and returns once it listens; its output is drained so it never blocks on a full pipe.
     */
    static Launched launch(Path clockFile, Map<String, String> env, String... jvmArgs) throws IOException {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaCommand));
        command.addAll(java.util.List.of(jvmArgs));
        command.addAll(java.util.List.of(
                "-cp", System.getProperty("java.class.path"), ClockFileServer.class.getName(), clockFile.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().remove("PRAMAAN_CONFIG");
        pb.redirectErrorStream(true);
        Process server = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        java.util.List<String> seen = new java.util.ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("PORT ")) {
                Thread drain = new Thread(
                        () -> {
                            try {
                                out.lines().forEach(l -> {});
                            } catch (UncheckedIOException e) {
                                // the process was killed: its output ends here
                            }
                        },
                        "server-output");
                drain.setDaemon(true);
                drain.start();
                return new Launched(server, Integer.parseInt(line.substring(5).trim()));
            }
            seen.add(line);
        }
        throw new AssertionError("the server exited before listening: " + String.join("\n", seen));
    }

    /** Reads the time from a file on every call; the test owns the file. */
    static final class FileClock extends Clock {
        private final Path file;

        FileClock(Path file) {
            this.file = file;
        }

        static void set(Path file, Instant t) throws IOException {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(t.toEpochMilli()));
            Files.move(
                    tmp,
                    file,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        /** The time the file holds now. */
        static Instant read(Path file) {
            return new FileClock(file).instant();
        }

        @Override
        public Instant instant() {
            try {
                return Instant.ofEpochMilli(
                        Long.parseLong(Files.readString(file).trim()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
