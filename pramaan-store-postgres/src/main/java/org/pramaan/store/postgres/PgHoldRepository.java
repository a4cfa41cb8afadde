package org.pramaan.store.postgres;

import java.util.List;
import java.util.Optional;
import org.pramaan.cases.Hold;
import org.pramaan.cases.HoldRepository;
import org.pramaan.json.Json;

final class PgHoldRepository implements HoldRepository {
    private final PostgresDatabase db;

    PgHoldRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Hold add(Hold hold) {
        return db.write(
                c -> PgSql.insertWithId(c, "holds", List.of("media_id"), List.of(hold.mediaId()), hold::withId));
    }

    @Override
    public void save(Hold hold) {
        int n = db.update("UPDATE holds SET json = ? WHERE id = ?", ps -> {
            ps.setString(1, Json.write(hold));
            ps.setLong(2, hold.id());
        });
        if (n != 1) throw new IllegalArgumentException("no hold with id " + hold.id());
    }

    @Override
    public Optional<Hold> find(long id) {
        return db.first(
                "SELECT json FROM holds WHERE id = ?",
                ps -> ps.setLong(1, id),
                rs -> Json.read(rs.getString(1), Hold.class));
    }

    @Override
    public List<Hold> forMedia(String mediaId) {
        return db.list(
                "SELECT json FROM holds WHERE media_id = ? ORDER BY id",
                ps -> ps.setString(1, mediaId),
                rs -> Json.read(rs.getString(1), Hold.class));
    }
}
