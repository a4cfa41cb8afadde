package org.pramaan.store.postgres;

import java.util.Optional;
import org.pramaan.cases.AccountRepository;
import org.pramaan.cases.AccountStanding;
import org.pramaan.json.Json;

final class PgAccountRepository implements AccountRepository {
    private final PostgresDatabase db;

    PgAccountRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<AccountStanding> find(String accountId) {
        return db.first(
                "SELECT json FROM accounts WHERE id = ?",
                ps -> ps.setString(1, accountId),
                rs -> Json.read(rs.getString(1), AccountStanding.class));
    }

    @Override
    public void save(AccountStanding s) {
        db.update(
                "INSERT INTO accounts(id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                ps -> {
                    ps.setString(1, s.accountId());
                    ps.setString(2, Json.write(s));
                });
    }
}
