package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.TestImages;

/**
 * Issue 11 defect 8, with the packaged jar as separate processes: while {@code pramaan serve} runs,
 * a second {@code serve} and every command that opens the data directory are refused with one
 * clear line naming the directory and the server's PID (exit 2, no stack trace); a scan without
 * a data directory still works; after the server is SIGKILLed, the lock file it leaves does not
 * block the next process.
 */
class DataDirectoryLockIT {
    @TempDir
    Path dir;

    Process server;

    @AfterEach
    void kill() throws Exception {
        if (server != null) server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    record Run(int exit, String out, String err) {}

    private List<String> jar(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("pramaan.jar")));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private ProcessBuilder builder(List<String> cmd, Path data, String name) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("PRAMAAN_DATA_DIR", data.toString());
        pb.environment().remove("PRAMAAN_CONFIG");
        pb.redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        return pb;
    }

    private Run pramaan(Path data, String... args) throws Exception {
        Process p = builder(jar(args), data, "cli").start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(dir.resolve("cli.out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("cli.err"), StandardCharsets.UTF_8));
    }

    private Process serve(Path data) throws Exception {
        return serve(data, java.util.Map.of());
    }

    private Process serve(Path data, java.util.Map<String, String> env) throws Exception {
        ProcessBuilder pb = builder(jar("serve", "--port", "0"), data, "serve");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = "";
        // Polling another process's output for its start-up line, not timing a deadline.
        for (int i = 0; i < 1200 && !out.contains("Press Ctrl+C") && p.isAlive(); i++) {
            Thread.sleep(100);
            out = Files.readString(dir.resolve("serve.out"));
        }
        assertThat(out).as(out + Files.readString(dir.resolve("serve.err"))).contains("Press Ctrl+C");
        return p;
    }

    private static void assertRefused(Run r, Path data, long holderPid) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains("error: the data directory " + data.toAbsolutePath().normalize()
                        + " is in use by another Pramaan process (pid " + holderPid + ", started ")
                .contains("Stop that process first");
        assertThat(r.err())
                .as("one clear line, no stack trace")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    @Test
    void whileAServerRunsASecondServerAndDataCommandsAreRefusedAndAfterASigkillTheDirectoryIsFree() throws Exception {
        Path data = dir.resolve("data");
        server = serve(data);

        assertRefused(pramaan(data, "serve", "--port", "0"), data, server.pid());
        assertRefused(pramaan(data, "keys", "create", "--role", "ingest"), data, server.pid());
        assertRefused(pramaan(data, "bank", "create", "ncii-feed", "--kind", "ncii"), data, server.pid());
        assertRefused(pramaan(data, "audit", "verify"), data, server.pid());
        assertThat(server.isAlive())
                .as("the refused processes did not disturb the server")
                .isTrue();

        Files.write(dir.resolve("photo.png"), TestImages.png(TestImages.photo(96, 72, 3)));
        Run scan = pramaan(dir.resolve("no-data-dir"), "scan", "photo.png");
        assertThat(scan.exit())
                .as("scan without a data directory takes no lock: " + scan.err())
                .isZero();

        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: the lock file stays behind
        assertThat(Files.exists(data.resolve("pramaan.lock"))).isTrue();
        Run key = pramaan(data, "keys", "create", "--role", "ingest");
        assertThat(key.exit()).as(key.err()).isZero();
        assertThat(key.out() + key.err()).containsPattern("pmn_[0-9a-f]+_[0-9a-f]+");
        Run verify = pramaan(data, "audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();

        // A newly configured admin key is registered, and audited, by the server process itself.
        server = serve(data, java.util.Map.of("PRAMAAN_ADMIN_KEY", "pmn_lock_it_admin_key_0123456789"));
        assertThat(server.isAlive())
                .as("a new server starts over the stale lock file")
                .isTrue();
        server.destroy(); // SIGTERM: the shutdown hook closes the app: index snapshot, last audit checkpoint, store
        // and lock
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Run after = pramaan(data, "audit", "verify");
        assertThat(after.exit()).as(after.out() + after.err()).isZero();
        assertThat(after.out() + after.err())
                .as("the server's own entries were signed at shutdown")
                .doesNotContain("not yet anchored");
    }
}
