package org.pramaan.store.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pramaan.detect.ReviewLabel;
import org.pramaan.detect.ReviewLabels;
import org.pramaan.json.Json;

/**
 * Reviewers' labels on model scores (issue 16), in {@code review_labels} (SQLite V18, PostgreSQL V8): the same SQL on
 * both stores.
 */
public final class JdbcReviewLabels implements ReviewLabels {
    private final Sql db;

    public JdbcReviewLabels(Sql db) {
        this.db = db;
    }

    @Override
    public void replaceForMedia(String mediaId, List<ReviewLabel> labels) {
        Set<String> keys = new HashSet<>();
        for (ReviewLabel l : labels) {
            if (!l.mediaId().equals(mediaId))
                throw new IllegalArgumentException("a label of media " + l.mediaId() + " among those of " + mediaId);
            if (!keys.add(l.key()))
                throw new IllegalArgumentException("two labels for " + l.modelId() + " " + l.modelVersion() + " "
                        + l.scope() + " of media " + mediaId);
        }
        db.write(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM review_labels WHERE media_id = ?")) {
                del.setString(1, mediaId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO review_labels (media_id, model_id, "
                    + "model_version, scope, labelled_ms, json) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (ReviewLabel l : labels) {
                    ins.setString(1, l.mediaId());
                    ins.setString(2, l.modelId());
                    ins.setString(3, l.modelVersion());
                    ins.setString(4, l.scope());
                    ins.setLong(5, l.labelledAt().toEpochMilli());
                    ins.setString(6, Json.write(l));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<ReviewLabel> forMedia(String mediaId) {
        return db.list(
                "SELECT json FROM review_labels WHERE media_id = ? ORDER BY model_id, model_version, scope",
                ps -> ps.setString(1, mediaId),
                rs -> Json.read(rs.getString(1), ReviewLabel.class));
    }

    @Override
    public List<ReviewLabel> forModel(String modelId, Optional<String> version, Optional<Instant> since, int limit) {
        // labelled_ms is floored; the exact instant decides on the boundary millisecond (filtered below).
        List<ReviewLabel> rows = db.list(
                // The cast types the parameter for PostgreSQL, which cannot infer an untyped NULL's type; SQLite
                // accepts it.
                "SELECT json FROM review_labels WHERE model_id = ? AND (CAST(? AS TEXT) IS NULL OR model_version = ?) "
                        + "AND labelled_ms >= ? ORDER BY labelled_ms, media_id, model_version, scope LIMIT ?",
                ps -> {
                    ps.setString(1, modelId);
                    ps.setString(2, version.orElse(null));
                    ps.setString(3, version.orElse(null));
                    ps.setLong(4, since.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE));
                    ps.setInt(5, limit);
                },
                rs -> Json.read(rs.getString(1), ReviewLabel.class));
        return rows.stream()
                .filter(l -> since.isEmpty() || !l.labelledAt().isBefore(since.get()))
                .sorted(java.util.Comparator.comparing(ReviewLabel::labelledAt)
                        .thenComparing(ReviewLabel::mediaId)
                        .thenComparing(ReviewLabel::modelVersion)
                        .thenComparing(ReviewLabel::scope))
                .limit(limit)
                .toList();
    }
}
