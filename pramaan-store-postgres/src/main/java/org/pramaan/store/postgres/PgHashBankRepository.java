package org.pramaan.store.postgres;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankChangeLog;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.HashBankRepository;
import org.pramaan.json.Json;

final class PgHashBankRepository implements HashBankRepository {
    private final PostgresDatabase db;

    PgHashBankRepository(PostgresDatabase db) {
        this.db = db;
    }

    /**
     * The change, in the write's own transaction (the outbox: issue 15). The row's seq must follow commit order, or a
     * relay could publish a later-numbered change committed first and then an earlier-numbered one (a deleted bank
     * then an item added to it). An identity alone is handed out at insert, not at commit, so the insert happens
     * under the audit chain's transaction lock, held to commit: the unit appends its audit entry under it anyway, and
     * one lock for both cannot deadlock.
     */
    private static void outbox(java.sql.Connection c, String bank, BankChangeLog.Op op, String payload)
            throws java.sql.SQLException {
        PgAuditStore.lockChain(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bank_outbox(bank, op, payload) VALUES (?, ?, ?)")) {
            ps.setString(1, bank);
            ps.setString(2, op.name());
            ps.setString(3, payload);
            ps.executeUpdate();
        }
    }

    @Override
    public void saveBank(Bank bank) {
        db.write(c -> {
            String json = Json.write(bank);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO banks(name, json) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET json = excluded.json")) {
                ps.setString(1, bank.name());
                ps.setString(2, json);
                ps.executeUpdate();
            }
            outbox(c, bank.name(), BankChangeLog.Op.BANK, json);
            return null;
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
                boolean existed = bank.executeUpdate() > 0;
                outbox(c, name, BankChangeLog.Op.DELETE_BANK, "");
                return existed;
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
            for (BankItem b : stored) outbox(c, b.bank(), BankChangeLog.Op.ADD, Json.write(b));
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
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bank_items WHERE id = ? RETURNING bank")) {
                ps.setLong(1, id);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return false;
                    outbox(c, rs.getString(1), BankChangeLog.Op.REMOVE_ITEM, Long.toString(id));
                    return true;
                }
            }
        });
    }

    @Override
    public int removeMedia(String bank, String mediaId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM bank_items WHERE bank = ? AND media_id = ?")) {
                ps.setString(1, bank);
                ps.setString(2, mediaId);
                int n = ps.executeUpdate();
                if (n > 0) outbox(c, bank, BankChangeLog.Op.REMOVE_MEDIA, mediaId);
                return n;
            }
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
