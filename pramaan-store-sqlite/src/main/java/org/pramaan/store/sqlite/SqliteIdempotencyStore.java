package org.pramaan.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.pramaan.idempotency.IdempotencyEntry;
import org.pramaan.idempotency.IdempotencyStore;
import org.pramaan.idempotency.StoredResponse;

final class SqliteIdempotencyStore implements IdempotencyStore {
    private static final String COLUMNS =
            "scope, idem_key, fingerprint, owner, state, status, content_type, body, created_at, expires_at";
    private final SqliteDatabase db;

    SqliteIdempotencyStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<IdempotencyEntry> claim(IdempotencyEntry entry, Instant now) {
        return db.write(c -> {
            Optional<IdempotencyEntry> held = find(c, entry.scope(), entry.key());
            if (held.isPresent() && !held.get().expiredAt(now)) return held;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO idempotency(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 0, '', x'', ?, ?)")) {
                ps.setString(1, entry.scope());
                ps.setString(2, entry.key());
                ps.setString(3, entry.fingerprint());
                ps.setString(4, entry.owner());
                ps.setString(5, entry.state().name());
                ps.setLong(6, entry.createdAt().toEpochMilli());
                ps.setLong(7, entry.expiresAt().toEpochMilli());
                ps.executeUpdate();
            }
            return Optional.empty();
        });
    }

    @Override
    public boolean complete(String scope, String key, String owner, StoredResponse response) {
        return db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE idempotency SET state = 'DONE', status = ?, content_type = ?, body = ? "
                            + "WHERE scope = ? AND idem_key = ? AND owner = ? AND state IN ('RUNNING', 'COMMITTED')")) {
                ps.setInt(1, response.status());
                ps.setString(2, response.contentType());
                ps.setBytes(3, response.body());
                ps.setString(4, scope);
                ps.setString(5, key);
                ps.setString(6, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void markCommitted(String scope, String key, String owner) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE idempotency SET state = 'COMMITTED' WHERE scope = ? AND idem_key = ? AND owner = ? AND state = 'RUNNING'")) {
                ps.setString(1, scope);
                ps.setString(2, key);
                ps.setString(3, owner);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean takeOver(String scope, String key, String fromOwner, String toOwner) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE idempotency SET owner = ? WHERE scope = ? AND idem_key = ? AND owner = ? AND state = 'RUNNING'")) {
                ps.setString(1, toOwner);
                ps.setString(2, scope);
                ps.setString(3, key);
                ps.setString(4, fromOwner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(String scope, String key, String owner) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM idempotency WHERE scope = ? AND idem_key = ? AND owner = ? AND state = 'RUNNING'")) {
                ps.setString(1, scope);
                ps.setString(2, key);
                ps.setString(3, owner);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<IdempotencyEntry> find(String scope, String key) {
        return db.read(c -> find(c, scope, key));
    }

    @Override
    public int sweep(Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency WHERE expires_at <= ?")) {
                ps.setLong(1, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    private static Optional<IdempotencyEntry> find(Connection c, String scope, String key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM idempotency WHERE scope = ? AND idem_key = ?")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                IdempotencyEntry.State state = IdempotencyEntry.State.valueOf(rs.getString(5));
                Optional<StoredResponse> response = state == IdempotencyEntry.State.DONE
                        ? Optional.of(new StoredResponse(rs.getInt(6), rs.getString(7), rs.getBytes(8)))
                        : Optional.empty();
                return Optional.of(new IdempotencyEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        state,
                        response,
                        Instant.ofEpochMilli(rs.getLong(9)),
                        Instant.ofEpochMilli(rs.getLong(10))));
            }
        }
    }
}
