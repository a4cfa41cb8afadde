package org.pramaan.store.postgres;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseRepository;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.QueueQuery;
import org.pramaan.json.Json;

final class PgCaseRepository implements CaseRepository {
    private final PostgresDatabase db;

    PgCaseRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void save(CaseFile c) {
        db.write(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO cases(id, state, next_deadline, next_event_at, json, notice_type, jurisdiction_fold,"
                            + " deadline_nano, trusted, assignee, legal_review, awaiting_info)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                            + " state = excluded.state, next_deadline = excluded.next_deadline,"
                            + " next_event_at = excluded.next_event_at, json = excluded.json,"
                            + " notice_type = excluded.notice_type, jurisdiction_fold = excluded.jurisdiction_fold,"
                            + " deadline_nano = excluded.deadline_nano, trusted = excluded.trusted,"
                            + " assignee = excluded.assignee, legal_review = excluded.legal_review,"
                            + " awaiting_info = excluded.awaiting_info")) {
                ps.setString(1, c.id());
                ps.setString(2, c.state().name());
                PgSql.setMillis(ps, 3, c.nextDeadline());
                PgSql.setMillis(ps, 4, c.nextEventDue());
                ps.setString(5, Json.write(c));
                PgCaseQueue.bindColumns(ps, 6, c);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<CaseFile> find(String id) {
        return db.first(
                "SELECT json FROM cases WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), CaseFile.class));
    }

    @Override
    public List<CaseFile> open() {
        return db.list(
                "SELECT json FROM cases WHERE state = ? ORDER BY next_deadline IS NULL, next_deadline, id",
                ps -> ps.setString(1, CaseState.OPEN.name()),
                rs -> Json.read(rs.getString(1), CaseFile.class));
    }

    @Override
    public List<CaseFile> closed(int limit) {
        return db.list(
                "SELECT json FROM cases WHERE state = ? ORDER BY row_no DESC LIMIT ?",
                ps -> {
                    ps.setString(1, CaseState.CLOSED.name());
                    ps.setInt(2, limit);
                },
                rs -> Json.read(rs.getString(1), CaseFile.class));
    }

    /**
     * Due cases. Inside a unit of work the rows are claimed ({@code FOR UPDATE SKIP LOCKED}): a clock checker on
     * another node that is firing one of them right now skips it instead of firing it again, and the claim lasts
     * until this unit commits the events it fires.
     */
    @Override
    public List<CaseFile> due(Instant now) {
        String claim = db.inTransaction() ? " FOR UPDATE SKIP LOCKED" : "";
        return db.list(
                "SELECT json FROM cases WHERE state = ? AND next_event_at IS NOT NULL AND next_event_at <= ?"
                        + " ORDER BY next_event_at" + claim,
                ps -> {
                    ps.setString(1, CaseState.OPEN.name());
                    ps.setLong(2, PgSql.millis(now));
                },
                rs -> Json.read(rs.getString(1), CaseFile.class));
    }

    @Override
    public QueueQuery.Page queue(QueueQuery query) {
        return db.read(conn -> PgCaseQueue.page(conn, query));
    }
}
