package org.pramaan.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.pramaan.hash.BankItem;
import org.pramaan.hash.HashBankRepository;
import org.pramaan.json.Json;

final class SqliteHashBankRepository implements HashBankRepository {
    private final SqliteDatabase db;

    SqliteHashBankRepository(SqliteDatabase db) { this.db = db; }

    @Override
    public BankItem add(BankItem item) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bank_items(bank, sha256, media_id, json) VALUES (?, ?, ?, '{}')",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, item.bank());
                ps.setString(2, item.sha256());
                ps.setString(3, item.mediaId());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            BankItem stored = item.withId(id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE bank_items SET json = ? WHERE id = ?")) {
                ps.setString(1, Json.write(stored));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return stored;
        });
    }

    @Override
    public List<BankItem> all() {
        return db.list("SELECT json FROM bank_items ORDER BY id", ps -> { }, rs -> Json.read(rs.getString(1), BankItem.class));
    }

    @Override
    public int removeMedia(String bank, String mediaId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bank_items WHERE bank = ? AND media_id = ?")) {
                ps.setString(1, bank);
                ps.setString(2, mediaId);
                return ps.executeUpdate();
            }
        });
    }
}
