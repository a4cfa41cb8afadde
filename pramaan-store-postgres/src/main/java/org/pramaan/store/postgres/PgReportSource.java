package org.pramaan.store.postgres;

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
 * {@link ReportSource} on PostgreSQL, as {@code SqliteReportSource} on the embedded database. Uploads are narrowed
 * by their epoch-millisecond column and generations by their ISO-8601 text a day either side (text order is time
 * order except within one second, where fractions sort before 'Z'), then checked against the exact instants from
 * the JSON. Cases have no column for their receipt or event times, so every case is read
 * once per report: a report is made monthly, not per request, and the scan is left for an index when
 * volumes need one.
 */
final class PgReportSource implements ReportSource {
    private final PostgresDatabase db;

    PgReportSource(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public List<CaseFile> cases(Instant from, Instant to) {
        // A superset of touches() from the floored millisecond columns (schema 3) and their indexes; the exact
        // check below confirms each.
        return db
                .list(
                        "SELECT json FROM cases WHERE received_ms <= ? AND (touched_ms >= ? OR state = ?) ORDER BY id",
                        ps -> {
                            ps.setLong(1, PgSql.millis(to));
                            ps.setLong(2, PgSql.millis(from));
                            ps.setString(3, org.pramaan.cases.CaseState.OPEN.name());
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
                        "SELECT json FROM generations WHERE created_at >= ? AND created_at <= ?",
                        ps -> {
                            ps.setString(
                                    1, from.minus(java.time.Duration.ofDays(1)).toString());
                            ps.setString(
                                    2, to.plus(java.time.Duration.ofDays(1)).toString());
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
