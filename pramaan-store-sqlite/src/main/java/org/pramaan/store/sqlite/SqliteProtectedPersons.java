package org.pramaan.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.pramaan.json.Json;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.ProtectedPersons;

/** The likeness registry in {@code protected_persons} (V18): one JSON row per person, embeddings included. */
final class SqliteProtectedPersons implements ProtectedPersons {
    private final SqliteDatabase db;

    SqliteProtectedPersons(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void save(ProtectedPerson p) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO protected_persons(id, json) VALUES (?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET json = excluded.json")) {
                ps.setString(1, p.id());
                ps.setString(2, Json.write(p));
                return ps.executeUpdate();
            }
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

    /** Moved by the V20 triggers on {@code protected_persons}, in the transaction of the change. */
    @Override
    public long revision() {
        return db.first("SELECT revision FROM likeness_revision WHERE id = 1", ps -> {}, rs -> rs.getLong(1))
                .orElseThrow(() -> new IllegalStateException("likeness_revision has no row (schema V20)"));
    }

    @Override
    public boolean delete(String id) {
        return db.write(c -> {
            try (Statement s = c.createStatement();
                    PreparedStatement ps = c.prepareStatement("DELETE FROM protected_persons WHERE id = ?")) {
                // Erasure (GDPR Art. 17): the freed pages are overwritten with zeros rather than left in the
                // file for a forensic reader; only for this delete, as it costs writes.
                s.execute("PRAGMA secure_delete=ON");
                try {
                    ps.setString(1, id);
                    return ps.executeUpdate() > 0;
                } finally {
                    s.execute("PRAGMA secure_delete=OFF");
                }
            }
        });
    }
}
