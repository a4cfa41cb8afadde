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
 * instants from the JSON. Cases have no column for their receipt or event times, so every case is read
 * once per report: a report is made monthly, not per request, and the scan is left for an index when
 * volumes need one.
 */
final class SqliteReportSource implements ReportSource {
    private final SqliteDatabase db;

    SqliteReportSource(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public List<CaseFile> cases(Instant from, Instant to) {
        return db
                .list("SELECT json FROM cases ORDER BY id", ps -> {}, rs -> Json.read(rs.getString(1), CaseFile.class))
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
