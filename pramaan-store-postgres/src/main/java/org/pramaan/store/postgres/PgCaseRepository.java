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
    /** Prefix of the versions this repository remembers per transaction. */
    private static final String KEY = "cases:";

    private final PostgresDatabase db;

    PgCaseRepository(PostgresDatabase db) {
        this.db = db;
    }

    /**
     * Saves the case. When this unit of work read the case first ({@link #find}), the save applies only if no one
     * saved it since: two nodes firing the same escalation, or acting on one case at once, both read version n; the
     * second save finds n + 1 and is refused ({@code case.changed_concurrently}), its unit rolls back with its audit
     * entry, and a retry reads the events the first one recorded (exactly once across nodes, issue 15).
     */
    @Override
    public void save(CaseFile c) {
        Optional<Long> read = db.versionRead(KEY + c.id());
        if (read.isPresent()) {
            int n = db.update(
                    "UPDATE cases SET state = ?, next_deadline = ?, next_event_at = ?, json = ?, notice_type = ?,"
                            + " jurisdiction_fold = ?, deadline_nano = ?, trusted = ?, assignee = ?, legal_review = ?,"
                            + " awaiting_info = ?, received_ms = ?, touched_ms = ?, version = version + 1"
                            + " WHERE id = ? AND version = ?",
                    ps -> {
                        ps.setString(1, c.state().name());
                        PgSql.setMillis(ps, 2, c.nextDeadline());
                        PgSql.setMillis(ps, 3, c.nextEventDue());
                        ps.setString(4, Json.write(c));
                        int i = PgCaseQueue.bindColumns(ps, 5, c);
                        ps.setString(i++, c.id());
                        ps.setLong(i, read.get());
                    });
            if (n != 1)
                throw new org.pramaan.errors.Conflict(
                        "case.changed_concurrently",
                        "case '" + c.id() + "' was changed by another request or node since it was read; try again");
            db.readVersion(KEY + c.id(), read.get() + 1);
            return;
        }
        db.write(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO cases(id, state, next_deadline, next_event_at, json, notice_type, jurisdiction_fold,"
                            + " deadline_nano, trusted, assignee, legal_review, awaiting_info, received_ms, touched_ms)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                            + " state = excluded.state, next_deadline = excluded.next_deadline,"
                            + " next_event_at = excluded.next_event_at, json = excluded.json,"
                            + " notice_type = excluded.notice_type, jurisdiction_fold = excluded.jurisdiction_fold,"
                            + " deadline_nano = excluded.deadline_nano, trusted = excluded.trusted,"
                            + " assignee = excluded.assignee, legal_review = excluded.legal_review,"
                            + " awaiting_info = excluded.awaiting_info, received_ms = excluded.received_ms,"
                            + " touched_ms = excluded.touched_ms, version = cases.version + 1")) {
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

    /** Inside a unit of work, remembers the version read, so {@link #save} can refuse a lost update. */
    @Override
    public Optional<CaseFile> find(String id) {
        return db.first("SELECT json, version FROM cases WHERE id = ?", ps -> ps.setString(1, id), rs -> {
            db.readVersion(KEY + id, rs.getLong(2));
            return Json.read(rs.getString(1), CaseFile.class);
        });
    }

    /**
     * Inside a unit of work: the case locked for it ({@code FOR UPDATE SKIP LOCKED}), or empty at once when another
     * node's unit holds it; never waits, so it cannot deadlock against a monitor. Outside one: {@link #find}.
     */
    @Override
    public Optional<CaseFile> claim(String id) {
        if (!db.inTransaction()) return find(id);
        return db
                .list(
                        "SELECT json, version FROM cases WHERE id = ? FOR UPDATE SKIP LOCKED",
                        ps -> ps.setString(1, id),
                        rs -> {
                            db.readVersion(KEY + id, rs.getLong(2));
                            return Json.read(rs.getString(1), CaseFile.class);
                        })
                .stream()
                .findFirst();
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
