package org.pramaan.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, by numbered files under {@code db/postgres/} recorded in {@code schema_version} (the embedded store's
 * runner, without Flyway: it stays this small). Everything runs in one transaction under an advisory lock held to
 * its end, so nodes starting together migrate once, one after the other, and a failed file leaves no trace.
 */
final class Migrations {
    /** In order; each runs once. Version n is the n-th file. */
    static final List<String> FILES = List.of(
            "V1__baseline.sql",
            "V2__scan_jobs.sql",
            "V3__case_report_times.sql",
            "V4__nodes_scan_leases.sql",
            "V5__bank_outbox.sql",
            "V6__audit_checkpoint_journals.sql",
            "V7__audit_feed_positions.sql",
            "V8__review_labels.sql",
            "V9__protected_persons.sql",
            "V10__likeness_revision.sql");

    /** The advisory-lock class for migrations (with the schema's hash as the object), distinct from other locks. */
    private static final int LOCK_CLASS = 0x50524d47; // "PRMG"

    private Migrations() {}

    static void apply(PostgresDatabase db) {
        db.write(c -> {
            String schema;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT current_schema()")) {
                schema = rs.next() ? rs.getString(1) : null;
            }
            if (schema == null)
                throw new PostgresStoreException(
                        "the schema named by store.postgres.url (currentSchema) does not exist in " + db.where()
                                + "; create it first (CREATE SCHEMA …)",
                        null);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setString(2, schema);
                ps.execute();
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                        + "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            }
            int current;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            if (current > FILES.size())
                throw new PostgresStoreException(
                        "schema version " + current + " of " + db.where() + " is newer than this build knows ("
                                + FILES.size() + "): a newer node migrated it; upgrade this one",
                        null);
            for (int i = current; i < FILES.size(); i++) {
                String name = FILES.get(i);
                try (Statement s = c.createStatement()) {
                    // The driver sends the file as one simple query: dollar-quoted function bodies stay whole.
                    s.execute(resource("/db/postgres/" + name));
                }
                try (PreparedStatement ps =
                        c.prepareStatement("INSERT INTO schema_version(version, name) VALUES (?, ?)")) {
                    ps.setInt(1, i + 1);
                    ps.setString(2, name);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The schema version recorded in the database. */
    static int version(PostgresDatabase db) {
        return db.first("SELECT COALESCE(MAX(version), 0) FROM schema_version", ps -> {}, rs -> rs.getInt(1))
                .orElse(0);
    }

    private static String resource(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("migration " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
