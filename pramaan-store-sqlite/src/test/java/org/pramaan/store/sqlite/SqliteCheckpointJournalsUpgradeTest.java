package org.pramaan.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.audit.AuditCheckpoints;
import org.pramaan.audit.AuditLog;
import org.pramaan.audit.AuditStore;
import org.pramaan.audit.AuditVerification;
import org.pramaan.audit.CheckpointJournal;
import org.pramaan.audit.CheckpointKey;
import org.pramaan.testkit.FakeClock;

/**
 * Schema 17 (issue 15) keeps one checkpoint mark per checkpoint file. A database from schema 16 held one mark for the
 * deployment: the migration keeps it as the unnamed journal, the node whose file holds that checkpoint adopts it on its
 * next start, and the deployment's verify passes as before; the new table refuses deletes and backward moves.
 */
class SqliteCheckpointJournalsUpgradeTest {
    @TempDir
    Path dir;

    final FakeClock clock = FakeClock.at("2026-12-05T10:00:00Z");
    final CheckpointKey key = CheckpointKey.generate();

    private AuditCheckpoints checkpoints(EmbeddedStore store) {
        return new AuditCheckpoints(
                store.audit(),
                key,
                new CheckpointJournal(dir.resolve(CheckpointJournal.FILE_NAME)),
                3,
                clock,
                Runnable::run,
                p -> {
                    throw new AssertionError(p);
                });
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(EmbeddedStore.DATABASE_FILE));
                Statement s = c.createStatement()) {
            for (String q : statements) s.execute(q);
        }
    }

    @Test
    void theSchema16MarkIsKeptAndAdoptedByTheFileThatHoldsIt() throws Exception {
        AuditStore.CheckpointMark mark;
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            AuditCheckpoints c = checkpoints(store);
            AuditLog log = new AuditLog(store.audit(), clock, store.database().unitOfWork(), Optional.of(c));
            for (int i = 1; i <= 7; i++) log.append("case.event", "case:" + i, Map.of("n", i));
            mark = store.audit().checkpointMark(key.fingerprint()).orElseThrow();
        }
        assertThat(mark.seq()).isEqualTo(6);
        // Put the file back as schema 16 left it: the one-row table of V7, no per-file table, version 16.
        sql(
                "DROP TABLE audit_checkpoint_journals",
                "CREATE TABLE audit_checkpoint_mark (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, "
                        + "hash TEXT NOT NULL, count INTEGER NOT NULL)",
                "INSERT INTO audit_checkpoint_mark VALUES (1, " + mark.seq() + ", '" + mark.hash() + "', "
                        + mark.count() + ")",
                // Later migrations go too, so the store opens as a schema-16 file and runs 17 onwards.
                "DROP TABLE review_labels",
                "DROP TABLE protected_persons",
                "DROP TABLE likeness_revision",
                "DELETE FROM schema_version WHERE version >= 17");

        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            assertThat(store.database().restoredTriggers()).isEmpty();
            assertThat(store.audit().checkpointMarks()).isEqualTo(Map.of(AuditStore.LEGACY_JOURNAL, mark));
            AuditCheckpoints c = checkpoints(store);
            assertThat(store.audit().checkpointMark(key.fingerprint())).contains(mark);
            AuditVerification v =
                    new AuditLog(store.audit(), clock, store.database().unitOfWork(), Optional.of(c)).verify();
            assertThat(v.valid()).as(v.problem()).isTrue();
            assertThat(v.checkpointsVerified()).isEqualTo(2);
            assertThat(store.database()
                            .first(
                                    "SELECT COUNT(*) FROM sqlite_master WHERE name = 'audit_checkpoint_mark'",
                                    ps -> {},
                                    rs -> rs.getInt(1)))
                    .contains(0);
        }
        List<String> refused =
                List.of("DELETE FROM audit_checkpoint_journals", "UPDATE audit_checkpoint_journals SET seq = 1");
        for (String q : refused) {
            assertThatThrownBy(() -> sql(q)).hasMessageContaining("audit_checkpoint_journals");
        }
    }
}
