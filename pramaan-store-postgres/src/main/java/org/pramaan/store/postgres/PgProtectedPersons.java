package org.pramaan.store.postgres;

import java.util.List;
import java.util.Optional;
import org.pramaan.json.Json;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.ProtectedPersons;

/** The likeness registry in {@code protected_persons} (schema 8): one JSON row per person, embeddings included. */
final class PgProtectedPersons implements ProtectedPersons {
    private final PostgresDatabase db;

    PgProtectedPersons(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void save(ProtectedPerson p) {
        db.update(
                "INSERT INTO protected_persons(id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                ps -> {
                    ps.setString(1, p.id());
                    ps.setString(2, Json.write(p));
                });
    }

    @Override
    public Optional<ProtectedPerson> find(String id) {
        return db.first(
                "SELECT json FROM protected_persons WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), ProtectedPerson.class));
    }

    @Override
    public List<ProtectedPerson> all() {
        return db.list(
                "SELECT json FROM protected_persons ORDER BY id",
                ps -> {},
                rs -> Json.read(rs.getString(1), ProtectedPerson.class));
    }

    /** Moved by the V10 trigger on {@code protected_persons}, in the transaction of the change. */
    @Override
    public long revision() {
        return db.first("SELECT revision FROM likeness_revision WHERE id = 1", ps -> {}, rs -> rs.getLong(1))
                .orElseThrow(() -> new IllegalStateException("likeness_revision has no row (schema V10)"));
    }

    @Override
    public boolean delete(String id) {
        return db.update("DELETE FROM protected_persons WHERE id = ?", ps -> ps.setString(1, id)) > 0;
    }
}
