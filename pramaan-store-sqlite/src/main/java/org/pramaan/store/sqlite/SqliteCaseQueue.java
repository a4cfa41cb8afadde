package org.pramaan.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.NoticeFields;
import org.pramaan.cases.QueueQuery;
import org.pramaan.json.Json;

/**
 * The open-case queue answered from the {@code cases_queue} covering index (schema version 11): the filters, the
 * count and the order read only indexed columns, and only the page's rows are fetched and parsed. Parsing every open
 * case's JSON to sort it in memory was nearly all of the queue page's 201 ms at p95 with 10,000 open cases.
 *
 * <p>Each filter and sort key matches {@link QueueQuery#matches} and {@link QueueQuery#order} exactly: deadlines are
 * compared as (floor millisecond, nanosecond within it), so sub-millisecond deadlines order and breach as the
 * {@link Instant}s do; the jurisdiction is compared folded ({@link QueueQuery#fold}).
 */
final class SqliteCaseQueue {
    /** Floor-millisecond bucket of {@link QueueQuery#BUCKET_SECONDS}, rounded down for instants before the epoch too. */
    private static final long BUCKET_MILLIS = QueueQuery.BUCKET_SECONDS * 1000;

    private SqliteCaseQueue() {}

    /** Writes the queue columns of {@code c}'s row (already saved). */
    static int setColumns(Connection conn, CaseFile c) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE cases SET notice_type = ?, jurisdiction_fold = ?, deadline_nano = ?, trusted = ?, assignee = ?, "
                        + "legal_review = ?, awaiting_info = ?, received_ms = ?, touched_ms = ?, queue_ready = 1 WHERE id = ?")) {
            ps.setString(1, c.noticeType());
            ps.setString(2, QueueQuery.fold(c.jurisdiction()));
            Optional<Instant> deadline = c.nextDeadline();
            if (deadline.isPresent()) ps.setLong(3, deadline.get().getNano() % 1_000_000);
            else ps.setNull(3, Types.BIGINT);
            ps.setInt(4, NoticeFields.trustedFlagger(c) ? 1 : 0);
            Optional<String> assignee = c.assignee();
            if (assignee.isPresent()) ps.setString(5, assignee.get());
            else ps.setNull(5, Types.VARCHAR);
            ps.setInt(6, c.legalReview() ? 1 : 0);
            ps.setInt(7, c.awaitingInformation() ? 1 : 0);
            // The report columns (schema 16): receipt, and the latest of receipt and every event.
            Instant touched = c.receivedAt();
            for (org.pramaan.cases.CaseEvent e : c.events()) if (e.at().isAfter(touched)) touched = e.at();
            ps.setLong(8, c.receivedAt().toEpochMilli());
            ps.setLong(9, touched.toEpochMilli());
            ps.setString(10, c.id());
            return ps.executeUpdate();
        }
    }

    static QueueQuery.Page page(Connection conn, QueueQuery q) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        int total;
        try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM cases" + where)) {
            bind(ps, args, 1);
            try (ResultSet rs = ps.executeQuery()) {
                total = rs.next() ? rs.getInt(1) : 0;
            }
        }
        if (total == 0 || q.limit() == 0 || q.offset() >= total) return new QueueQuery.Page(List.of(), total);
        if (Math.min(q.limit(), total - q.offset()) > BULK) return bulk(conn, q, where, args);
        List<Long> rowids = new ArrayList<>();
        List<Object> orderArgs = new ArrayList<>();
        String order = orderBy(q, orderArgs);
        try (PreparedStatement ps =
                conn.prepareStatement("SELECT rowid FROM cases" + where + order + " LIMIT ? OFFSET ?")) {
            int i = bind(ps, args, 1);
            i = bind(ps, orderArgs, i);
            ps.setInt(i++, q.limit());
            ps.setInt(i, q.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rowids.add(rs.getLong(1));
            }
        }
        return new QueueQuery.Page(fetch(conn, rowids), total);
    }

    /**
     * Pages longer than this (an unlimited GET /v1/cases, the CLI's list) read the matching rows in one scan and sort
     * them in memory, as before issue 13's paging: fetching thousands of rows one by one by rowid cost more than the
     * scan. Shorter pages (the console's 100) are ordered in the index and fetched by rowid.
     */
    static final int BULK = 2_000;

    /** Every matching case in one scan, ordered in memory by {@link QueueQuery#order}, then cut to the page. */
    private static QueueQuery.Page bulk(Connection conn, QueueQuery q, String where, List<Object> args)
            throws SQLException {
        List<CaseFile> all = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT json FROM cases" + where)) {
            bind(ps, args, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) all.add(Json.read(rs.getString(1), CaseFile.class));
            }
        }
        all.sort(q.order());
        int to = (int) Math.min((long) q.offset() + q.limit(), all.size());
        return new QueueQuery.Page(all.subList(Math.min(q.offset(), all.size()), to), all.size());
    }

    /**
     * Rowids per statement when fetching a page: well under SQLite's bound-parameter limit (32,766 since 3.32, 999
     * before), so an unlimited API listing of any size is fetched in chunks.
     */
    static final int FETCH_CHUNK = 500;

    /** The page's cases by rowid, in the order the rowids came. */
    private static List<CaseFile> fetch(Connection conn, List<Long> rowids) throws SQLException {
        Map<Long, CaseFile> byRow = new HashMap<>();
        for (int from = 0; from < rowids.size(); from += FETCH_CHUNK) {
            List<Long> chunk = rowids.subList(from, Math.min(rowids.size(), from + FETCH_CHUNK));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps =
                    conn.prepareStatement("SELECT rowid, json FROM cases WHERE rowid IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) ps.setLong(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) byRow.put(rs.getLong(1), Json.read(rs.getString(2), CaseFile.class));
                }
            }
        }
        List<CaseFile> out = new ArrayList<>(rowids.size());
        for (Long r : rowids) out.add(byRow.get(r));
        return out;
    }

    static String where(QueueQuery q, List<Object> args) {
        StringBuilder w = new StringBuilder(" WHERE state = ?");
        args.add(CaseState.OPEN.name());
        if (q.jurisdiction().isPresent()) {
            w.append(" AND jurisdiction_fold = ?");
            args.add(QueueQuery.fold(q.jurisdiction().get()));
        }
        if (q.noticeType().isPresent()) {
            w.append(" AND notice_type = ?");
            args.add(q.noticeType().get());
        }
        if (q.dueBy().isPresent()) {
            // A running clock due at or before dueBy: (ms, nano) <= (ms, nano).
            long[] by = millisAndNano(q.dueBy().get());
            w.append(" AND (next_deadline < ? OR (next_deadline = ? AND deadline_nano <= ?))");
            args.add(by[0]);
            args.add(by[0]);
            args.add(by[1]);
        }
        if (q.state().isPresent()) {
            switch (q.state().get()) {
                case LEGAL_REVIEW -> w.append(" AND legal_review = 1");
                case AWAITING_INFORMATION -> w.append(" AND awaiting_info = 1");
                case BREACHED -> {
                    // Some running clock's deadline is before now, i.e. the earliest one is (CaseClock#breachedBy).
                    long[] now = millisAndNano(q.now());
                    w.append(" AND (next_deadline < ? OR (next_deadline = ? AND deadline_nano < ?))");
                    args.add(now[0]);
                    args.add(now[0]);
                    args.add(now[1]);
                }
            }
        }
        if (q.assigned().isPresent()) {
            switch (q.assigned().get()) {
                case CaseQueue.Assignment.Unassigned u -> w.append(" AND assignee IS NULL");
                case CaseQueue.Assignment.To t -> {
                    w.append(" AND assignee = ?");
                    args.add(t.person());
                }
                case CaseQueue.Assignment.ToMe m -> throw new IllegalStateException("refused by QueueQuery");
            }
        }
        return w.toString();
    }

    /** {@link QueueQuery#order}: bucket (none last), severity, trusted first, exact deadline, id. */
    static String orderBy(QueueQuery q, List<Object> args) {
        StringBuilder severity = new StringBuilder();
        if (q.severities().isEmpty()) severity.append(QueueQuery.DEFAULT_SEVERITY);
        else {
            severity.append("CASE notice_type");
            // Sorted so the statement text is the same for the same packs (SQLite's statement cache).
            q.severities().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> {
                        severity.append(" WHEN ? THEN ?");
                        args.add(e.getKey());
                        args.add(e.getValue().longValue());
                    });
            severity.append(" ELSE ").append(QueueQuery.DEFAULT_SEVERITY).append(" END");
        }
        return " ORDER BY next_deadline IS NULL, CASE WHEN next_deadline >= 0 THEN next_deadline / " + BUCKET_MILLIS
                + " ELSE (next_deadline + 1) / " + BUCKET_MILLIS + " - 1 END, " + severity
                + ", trusted DESC, next_deadline, deadline_nano, id";
    }

    /**
     * An instant as (floor epoch millisecond, nanosecond within it), as deadlines are stored. Instants beyond the
     * millisecond range (every stored deadline is within it) compare after, or before, every stored one.
     */
    private static long[] millisAndNano(Instant t) {
        try {
            return new long[] {t.toEpochMilli(), t.getNano() % 1_000_000};
        } catch (ArithmeticException e) {
            return t.getEpochSecond() > 0 ? new long[] {Long.MAX_VALUE, 1_000_000} : new long[] {Long.MIN_VALUE, -1};
        }
    }

    static int bind(PreparedStatement ps, List<Object> args, int from) throws SQLException {
        int i = from;
        for (Object a : args) {
            if (a instanceof Long l) ps.setLong(i++, l);
            else ps.setString(i++, (String) a);
        }
        return i;
    }
}
