package org.pramaan.store.postgres;

import java.util.List;
import java.util.Optional;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.intake.MediaStatus;
import org.pramaan.intake.UploadRecord;
import org.pramaan.json.Json;

final class PgMediaRepository implements MediaRepository {
    private final PostgresDatabase db;

    PgMediaRepository(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public void save(MediaRecord r) {
        db.update(
                "INSERT INTO media(id, status, last_screened_at, json) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                        + " SET status = excluded.status, last_screened_at = excluded.last_screened_at, json = excluded.json",
                ps -> {
                    ps.setString(1, r.id());
                    ps.setString(2, r.status().name());
                    ps.setLong(3, PgSql.millis(r.lastScreenedAt()));
                    ps.setString(4, Json.write(r));
                });
    }

    @Override
    public Optional<MediaRecord> find(String id) {
        return db.first(
                "SELECT json FROM media WHERE id = ?",
                ps -> ps.setString(1, id),
                rs -> Json.read(rs.getString(1), MediaRecord.class));
    }

    @Override
    public List<String> idsAfter(String after, int limit) {
        // media.id is COLLATE "C": the order the back-scan checkpoint compares in (Java's String order for hex).
        return db.list(
                "SELECT id FROM media WHERE id > ? ORDER BY id LIMIT ?",
                ps -> {
                    ps.setString(1, after);
                    ps.setInt(2, limit);
                },
                rs -> rs.getString(1));
    }

    @Override
    public long count() {
        return db.first("SELECT count(*) FROM media", ps -> {}, rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public List<MediaRecord> withStatus(MediaStatus status) {
        return db.list(
                "SELECT json FROM media WHERE status = ? ORDER BY id",
                ps -> ps.setString(1, status.name()),
                rs -> Json.read(rs.getString(1), MediaRecord.class));
    }

    @Override
    public UploadRecord addUpload(UploadRecord u) {
        return db.write(c -> PgSql.insertWithId(
                c,
                "uploads",
                List.of("media_id", "at", "external_id"),
                java.util.Arrays.asList(
                        u.mediaId(), PgSql.millis(u.at()), u.externalId().orElse(null)),
                id -> new UploadRecord(
                        id, u.mediaId(), u.at(), u.uploaderId(), u.externalId(), u.declaration(), u.decision())));
    }

    @Override
    public List<UploadRecord> uploads(String mediaId) {
        return db.list(
                "SELECT json FROM uploads WHERE media_id = ? ORDER BY id",
                ps -> ps.setString(1, mediaId),
                rs -> Json.read(rs.getString(1), UploadRecord.class));
    }

    @Override
    public Optional<String> mediaIdForExternalId(String externalId) {
        return db.first(
                "SELECT media_id FROM uploads WHERE external_id = ? ORDER BY id DESC",
                ps -> ps.setString(1, externalId),
                rs -> rs.getString(1));
    }
}
