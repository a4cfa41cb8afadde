package org.pramaan.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseRepository;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.QueueQuery;
import org.pramaan.json.Json;

final class SqliteCaseRepository implements CaseRepository {
    private final SqliteDatabase db;

    SqliteCaseRepository(SqliteDatabase db) {
        this.db = db;
        deriveColumns(db);
    }

    @Override
    public void save(CaseFile c) {
        db.write(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO cases(id, state, next_deadline, json, next_event_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT(id) DO UPDATE SET state = excluded.state, next_deadline = excluded.next_deadline, json = excluded.json, "
                            + "next_event_at = excluded.next_event_at")) {
                ps.setString(1, c.id());
                ps.setString(2, c.state().name());
                if (c.nextDeadline().isPresent())
                    ps.setLong(3, c.nextDeadline().get().toEpochMilli());
                else ps.setNull(3, Types.BIGINT);
                ps.setString(4, Json.write(c));
                if (c.nextEventDue().isPresent())
                    ps.setLong(5, c.nextEventDue().get().toEpochMilli());
                else ps.setNull(5, Types.BIGINT);
                ps.executeUpdate();
            }
            return SqliteCaseQueue.setColumns(conn, c);
        });
    }

    /**
     * Rows saved before schema version 11 (queue columns) or 15 (report columns) get them once, in one transaction,
     * before any query that reads them.
     */
    static void deriveColumns(SqliteDatabase db) {
        if (db.first("SELECT 1 FROM cases WHERE queue_ready = 0", ps -> {}, rs -> 1)
                .isEmpty()) return;
        db.write(conn -> {
            List<CaseFile> pending = new java.util.ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT json FROM cases WHERE queue_ready = 0");
                    java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) pending.add(Json.read(rs.getString(1), CaseFile.class));
            }
            for (CaseFile c : pending) SqliteCaseQueue.setColumns(conn, c);
            return pending.size();
        });
    }

    @Override
    public QueueQuery.Page queue(QueueQuery query) {
        return db.read(conn -> SqliteCaseQueue.page(conn, query));
    }

    @Override
    public Optional<CaseFile> find(String id) {
        return db.first(
                "SELECT json FROM cases WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), CaseFile.class));
    }

    @Override
    public List<CaseFile> due(java.time.Instant now) {
        return db.list(
                "SELECT json FROM cases WHERE state = ? AND next_event_at IS NOT NULL AND next_event_at <= ? ORDER BY next_event_at",
                ps -> {
                    ps.setString(1, CaseState.OPEN.name());
                    ps.setLong(2, now.toEpochMilli());
                },
                rs -> Json.read(rs.getString(1), CaseFile.class));
    }

    @Override
    public List<CaseFile> closed(int limit) {
        return db.list(
                "SELECT json FROM cases WHERE state = ? ORDER BY rowid DESC LIMIT ?",
                ps -> {
                    ps.setString(1, CaseState.CLOSED.name());
                    ps.setInt(2, limit);
                },
                rs -> Json.read(rs.getString(1), CaseFile.class));
    }

    @Override
    public List<CaseFile> open() {
        return db.list(
                "SELECT json FROM cases WHERE state = ? ORDER BY next_deadline IS NULL, next_deadline, id",
                ps -> ps.setString(1, CaseState.OPEN.name()),
                rs -> Json.read(rs.getString(1), CaseFile.class));
    }
}
