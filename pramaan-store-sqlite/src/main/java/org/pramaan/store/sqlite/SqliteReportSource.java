package org.pramaan.store.sqlite;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.pramaan.cases.CaseFile;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.UploadRecord;
import org.pramaan.json.Json;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;
import org.pramaan.reports.ReportSource;

/**
 * {@link ReportSource} on the embedded database. Uploads are narrowed by their epoch-millisecond column
 * and generations by {@code julianday} (both about a millisecond coarse), then checked against the exact
 * instants from the JSON. Cases are narrowed by their receipt and latest-touch columns (schema 16): only
 * cases received before the period's end and either touched in or after it (the {@code cases_by_touched}
 * index) or still open are read, so history that ended before the period is never parsed.
 */
final class SqliteReportSource implements ReportSource {
    /**
     * A superset of {@link ReportSource#touches} from the floored millisecond columns (an instant at or after
     * {@code from} floors to at least {@code from}'s millisecond; one before {@code to} to at most {@code to}'s), as a
     * union of two index lookups so neither side scans the table ({@code UNION ALL}: a plain UNION is merged in rowid
     * order, for which SQLite scans the table instead; {@code IN} drops the duplicates anyway).
     */
    static final String CASES_IN_PERIOD = "SELECT json FROM cases WHERE rowid IN ("
            + "SELECT rowid FROM cases WHERE touched_ms >= ? UNION ALL SELECT rowid FROM cases WHERE state = ?)"
            + " AND received_ms <= ? ORDER BY id";

    private final SqliteDatabase db;

    SqliteReportSource(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<CaseFile> cases(Instant from, Instant to) {
        SqliteCaseRepository.deriveColumns(db); // rows from before schema 16 have no report columns yet
        return db
                .list(
                        CASES_IN_PERIOD,
                        ps -> {
                            ps.setLong(1, from.toEpochMilli());
                            ps.setString(2, org.pramaan.cases.CaseState.OPEN.name());
                            ps.setLong(3, to.toEpochMilli());
                        },
                        rs -> Json.read(rs.getString(1), CaseFile.class))
                .stream()
                .filter(c -> ReportSource.touches(c, from, to))
                .toList();
    }

    @Override
    public List<ScreenedUpload> uploads(Instant from, Instant to) {
        return db
                .list(
                        "SELECT u.json, m.json FROM uploads u JOIN media m ON m.id = u.media_id"
                                + " WHERE u.at >= ? AND u.at <= ? ORDER BY u.id",
                        ps -> {
                            ps.setLong(1, from.toEpochMilli());
                            ps.setLong(2, to.toEpochMilli());
                        },
                        rs -> new ScreenedUpload(
                                Json.read(rs.getString(1), UploadRecord.class),
                                Json.read(rs.getString(2), MediaRecord.class)))
                .stream()
                .filter(u -> !u.upload().at().isBefore(from) && u.upload().at().isBefore(to))
                .toList();
    }

    @Override
    public List<GenerationRecord> generations(Instant from, Instant to) {
        return db
                .list(
                        "SELECT json FROM generations WHERE julianday(created_at) >= julianday(?) - 1"
                                + " AND julianday(created_at) <= julianday(?) + 1",
                        ps -> {
                            ps.setString(1, from.toString());
                            ps.setString(2, to.toString());
                        },
                        rs -> Json.read(rs.getString(1), GenerationRecord.class))
                .stream()
                .filter(g -> !g.createdAt().isBefore(from) && g.createdAt().isBefore(to))
                .sorted(Comparator.comparing(GenerationRecord::createdAt).thenComparing(GenerationRecord::id))
                .toList();
    }

    @Override
    public List<Delivery> statementSubmissions(Instant from, Instant to) {
        // Outbox ids start with the channel's name (Delivery.pending), so the prefix selects the database's messages.
        String prefix = Channel.TRANSPARENCY_DB.name().toLowerCase(java.util.Locale.ROOT) + ":";
        return db
                .list(
                        "SELECT json FROM deliveries WHERE substr(id, 1, ?) = ? ORDER BY seq",
                        ps -> {
                            ps.setInt(1, prefix.length());
                            ps.setString(2, prefix);
                        },
                        rs -> Json.read(rs.getString(1), Delivery.class))
                .stream()
                .filter(d -> d.channel() == Channel.TRANSPARENCY_DB)
                .filter(d -> !d.createdAt().isBefore(from) && d.createdAt().isBefore(to))
                .sorted(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id))
                .toList();
    }
}
