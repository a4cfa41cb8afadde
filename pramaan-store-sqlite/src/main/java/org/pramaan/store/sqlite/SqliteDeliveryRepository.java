package org.pramaan.store.sqlite;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.json.Json;
import org.pramaan.notify.Delivery;
import org.pramaan.notify.DeliveryRepository;
import org.pramaan.notify.DeliveryState;

final class SqliteDeliveryRepository implements DeliveryRepository {
    private final SqliteDatabase db;

    SqliteDeliveryRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void enqueue(Delivery d) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO deliveries(id, seq, state, next_attempt_at, case_id, json) "
                            + "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM deliveries), ?, ?, ?, ?)")) {
                ps.setString(1, d.id());
                ps.setString(2, d.state().name());
                ps.setLong(3, d.nextAttemptAt().toEpochMilli());
                ps.setString(4, d.caseId());
                ps.setString(5, Json.write(d));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void save(Delivery d) {
        db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE deliveries SET state = ?, next_attempt_at = ?, json = ? WHERE id = ?")) {
                ps.setString(1, d.state().name());
                ps.setLong(2, d.nextAttemptAt().toEpochMilli());
                ps.setString(3, Json.write(d));
                ps.setString(4, d.id());
                if (ps.executeUpdate() != 1) throw new IllegalArgumentException("no delivery with id '" + d.id() + "'");
                return null;
            }
        });
    }

    @Override
    public Optional<Delivery> find(String id) {
        return db.first(
                "SELECT json FROM deliveries WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), Delivery.class));
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        return db.list(
                "SELECT json FROM deliveries WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?",
                ps -> {
                    ps.setLong(1, now.toEpochMilli());
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
