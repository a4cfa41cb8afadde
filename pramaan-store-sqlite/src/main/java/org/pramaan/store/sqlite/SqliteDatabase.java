package org.pramaan.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite database file. SQLite allows one writer at a time, so one connection serves all
 * threads under a lock; WAL keeps readers of other processes (e.g. {@code pramaan audit verify}
 * while the server runs) from blocking.
 */
public final class SqliteDatabase implements AutoCloseable, org.pramaan.store.jdbc.Sql {
    /** Migrations in order; each file runs once, in one transaction. */
    private static final List<String> MIGRATIONS = List.of(
            "V1__init.sql",
            "V2__banks.sql",
            "V3__holds.sql",
            "V4__case_next_event.sql",
            "V5__outbox_accounts.sql",
            "V6__idempotency_trusted_flagger.sql",
            "V7__audit_anchor.sql",
            "V8__console_people.sql",
            "V9__generations.sql",
            "V10__bank_shadow_hits.sql",
            "V11__case_queue.sql",
            "V12__generation_numbers.sql",
            "V13__generation_keys.sql",
            "V14__scan_jobs.sql",
            "V15__nodes_scan_leases.sql",
            "V16__case_report_times.sql",
            "V17__audit_checkpoint_journals.sql",
            "V18__review_labels.sql",
            "V19__protected_persons.sql",
            "V20__likeness_revision.sql");

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Depth of write() calls on the owning thread; inner ones join the outer transaction. */
    private int depth;
    /** After-commit hooks of the open transaction (guarded by {@link #lock}). */
    private final List<Runnable> committed = new ArrayList<>();

    private final Path file;
    /** Append-only triggers found missing, altered or foreign at open and put right (issue 11 defect 7). */
    private List<String> restoredTriggers = List.of();

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static SqliteDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=10000");
            }
            SqliteDatabase db = new SqliteDatabase(file, c);
            db.migrate();
            db.restoredTriggers = List.copyOf(db.write(AppendOnlyTriggers::restore));
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** The append-only triggers this open had to recreate or remove, e.g. {@code audit_log_no_delete (missing)}; empty when all were intact. */
    public List<String> restoredTriggers() {
        return restoredTriggers;
    }

    public <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("SQLite read failed on " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in a transaction: all of it is stored or none. Called inside another write, it joins that one. */
    public <T> T write(Work<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                depth++;
                try {
                    return work.run(connection);
                } finally {
                    depth--;
                }
            }
            connection.setAutoCommit(false);
            depth = 1;
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                committed.clear(); // a rolled-back unit's memory changes never happen
                connection.rollback();
                throw e;
            } finally {
                depth = 0;
                connection.setAutoCommit(true);
            }
            // Still under the lock: memory mirrors change in commit order (UnitOfWork#afterCommit).
            List<Runnable> hooks = List.copyOf(committed);
            committed.clear();
            org.pramaan.tx.UnitOfWork.runHooks(hooks);
            return result;
        } catch (SQLException e) {
            throw new StoreException("SQLite write failed on " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** A unit of work over this database: every repository write inside it commits together. */
    public org.pramaan.tx.UnitOfWork unitOfWork() {
        return new org.pramaan.tx.UnitOfWork() {
            @Override
            public <T> T run(java.util.function.Supplier<T> work) {
                return write(c -> work.get());
            }

            @Override
            public void afterCommit(Runnable hook) {
                SqliteDatabase.this.afterCommit(hook);
            }
        };
    }

    /** Runs {@code hook} after the transaction this thread has open commits (dropped on rollback); at once when none is open. */
    public void afterCommit(Runnable hook) {
        if (lock.isHeldByCurrentThread() && depth > 0) committed.add(hook);
        else hook.run();
    }

    /** Every row of a query, in order. */
    public <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(mapper.map(rs));
                }
                return out;
            }
        });
    }

    /**
     * Inserts a row whose JSON must carry the id the database assigns: the row goes in with
     * placeholder JSON, then {@code withId} builds the stored value and its JSON replaces the
     * placeholder. Call inside {@link #write}.
     */
    public static <T> T insertWithId(
            Connection c,
            String table,
            List<String> columns,
            List<Object> values,
            java.util.function.LongFunction<T> withId)
            throws SQLException {
        String cols = String.join(", ", columns);
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO " + table + "(" + cols + ", json) VALUES (" + marks + ", '{}')",
                Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.size(); i++) ps.setObject(i + 1, values.get(i));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        T stored = withId.apply(id);
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET json = ? WHERE id = ?")) {
            ps.setString(1, org.pramaan.json.Json.write(stored));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return stored;
    }

    /** The first row of a query, if any. */
    public <T> java.util.Optional<T> first(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(sql + " LIMIT 1", binder, mapper);
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rows.get(0));
    }

    public int schemaVersion() {
        return read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private void migrate() throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int current = schemaVersion();
        for (int i = current; i < MIGRATIONS.size(); i++) {
            String name = MIGRATIONS.get(i);
            String sql = resource("/db/sqlite/" + name);
            int version = i + 1;
            write(c -> {
                try (Statement s = c.createStatement()) {
                    for (String stmt : statements(sql)) s.execute(stmt);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, datetime('now'))")) {
                    ps.setInt(1, version);
                    ps.setString(2, name);
                    ps.executeUpdate();
                }
                return null;
            });
        }
    }

    /** Splits a migration on semicolons that end a line, keeping trigger bodies (BEGIN … END;) whole. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inTrigger = false;
        for (String line : sql.lines().toList()) {
            String code = line.replaceAll("--.*$", "").trim();
            if (code.isEmpty()) continue;
            cur.append(code).append('\n');
            if (code.toUpperCase(java.util.Locale.ROOT).startsWith("CREATE TRIGGER")) inTrigger = true;
            boolean ends = code.endsWith(";")
                    && (!inTrigger || code.toUpperCase(java.util.Locale.ROOT).endsWith("END;"));
            if (ends) {
                out.add(cur.toString().trim());
                cur.setLength(0);
                inTrigger = false;
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().trim());
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SqliteDatabase.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("migration " + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file, e);
        } finally {
            lock.unlock();
        }
    }
}
