package org.pramaan.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.NoticeFields;
import org.pramaan.cases.QueueQuery;
import org.pramaan.json.Json;

/**
 * The open-case queue answered in SQL from the {@code cases_queue} index: the filters, the count and the order read
 * only indexed columns and only the page's JSON is parsed (as the embedded store's schema version 11 does). Each
 * filter and sort key matches {@link QueueQuery#matches} and {@link QueueQuery#order} exactly: deadlines compare as
 * (floor millisecond, nanosecond within it); the jurisdiction compares folded ({@link QueueQuery#fold}).
 */
final class PgCaseQueue {
    /** Floor-millisecond bucket of {@link QueueQuery#BUCKET_SECONDS}. */
    private static final long BUCKET_MILLIS = QueueQuery.BUCKET_SECONDS * 1000;

    private PgCaseQueue() {}

    /** The queue columns of {@code c}, bound from parameter {@code i} on: 7 values. */
    static int bindColumns(PreparedStatement ps, int i, CaseFile c) throws SQLException {
        ps.setString(i++, c.noticeType());
        ps.setString(i++, QueueQuery.fold(c.jurisdiction()));
        if (c.nextDeadline().isPresent()) ps.setLong(i++, c.nextDeadline().get().getNano() % 1_000_000);
        else ps.setNull(i++, java.sql.Types.BIGINT);
        ps.setInt(i++, NoticeFields.trustedFlagger(c) ? 1 : 0);
        if (c.assignee().isPresent()) ps.setString(i++, c.assignee().get());
        else ps.setNull(i++, java.sql.Types.VARCHAR);
        ps.setInt(i++, c.legalReview() ? 1 : 0);
        ps.setInt(i++, c.awaitingInformation() ? 1 : 0);
        // The report columns (schema 3): receipt, and the latest of receipt and every event.
        java.time.Instant touched = c.receivedAt();
        for (org.pramaan.cases.CaseEvent e : c.events()) if (e.at().isAfter(touched)) touched = e.at();
        ps.setLong(i++, PgSql.millis(c.receivedAt()));
        ps.setLong(i++, PgSql.millis(touched));
        return i;
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
        List<Object> orderArgs = new ArrayList<>();
        String order = orderBy(q, orderArgs);
        List<CaseFile> page = new ArrayList<>();
        try (PreparedStatement ps =
                conn.prepareStatement("SELECT json FROM cases" + where + order + " LIMIT ? OFFSET ?")) {
            int i = bind(ps, args, 1);
            i = bind(ps, orderArgs, i);
            ps.setLong(i++, q.limit());
            ps.setLong(i, q.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) page.add(Json.read(rs.getString(1), CaseFile.class));
            }
        }
        return new QueueQuery.Page(page, total);
    }

    private static String where(QueueQuery q, List<Object> args) {
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
    private static String orderBy(QueueQuery q, List<Object> args) {
        StringBuilder severity = new StringBuilder();
        if (q.severities().isEmpty()) severity.append(QueueQuery.DEFAULT_SEVERITY);
        else {
            severity.append("CASE notice_type");
            q.severities().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> {
                        severity.append(" WHEN ? THEN ?");
                        args.add(e.getKey());
                        args.add(e.getValue().longValue());
                    });
            severity.append(" ELSE ").append(QueueQuery.DEFAULT_SEVERITY).append(" END");
        }
        // Integer division truncates towards zero in PostgreSQL as in SQLite; negative deadlines are floored by hand.
        return " ORDER BY next_deadline IS NULL, CASE WHEN next_deadline >= 0 THEN next_deadline / " + BUCKET_MILLIS
                + " ELSE (next_deadline + 1) / " + BUCKET_MILLIS + " - 1 END, " + severity
                + ", trusted DESC, next_deadline, deadline_nano, id";
    }

    /** An instant as (floor epoch millisecond, nanosecond within it), as deadlines are stored. */
    private static long[] millisAndNano(Instant t) {
        try {
            return new long[] {t.toEpochMilli(), t.getNano() % 1_000_000};
        } catch (ArithmeticException e) {
            return t.getEpochSecond() > 0 ? new long[] {Long.MAX_VALUE, 1_000_000} : new long[] {Long.MIN_VALUE, -1};
        }
    }

    private static int bind(PreparedStatement ps, List<Object> args, int from) throws SQLException {
        int i = from;
        for (Object a : args) {
            if (a instanceof Long l) ps.setLong(i++, l);
            else ps.setString(i++, (String) a);
        }
        return i;
    }
}
