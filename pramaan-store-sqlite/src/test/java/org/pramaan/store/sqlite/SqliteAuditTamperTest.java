package org.pramaan.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.audit.AuditCheckpoints;
import org.pramaan.audit.AuditLog;
import org.pramaan.audit.AuditVerification;
import org.pramaan.audit.CheckpointJournal;
import org.pramaan.audit.CheckpointKey;
import org.pramaan.testkit.FakeClock;

/**
 * Issue 11 defect 7, against the real database file: someone with the file (and a SQLite shell) drops
 * the append-only triggers and edits rows directly, as JDBC here does.
 */
class SqliteAuditTamperTest {
    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-03-01T10:00:00Z");

    private void fill(int entries) throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            AuditLog log = new AuditLog(store.audit(), clock, store.database().unitOfWork());
            for (int i = 1; i <= entries; i++) log.append("case.event", "case:" + i, Map.of("n", i));
        }
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(EmbeddedStore.DATABASE_FILE));
                Statement s = c.createStatement()) {
            for (String q : statements) s.execute(q);
        }
    }

    @Test
    void deletingTheTailAndTheHeadRowIsFound() throws Exception {
        fill(5);
        // Today's V1 triggers are the first obstacle; the attacker drops them (V7's head trigger too, where present).
        sql(
                "DROP TRIGGER audit_log_no_delete",
                "DROP TRIGGER IF EXISTS audit_head_no_delete",
                "DELETE FROM audit_log WHERE seq > 3",
                "DELETE FROM audit_head");
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            AuditVerification v =
                    new AuditLog(store.audit(), clock, store.database().unitOfWork()).verify();
            assertThat(v.valid()).isFalse();
            assertThat(v.problem()).contains("3 entries but no recorded head").contains("cut off");
        }
    }

    @Test
    void droppedAlteredAndForeignTriggersAreRestoredAtOpenAndReported() throws Exception {
        fill(2);
        sql(
                "DROP TRIGGER audit_log_no_update",
                "DROP TRIGGER audit_log_no_delete",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END",
                "CREATE TRIGGER swallow BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END");
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.restoredTriggers())
                    .containsExactlyInAnyOrder(
                            "audit_log_no_update (missing)",
                            "audit_log_no_delete (altered)",
                            "swallow (unexpected, removed)");
        }
        assertThatThrownBy(() -> sql("UPDATE audit_log SET details = '{}' WHERE seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM audit_log WHERE seq = 2")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql("DELETE FROM audit_head")).hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> sql("UPDATE audit_head SET seq = 1")).hasMessageContaining("next entry");
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.restoredTriggers())
                    .as("a second open finds them intact")
                    .isEmpty();
            AuditLog log = new AuditLog(store.audit(), clock, store.database().unitOfWork());
            log.append("after", "s", Map.of());
            assertThat(log.verify().entriesChecked())
                    .as("inserts are stored again")
                    .isEqualTo(3);
        }
    }

    @Test
    void aFreshDatabaseHasEveryTriggerAsDefined() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.restoredTriggers()).isEmpty();
        }
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(EmbeddedStore.DATABASE_FILE));
                ResultSet rs =
                        c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        assertThat(names).containsAll(AppendOnlyTriggers.EXPECTED.keySet());
    }

    @Test
    void aConsistentRewriteOfRowsAndHeadIsCaughtByTheSignedCheckpoint() throws Exception {
        CheckpointKey key = CheckpointKey.generate();
        CheckpointJournal journal = new CheckpointJournal(dir.resolve("outside").resolve(CheckpointJournal.FILE_NAME));
        java.nio.file.Files.createDirectories(journal.file().getParent());
        List<String> problems = new ArrayList<>();
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            AuditCheckpoints cp =
                    new AuditCheckpoints(store.audit(), key, journal, 5, clock, Runnable::run, problems::add);
            AuditLog log = new AuditLog(store.audit(), clock, store.database().unitOfWork(), java.util.Optional.of(cp));
            for (int i = 1; i <= 12; i++) log.append("case.event", "case:" + i, Map.of("n", i));
            cp.close();
            assertThat(journal.read().checkpoints()).extracting(c -> c.seq()).containsExactly(5L, 10L, 12L);
        }
        // Rewrite entry 2 and re-chain every later entry and the head, so that the chain alone looks whole.
        org.pramaan.testkit.AuditTamper.rewriteConsistently(
                dir.resolve(EmbeddedStore.DATABASE_FILE), 2, "{\"n\":\"forged\"}");
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.restoredTriggers())
                    .containsExactlyInAnyOrder("audit_log_no_update (missing)", "audit_head_forward_only (missing)");
            AuditLog plain = new AuditLog(store.audit(), clock, store.database().unitOfWork());
            assertThat(plain.verify().valid())
                    .as("the chain and head alone cannot see a consistent rewrite")
                    .isTrue();
            AuditLog anchored = new AuditLog(
                    store.audit(),
                    clock,
                    store.database().unitOfWork(),
                    java.util.Optional.of(
                            new AuditCheckpoints(store.audit(), key, journal, 5, clock, Runnable::run, problems::add)));
            AuditVerification v = anchored.verify();
            assertThat(v.valid()).isFalse();
            assertThat(v.badSeq()).contains(5L);
            assertThat(v.problem()).contains("entry 5").contains("rewritten");
        }
        assertThat(problems).isEmpty();
    }
}
