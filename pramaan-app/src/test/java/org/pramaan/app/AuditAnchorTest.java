package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.audit.CheckpointJournal;
import org.pramaan.cli.PramaanCli;

/**
 * Issue 11 defect 7 end to end: a real server on a real port over a real SQLite file, tampered with
 * through JDBC while it is stopped, as someone with the file would.
 */
class AuditAnchorTest extends ServerTestBase {
    private static final Map<String, String> EVERY_2 = Map.of("PRAMAAN_AUDIT_CHECKPOINT_INTERVAL", "2");

    private Path keyFile() {
        return dataDir.toAbsolutePath().normalize().resolveSibling(dataDir.getFileName() + "-audit-checkpoint.key");
    }

    private Path checkpoints() {
        return dataDir.resolve(CheckpointJournal.FILE_NAME);
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("pramaan.db"));
                Statement s = c.createStatement()) {
            for (String q : statements) s.execute(q);
        }
    }

    /** Runs the CLI in this JVM on the same data directory; returns the exit code and what it printed. */
    private record Cli(int exit, String out) {}

    private Cli cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PramaanCli.run(
                () -> new EmbeddedRuntime(config(dataDir, EVERY_2), clock, System.out),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
        return new Cli(code, out + err.toString());
    }

    private void restartWithEntries() throws Exception {
        stop();
        start(EVERY_2);
        for (int i = 0; i < 4; i++) app.keys().create(org.pramaan.access.Role.INGEST, "k" + i);
        stop();
    }

    @Test
    void checkpointsAreSignedWithAnOwnerOnlyKeyOutsideTheDataDirectoryAndVerified() throws Exception {
        restartWithEntries();
        assertThat(keyFile()).exists();
        if (Files.getFileStore(keyFile()).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readAllLines(checkpoints()))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("pramaan-audit-checkpoint/1"));
        start(EVERY_2);
        ApiClient.Response r = api.get("/v1/audit/verify", ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("checkpointsVerified").asLong()).isPositive();
        assertThat(r.json().path("warnings").isArray()).isTrue();
        stop(); // the CLI opens the data directory itself, which the running server holds locked
        Cli ok = cli("audit", "verify");
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("OK: chain intact").contains("signed checkpoints match");
    }

    @Test
    void deletingTheTailAndTheHeadRowFailsVerifyAndTheRestoredTriggersAreReported() throws Exception {
        restartWithEntries();
        sql(
                "DROP TRIGGER audit_log_no_delete",
                "DROP TRIGGER audit_head_no_delete",
                "DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 2 FROM audit_log)",
                "DELETE FROM audit_head");
        start(EVERY_2);
        ApiClient.Response r = api.get("/v1/audit/verify", ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        assertThat(r.json().path("valid").asBoolean()).isFalse();
        assertThat(r.json().path("problem").asText()).contains("head row had been deleted");
        assertThat(r.json().path("warnings").toString())
                .contains("audit_log_no_delete (missing)")
                .contains("audit_head_no_delete (missing)");
        stop();
        Cli bad = cli("audit", "verify");
        assertThat(bad.exit()).as(bad.out()).isEqualTo(1);
        assertThat(bad.out())
                .contains("FAILED at entry")
                .contains("WARNING: ")
                .contains("append-only triggers were missing or altered and were restored");
    }

    @Test
    void aConsistentRewriteOfRowsAndHeadIsCaughtByTheCheckpointFile() throws Exception {
        restartWithEntries();
        org.pramaan.testkit.AuditTamper.rewriteConsistently(dataDir.resolve("pramaan.db"), 1, "{\"forged\":true}");
        start(EVERY_2);
        ApiClient.Response r = api.get("/v1/audit/verify", ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        assertThat(r.json().path("problem").asText())
                .contains("is not the entry the checkpoint signed")
                .contains("rewritten");
        stop();
        Cli bad = cli("audit", "verify");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("rewritten");
    }

    @Test
    void aDeletedCheckpointFileFailsVerify() throws Exception {
        restartWithEntries();
        Files.delete(checkpoints());
        Cli bad = cli("audit", "verify");
        assertThat(bad.exit()).as(bad.out()).isEqualTo(1);
        assertThat(bad.out())
                .contains(CheckpointJournal.FILE_NAME)
                .contains("is missing")
                .contains("it was deleted");
    }

    @Test
    void aKeyInsideTheDataDirectoryOrAnInvalidKeyStopsStartUp() throws Exception {
        assertThatThrownBy(() -> config(
                        dataDir,
                        Map.of(
                                "PRAMAAN_AUDIT_CHECKPOINT_KEY",
                                dataDir.resolve("k.key").toString())))
                .hasMessageContaining("audit.checkpoint-key")
                .hasMessageContaining("outside the data directory");
        Path bad = Files.writeString(
                dataDir.resolveSibling(dataDir.getFileName() + "-bad.key"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> config(dataDir, Map.of("PRAMAAN_AUDIT_CHECKPOINT_KEY", bad.toString())))
                .hasMessageContaining("audit.checkpoint-key")
                .hasMessageContaining("not an Ed25519 key pair");
        assertThatThrownBy(() -> config(dataDir, Map.of("PRAMAAN_AUDIT_CHECKPOINT_INTERVAL", "0")))
                .hasMessageContaining("audit.checkpoint-interval");
        assertThatThrownBy(() -> config(dataDir, Map.of("PRAMAAN_AUDIT_CHECKPOINT_INTERVAL", "1.5")))
                .hasMessageContaining("audit.checkpoint-interval");
    }

    @Test
    void verifyBundleChecksItsCheckpointsAgainstAGivenKey() throws Exception {
        String id = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(71)));
        String publicKey = app.audit().checkpoints().orElseThrow().key().publicKey();
        String fingerprint = app.audit().checkpoints().orElseThrow().key().fingerprint();
        stop();
        Path zip = dataDir.resolveSibling(dataDir.getFileName() + "-case.zip");
        try {
            assertThat(cli("cases", "bundle", id, "--output", zip.toString()).exit())
                    .isZero();
            Cli ok = cli("audit", "verify-bundle", zip.toString(), "--checkpoint-key", publicKey);
            assertThat(ok.exit()).as(ok.out()).isZero();
            assertThat(ok.out())
                    .contains("signed checkpoints match, key fingerprint " + fingerprint + " (the trusted key)");
            Cli plain = cli("audit", "verify-bundle", zip.toString());
            assertThat(plain.exit()).isZero();
            assertThat(plain.out()).contains("compare it with the operator's published key");
            Cli other = cli(
                    "audit",
                    "verify-bundle",
                    zip.toString(),
                    "--checkpoint-key",
                    org.pramaan.audit.CheckpointKey.generate().publicKey());
            assertThat(other.exit()).isEqualTo(1);
            assertThat(other.out()).contains("FAILED").contains("not by the trusted key");
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
