package org.pramaan.store.postgres;

import java.util.List;
import java.util.Optional;
import org.pramaan.access.ConsoleAccount;
import org.pramaan.access.PersonRepository;
import org.pramaan.access.Preferences;
import org.pramaan.json.Json;

final class PgPersonRepository implements PersonRepository {
    private final PostgresDatabase db;

    PgPersonRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void saveAccount(ConsoleAccount a) {
        upsert(
                "INSERT INTO console_accounts(username, json) VALUES (?, ?) "
                        + "ON CONFLICT (username) DO UPDATE SET json = excluded.json",
                a.username(),
                Json.write(a));
    }

    @Override
    public Optional<ConsoleAccount> findAccount(String username) {
        return db.first(
                "SELECT json FROM console_accounts WHERE username = ?",
                ps -> ps.setString(1, username),
                rs -> Json.read(rs.getString(1), ConsoleAccount.class));
    }

    @Override
    public List<ConsoleAccount> accounts() {
        return db.list(
                "SELECT json FROM console_accounts ORDER BY username",
                ps -> {},
                rs -> Json.read(rs.getString(1), ConsoleAccount.class));
    }

    @Override
    public Optional<Preferences> preferences(String personId) {
        return db.first(
                "SELECT json FROM preferences WHERE person = ?",
                ps -> ps.setString(1, personId),
                rs -> Json.read(rs.getString(1), Preferences.class));
    }

    @Override
    public void savePreferences(String personId, Preferences p) {
        upsert(
                "INSERT INTO preferences(person, json) VALUES (?, ?) ON CONFLICT (person) DO UPDATE SET json = excluded.json",
                personId,
                Json.write(p));
    }

    private void upsert(String sql, String key, String json) {
        db.update(sql, ps -> {
            ps.setString(1, key);
            ps.setString(2, json);
        });
    }
}
