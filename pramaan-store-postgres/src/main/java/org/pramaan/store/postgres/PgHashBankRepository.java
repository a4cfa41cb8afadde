package org.pramaan.store.postgres;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.json.Json;

final class PgHashBankRepository implements HashBankRepository {
    private final PostgresDatabase db;

    PgHashBankRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void saveBank(Bank bank) {
        db.update(
                "INSERT INTO banks(name, json) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json",
                ps -> {
                    ps.setString(1, bank.name());
                    ps.setString(2, Json.write(bank));
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
            for (BankItem item : items)
                stored.add(PgSql.insertWithId(
                        c,
                        "bank_items",
                        List.of("bank", "sha256", "media_id"),
                        List.of(
                                item.bank(),
                                item.sha256().orElse(""),
                                item.mediaId().orElse("")),
                        item::withId));
            return stored;
        });
    }

    @Override
    public List<BankItem> all() {
        return db.list(
                "SELECT json FROM bank_items ORDER BY id", ps -> {}, rs -> Json.read(rs.getString(1), BankItem.class));
    }

    @Override
    public boolean removeItem(long id) {
        return db.update("DELETE FROM bank_items WHERE id = ?", ps -> ps.setLong(1, id)) > 0;
    }

    @Override
    public int removeMedia(String bank, String mediaId) {
        return db.update("DELETE FROM bank_items WHERE bank = ? AND media_id = ?", ps -> {
            ps.setString(1, bank);
            ps.setString(2, mediaId);
        });
    }

    @Override
    public void countShadowHits(Collection<String> banks) {
        db.write(c -> {
            // An atomic increment: nodes counting the same bank at once both count.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bank_shadow_hits(bank, hits) VALUES (?, 1)"
                    + " ON CONFLICT (bank) DO UPDATE SET hits = bank_shadow_hits.hits + 1")) {
                for (String b : banks) {
                    ps.setString(1, b);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    @Override
    public Map<String, Long> shadowHits() {
        Map<String, Long> out = new TreeMap<>();
        db.list("SELECT bank, hits FROM bank_shadow_hits", ps -> {}, rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(out);
    }
}
