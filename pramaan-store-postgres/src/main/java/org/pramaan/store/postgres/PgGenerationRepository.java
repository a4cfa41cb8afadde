package org.pramaan.store.postgres;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.generation.Consent;
import org.pramaan.generation.GenerationKey;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.generation.GenerationRepository;
import org.pramaan.generation.RulesShown;
import org.pramaan.json.Json;

final class PgGenerationRepository implements GenerationRepository {
    private final PostgresDatabase db;

    PgGenerationRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void save(GenerationRecord r) {
        db.update("INSERT INTO generations(id, created_at, retain_until, json) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, r.id());
            ps.setString(2, r.createdAt().toString());
            ps.setLong(3, PgSql.millis(r.retainUntil()));
            ps.setString(4, Json.write(r));
        });
    }

    @Override
    public Optional<GenerationRecord> find(String id) {
        return db.first(
                "SELECT json FROM generations WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), GenerationRecord.class));
    }

    @Override
    public List<GenerationRecord> retainedUntilBefore(Instant cutoff, int limit) {
        // retain_until is the floor millisecond: every record before the cutoff is a candidate; the exact comparison
        // (to the nanosecond) is made below, so one within the cutoff's millisecond but not before it stays.
        return db
                .list(
                        "SELECT json FROM generations WHERE retain_until <= ? ORDER BY created_at, id LIMIT ?",
                        ps -> {
                            ps.setLong(1, PgSql.millis(cutoff));
                            ps.setInt(2, limit);
                        },
                        rs -> Json.read(rs.getString(1), GenerationRecord.class))
                .stream()
                .filter(r -> r.retainUntil().isBefore(cutoff))
                .toList();
    }

    @Override
    public void delete(String id) {
        db.write(c -> {
            try (var keys = c.prepareStatement("DELETE FROM generation_keys WHERE record_id = ?");
                    var rec = c.prepareStatement("DELETE FROM generations WHERE id = ?")) {
                keys.setString(1, id);
                keys.executeUpdate();
                rec.setString(1, id);
                return rec.executeUpdate();
            }
        });
    }

    @Override
    public boolean saveKey(GenerationKey k, byte[] output) {
        return db.update(
                        "INSERT INTO generation_keys(scope, key, request_sha256, record_id, output) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (scope, key) DO NOTHING",
                        ps -> {
                            ps.setString(1, k.scope());
                            ps.setString(2, k.key());
                            ps.setString(3, k.requestSha256());
                            ps.setString(4, k.recordId());
                            ps.setBytes(5, output);
                        })
                == 1;
    }

    @Override
    public Optional<GenerationKey> key(String scope, String key) {
        return db.first(
                "SELECT request_sha256, record_id FROM generation_keys WHERE scope = ? AND key = ?",
                ps -> {
                    ps.setString(1, scope);
                    ps.setString(2, key);
                },
                rs -> new GenerationKey(scope, key, rs.getString(1), rs.getString(2)));
    }

    @Override
    public Optional<byte[]> keyedOutput(String scope, String key) {
        return db.first(
                "SELECT output FROM generation_keys WHERE scope = ? AND key = ?",
                ps -> {
                    ps.setString(1, scope);
                    ps.setString(2, key);
                },
                rs -> rs.getBytes(1));
    }

    @Override
    public long allocateNumber(String id) {
        return db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO generation_numbers(id) VALUES (?) RETURNING number")) {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<GenerationRecord> findByNumber(long number) {
        return db.first(
                "SELECT g.json FROM generation_numbers n JOIN generations g ON g.id = n.id WHERE n.number = ?",
                ps -> ps.setLong(1, number),
                rs -> Json.read(rs.getString(1), GenerationRecord.class));
    }

    @Override
    public void saveConsent(Consent k) {
        db.update(
                "INSERT INTO consents(id, person, created_at, json) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO UPDATE SET json = excluded.json",
                ps -> {
                    ps.setString(1, k.id());
                    ps.setString(2, k.personId());
                    ps.setString(3, k.createdAt().toString());
                    ps.setString(4, Json.write(k));
                });
    }

    @Override
    public Optional<Consent> consent(String id) {
        return db.first(
                "SELECT json FROM consents WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), Consent.class));
    }

    @Override
    public List<Consent> consents(String personId) {
        return db.list(
                "SELECT json FROM consents WHERE person = ? ORDER BY created_at, id",
                ps -> ps.setString(1, personId),
                rs -> Json.read(rs.getString(1), Consent.class));
    }

    @Override
    public void saveRulesShown(RulesShown s) {
        db.update(
                "INSERT INTO rules_shown(user_id, json) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET json = excluded.json",
                ps -> {
                    ps.setString(1, s.userId());
                    ps.setString(2, Json.write(s));
                });
    }

    @Override
    public Optional<RulesShown> rulesShown(String userId) {
        return db.first(
                "SELECT json FROM rules_shown WHERE user_id = ?",
                ps -> ps.setString(1, userId),
                rs -> Json.read(rs.getString(1), RulesShown.class));
    }

    @Override
    public List<RulesShown> allRulesShown() {
        return db.list(
                "SELECT json FROM rules_shown ORDER BY user_id",
                ps -> {},
                rs -> Json.read(rs.getString(1), RulesShown.class));
    }
}
