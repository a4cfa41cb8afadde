package org.pramaan.store.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.json.Json;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.notify.DeliveryState;

final class PgDeliveryRepository implements DeliveryRepository {
    private final PostgresDatabase db;

    PgDeliveryRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void enqueue(Delivery d) {
        db.update(
                "INSERT INTO deliveries(id, state, next_attempt_at, case_id, json) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING",
                ps -> {
                    ps.setString(1, d.id());
                    ps.setString(2, d.state().name());
                    ps.setLong(3, PgSql.millis(d.nextAttemptAt()));
                    ps.setString(4, d.caseId());
                    ps.setString(5, Json.write(d));
                });
    }

    @Override
    public void save(Delivery d) {
        int n = db.update("UPDATE deliveries SET state = ?, next_attempt_at = ?, json = ? WHERE id = ?", ps -> {
            ps.setString(1, d.state().name());
            ps.setLong(2, PgSql.millis(d.nextAttemptAt()));
            ps.setString(3, Json.write(d));
            ps.setString(4, d.id());
        });
        if (n != 1) throw new IllegalArgumentException("no delivery with id '" + d.id() + "'");
    }

    @Override
    public Optional<Delivery> find(String id) {
        return db.first(
                "SELECT json FROM deliveries WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), Delivery.class));
    }

    /**
     * Due messages. Inside a unit of work the rows are claimed ({@code FOR UPDATE SKIP LOCKED}), so a dispatcher on
     * another node working through the outbox at the same time takes other messages, not these.
     */
    @Override
    public List<Delivery> due(Instant now, int limit) {
        String claim = db.inTransaction() ? " FOR UPDATE SKIP LOCKED" : "";
        return db.list(
                "SELECT json FROM deliveries WHERE state = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at, seq LIMIT ?" + claim,
                ps -> {
                    ps.setLong(1, PgSql.millis(now));
                    ps.setInt(2, limit);
                },
                rs -> Json.read(rs.getString(1), Delivery.class));
    }

    @Override
    public List<Delivery> withState(DeliveryState state, int limit) {
        return db.list(
                "SELECT json FROM deliveries WHERE state = ? ORDER BY seq DESC LIMIT ?",
                ps -> {
                    ps.setString(1, state.name());
                    ps.setInt(2, limit);
                },
                rs -> Json.read(rs.getString(1), Delivery.class));
    }

    @Override
    public List<Delivery> forCase(String caseId) {
        return db.list(
                "SELECT json FROM deliveries WHERE case_id = ? ORDER BY seq",
                ps -> ps.setString(1, caseId),
                rs -> Json.read(rs.getString(1), Delivery.class));
    }
}
