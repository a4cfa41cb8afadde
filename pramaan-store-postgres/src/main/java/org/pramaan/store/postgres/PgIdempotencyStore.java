package org.pramaan.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.pramaan.idempotency.IdempotencyEntry;
import org.pramaan.idempotency.IdempotencyStore;
import org.pramaan.idempotency.StoredResponse;

final class PgIdempotencyStore implements IdempotencyStore {
    private static final String COLUMNS =
            "scope, idem_key, fingerprint, owner, state, status, content_type, body, created_at, expires_at";
    private final PostgresDatabase db;

    PgIdempotencyStore(PostgresDatabase db) {
        this.db = db;
    }

    /**
     * Claims the key. The insert either wins or finds the row another request (on any node) holds; an expired holder
     * is replaced under its row lock, so two requests never both proceed.
     */
    @Override
    public Optional<IdempotencyEntry> claim(IdempotencyEntry entry, Instant now) {
        return db.write(c -> {
            for (int attempt = 0; ; attempt++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO idempotency(" + COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, 0, '', ''::bytea, ?, ?) ON CONFLICT (scope, idem_key) DO NOTHING")) {
                    bindClaim(ps, entry);
                    if (ps.executeUpdate() == 1) return Optional.<IdempotencyEntry>empty();
                }
                Optional<IdempotencyEntry> held = find(c, entry.scope(), entry.key(), " FOR UPDATE");
                if (held.isPresent() && !held.get().expiredAt(now)) return held;
                if (held.isPresent()) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE idempotency SET fingerprint = ?, owner = ?, state = ?, status = 0, content_type = '',"
                                    + " body = ''::bytea, created_at = ?, expires_at = ? WHERE scope = ? AND idem_key = ?")) {
                        ps.setString(1, entry.fingerprint());
                        ps.setString(2, entry.owner());
                        ps.setString(3, entry.state().name());
                        ps.setLong(4, PgSql.millis(entry.createdAt()));
                        ps.setLong(5, PgSql.millis(entry.expiresAt()));
                        ps.setString(6, entry.scope());
                        ps.setString(7, entry.key());
                        ps.executeUpdate();
                    }
                    return Optional.<IdempotencyEntry>empty();
                }
                // Swept between the insert and the read: insert again (once more at most).
                if (attempt > 0) throw new IllegalStateException("idempotency key '" + entry.key() + "' kept changing");
            }
        });
    }

    private static void bindClaim(PreparedStatement ps, IdempotencyEntry entry) throws SQLException {
        ps.setString(1, entry.scope());
        ps.setString(2, entry.key());
        ps.setString(3, entry.fingerprint());
        ps.setString(4, entry.owner());
        ps.setString(5, entry.state().name());
        ps.setLong(6, PgSql.millis(entry.createdAt()));
        ps.setLong(7, PgSql.millis(entry.expiresAt()));
    }

    @Override
    public boolean complete(String scope, String key, String owner, StoredResponse response) {
        return db.update(
                        "UPDATE idempotency SET state = 'DONE', status = ?, content_type = ?, body = ? WHERE scope = ?"
                                + " AND idem_key = ? AND owner = ? AND state IN ('RUNNING', 'COMMITTED')",
                        ps -> {
                            ps.setInt(1, response.status());
                            ps.setString(2, response.contentType());
                            ps.setBytes(3, response.body());
                            ps.setString(4, scope);
                            ps.setString(5, key);
                            ps.setString(6, owner);
                        })
                == 1;
    }

    @Override
    public void markCommitted(String scope, String key, String owner) {
        db.update(
                "UPDATE idempotency SET state = 'COMMITTED' WHERE scope = ? AND idem_key = ? AND owner = ?"
                        + " AND state = 'RUNNING'",
                ps -> {
                    ps.setString(1, scope);
                    ps.setString(2, key);
                    ps.setString(3, owner);
                });
    }

    @Override
    public boolean takeOver(String scope, String key, String fromOwner, String toOwner) {
        return db.update(
                        "UPDATE idempotency SET owner = ? WHERE scope = ? AND idem_key = ? AND owner = ? AND state = 'RUNNING'",
                        ps -> {
                            ps.setString(1, toOwner);
                            ps.setString(2, scope);
                            ps.setString(3, key);
                            ps.setString(4, fromOwner);
                        })
                == 1;
    }

    @Override
    public void release(String scope, String key, String owner) {
        db.update(
                "DELETE FROM idempotency WHERE scope = ? AND idem_key = ? AND owner = ? AND state = 'RUNNING'", ps -> {
                    ps.setString(1, scope);
                    ps.setString(2, key);
                    ps.setString(3, owner);
                });
    }

    @Override
    public Optional<IdempotencyEntry> find(String scope, String key) {
        return db.read(c -> find(c, scope, key, ""));
    }

    @Override
    public int sweep(Instant now) {
        return db.update("DELETE FROM idempotency WHERE expires_at <= ?", ps -> ps.setLong(1, PgSql.millis(now)));
    }

    private static Optional<IdempotencyEntry> find(Connection c, String scope, String key, String lock)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM idempotency WHERE scope = ? AND idem_key = ?" + lock)) {
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
