package org.pramaan.store.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.access.ApiKey;
import org.pramaan.access.ApiKeyRepository;
import org.pramaan.access.Role;

final class PgApiKeyRepository implements ApiKeyRepository {
    private static final String COLUMNS = "id, digest, role, label, created_at, revoked, trusted_flagger";
    private final PostgresDatabase db;

    PgApiKeyRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void save(ApiKey k) {
        db.update(
                "INSERT INTO api_keys(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "role = excluded.role, label = excluded.label, revoked = excluded.revoked, "
                        + "trusted_flagger = excluded.trusted_flagger",
                ps -> {
                    ps.setString(1, k.id());
                    ps.setString(2, k.keyDigest());
                    ps.setString(3, k.role().name());
                    ps.setString(4, k.label());
                    ps.setString(5, k.createdAt().toString());
                    ps.setInt(6, k.revoked() ? 1 : 0);
                    ps.setInt(7, k.trustedFlagger() ? 1 : 0);
                });
    }

    @Override
    public Optional<ApiKey> findByDigest(String digest) {
        return db.first(
                "SELECT " + COLUMNS + " FROM api_keys WHERE digest = ?",
                ps -> ps.setString(1, digest),
                PgApiKeyRepository::key);
    }

    @Override
    public List<ApiKey> all() {
        return db.list("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at", ps -> {}, PgApiKeyRepository::key);
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(
                rs.getString(1),
                rs.getString(2),
                Role.valueOf(rs.getString(3)),
                rs.getString(4),
                Instant.parse(rs.getString(5)),
                rs.getInt(6) != 0,
                rs.getInt(7) != 0);
    }
}
