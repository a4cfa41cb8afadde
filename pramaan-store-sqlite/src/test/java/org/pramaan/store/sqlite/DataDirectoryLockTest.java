package org.pramaan.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 defect 8: one process per data directory. A second opener, in another JVM or this one,
 * is refused with the directory and the holder named; the lock dies with its process, SIGKILL
 * included, so the lock file left behind never blocks a restart.
 */
class DataDirectoryLockTest {
    @TempDir
    Path dir;

    Process holder;

    @AfterEach
    void kill() throws Exception {
        if (holder != null) holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void aSecondStoreInThisProcessIsRefusedUntilTheFirstCloses() throws Exception {
        Path data = dir.resolve("data");
        try (EmbeddedStore first = EmbeddedStore.open(data)) {
            assertThatThrownBy(() -> EmbeddedStore.open(data))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining(data.toAbsolutePath().normalize().toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThat(first.database().schemaVersion())
                    .as("the refused opener left the first one working")
                    .isPositive();
        }
        try (EmbeddedStore again = EmbeddedStore.open(data)) {
            assertThat(again.database().schemaVersion()).isPositive();
        }
    }

    @Test
    void anotherProcessIsRefusedWhileOneHoldsItAndAdmittedAfterThatOneIsKilled() throws Exception {
        Path data = dir.resolve("data");
        holder = startHolder(data);
        assertThatThrownBy(() -> EmbeddedStore.open(data))
                .isInstanceOf(DataDirectoryInUseException.class)
                .hasMessageContaining("the data directory "
                        + data.toAbsolutePath().normalize() + " is in use by another Pramaan process")
                .hasMessageContaining("pid " + holder.pid() + ", started ")
                .satisfies(e ->
                        assertThat(((DataDirectoryInUseException) e).holder()).startsWith("pid " + holder.pid()));
        holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no close()
        assertThat(Files.exists(data.resolve(DataDirectoryLock.FILE)))
                .as("the lock file is left behind")
                .isTrue();
        try (EmbeddedStore store = EmbeddedStore.open(data)) {
            assertThat(store.database().schemaVersion())
                    .as("the stale lock file does not block a restart")
                    .isPositive();
            assertThat(Files.readString(data.resolve(DataDirectoryLock.FILE)))
                    .startsWith("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aProcessThatClosedItsStoreLeavesTheDirectoryFree() throws Exception {
        Path data = dir.resolve("data");
        holder = startHolder(data);
        holder.getOutputStream().write('\n'); // tells the holder to close its store and exit
        holder.getOutputStream().flush();
        assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(holder.exitValue()).isZero();
        try (EmbeddedStore store = EmbeddedStore.open(data)) {
            assertThat(store.database().schemaVersion()).isPositive();
        }
    }

    /** A child JVM that opens the store, says so, and holds it until a line arrives on its input. */
    private static Process startHolder(Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Holder.class.getName(),
                data.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("HOLDING")) return p;
            seen.append(line).append('\n');
        }
        throw new AssertionError("the holder exited before taking the lock: " + seen);
    }

    /** The child process's main. */
    static final class Holder {
        public static void main(String[] args) throws Exception {
            try (EmbeddedStore store = EmbeddedStore.open(Path.of(args[0]))) {
                System.out.println("HOLDING");
                System.out.flush();
                System.in.read();
            }
        }
    }
}
