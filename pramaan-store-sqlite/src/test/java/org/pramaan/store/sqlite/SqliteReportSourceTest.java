package org.pramaan.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseState;
import org.pramaan.reports.ReportSource;

/**
 * The SQLite report source beyond the port contract (issue 17): a monthly report reads the cases that can count in
 * its period through the schema-16 columns and their index, not every case ever received, and rows written before
 * schema 16 get those columns before any report reads them.
 */
class SqliteReportSourceTest {
    static final Instant FROM = Instant.parse("2026-10-31T18:30:00Z");
    static final Instant TO = Instant.parse("2026-11-30T18:30:00Z");

    @TempDir
    Path dir;

    private static CaseFile settled(String id, Instant received, Instant actedAt, boolean closed) {
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent.Opened(received, Map.of("noticeType", "A")));
        if (closed) events.add(new CaseEvent.ActionTaken(actedAt, Map.of("action", "REMOVE")));
        return new CaseFile(
                id,
                "A",
                "IN",
                "art",
                "a".repeat(64),
                received,
                Map.of(),
                List.of(new CaseClock(
                        "remove",
                        "rule",
                        received,
                        received.plus(Duration.ofHours(2)),
                        List.of(0.5),
                        closed ? Optional.of(actedAt) : Optional.empty())),
                closed ? CaseState.CLOSED : CaseState.OPEN,
                closed ? Optional.of(CaseAction.REMOVE) : Optional.empty(),
                events,
                List.of(),
                false,
                false);
    }

    /** 3,000 cases settled a year before, a few that count: the report's query reads through indexes only. */
    @Test
    void aMonthlyReportReadsOnlyTheCasesThatCanCountThroughItsIndexes() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            Instant longAgo = FROM.minus(Duration.ofDays(365));
            for (int n = 0; n < 3_000; n++) {
                Instant r = longAgo.plusSeconds(60L * n);
                store.cases().save(settled(String.format("OLD-%05d", n), r, r.plusSeconds(600), true));
            }
            store.cases().save(settled("IN-PERIOD", FROM.plusSeconds(3600), FROM.plusSeconds(7200), true));
            store.cases().save(settled("OPEN-OLD", longAgo, longAgo, false));
            store.cases().save(settled("ACTED-IN-PERIOD", longAgo, FROM.plusNanos(1), true));
            store.cases().save(settled("ACTED-JUST-BEFORE", longAgo, FROM.minusNanos(1), true));
            store.cases().save(settled("AFTER", TO, TO.plusSeconds(5), true));

            assertThat(store.reports().cases(FROM, TO).stream().map(CaseFile::id))
                    .containsExactly("ACTED-IN-PERIOD", "IN-PERIOD", "OPEN-OLD");

            List<String> plan = plan(store, SqliteReportSource.CASES_IN_PERIOD);
            assertThat(plan).as("%s", plan).anyMatch(l -> l.contains("cases_by_touched"));
            assertThat(plan).as("no step reads the whole cases table: %s", plan).noneMatch(l -> l.equals("SCAN cases"));
            long candidates = store.database()
                    .first(
                            "SELECT COUNT(*) FROM cases WHERE rowid IN (SELECT rowid FROM cases WHERE touched_ms >= ?"
                                    + " UNION ALL SELECT rowid FROM cases WHERE state = ?) AND received_ms <= ?",
                            ps -> {
                                ps.setLong(1, FROM.toEpochMilli());
                                ps.setString(2, CaseState.OPEN.name());
                                ps.setLong(3, TO.toEpochMilli());
                            },
                            rs -> rs.getLong(1))
                    .orElseThrow();
            assertThat(candidates)
                    .as("rows parsed: the three that count and the one in the boundary millisecond, not 3,005")
                    .isEqualTo(4);
        }
    }

    /** A database migrated from schema 15 has no report columns: they are derived when the store opens. */
    @Test
    void casesSavedBeforeSchema16CountOnceTheirColumnsAreDerived() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            store.cases().save(settled("IN-PERIOD", FROM.plusSeconds(3600), FROM.plusSeconds(7200), true));
            store.cases().save(settled("ACTED-IN-PERIOD", FROM.minusSeconds(86_400), FROM.plusSeconds(1), true));
            store.cases().save(settled("BEFORE", FROM.minusSeconds(86_400), FROM.minusSeconds(1), true));
            store.database()
                    .write(c -> c.createStatement()
                            .executeUpdate("UPDATE cases SET received_ms = NULL, touched_ms = NULL, queue_ready = 0"));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            ReportSource reports = store.reports();
            assertThat(reports.cases(FROM, TO).stream().map(CaseFile::id))
                    .containsExactly("ACTED-IN-PERIOD", "IN-PERIOD");
            assertThat(store.database()
                            .first("SELECT COUNT(*) FROM cases WHERE touched_ms IS NULL", ps -> {}, rs -> rs.getInt(1)))
                    .contains(0);
        }
    }

    private static List<String> plan(EmbeddedStore store, String sql) throws Exception {
        return store.database().read(c -> {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                ps.setLong(1, 0);
                ps.setString(2, "OPEN");
                ps.setLong(3, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) lines.add(rs.getString("detail"));
                }
            }
            return lines;
        });
    }
}
