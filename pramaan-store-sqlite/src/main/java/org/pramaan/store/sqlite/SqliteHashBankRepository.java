package org.pramaan.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.json.Json;

final class SqliteHashBankRepository implements HashBankRepository {
    private final SqliteDatabase db;

    SqliteHashBankRepository(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public void saveBank(Bank bank) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO banks(name, json) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET json = excluded.json")) {
                ps.setString(1, bank.name());
                ps.setString(2, Json.write(bank));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Bank> banks() {
        return db.list("SELECT json FROM banks ORDER BY name", ps -> {}, rs -> Json.read(rs.getString(1), Bank.class));
    }

    @Override
    public boolean deleteBank(String name) {
        return db.write(c -> {
            try (PreparedStatement items = c.prepareStatement("DELETE FROM bank_items WHERE bank = ?");
                    PreparedStatement hits = c.prepareStatement("DELETE FROM bank_shadow_hits WHERE bank = ?");
                    PreparedStatement bank = c.prepareStatement("DELETE FROM banks WHERE name = ?")) {
                items.setString(1, name);
                items.executeUpdate();
                hits.setString(1, name);
                hits.executeUpdate();
                bank.setString(1, name);
                return bank.executeUpdate() > 0;
            }
        });
    }

    @Override
    public BankItem add(BankItem item) {
        return addAll(List.of(item)).get(0);
    }

    @Override
    public List<BankItem> addAll(List<BankItem> items) {
        return db.write(c -> {
            List<BankItem> stored = new ArrayList<>(items.size());
            for (BankItem item : items) stored.add(insert(c, item));
            return stored;
        });
    }

    private static BankItem insert(Connection c, BankItem item) throws SQLException {
        return SqliteDatabase.insertWithId(
                c,
                "bank_items",
                List.of("bank", "sha256", "media_id"),
                List.of(item.bank(), item.sha256().orElse(""), item.mediaId().orElse("")),
                item::withId);
    }

    @Override
    public List<BankItem> all() {
        return db.list(
                "SELECT json FROM bank_items ORDER BY id", ps -> {}, rs -> Json.read(rs.getString(1), BankItem.class));
    }

    @Override
    public boolean removeItem(long id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bank_items WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
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

    @Override
    public void countShadowHits(java.util.Collection<String> banks) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bank_shadow_hits(bank, hits) VALUES (?, 1)"
                    + " ON CONFLICT(bank) DO UPDATE SET hits = hits + 1")) {
                for (String b : banks) {
                    ps.setString(1, b);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    @Override
    public java.util.Map<String, Long> shadowHits() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        db.list(
                        "SELECT bank, hits FROM bank_shadow_hits",
                        ps -> {},
                        rs -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }
}
