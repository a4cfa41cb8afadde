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
import org.pramaan.cases.CaseClock;
import org.pramaan.cases.CaseEvent;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.CaseState;
import org.pramaan.cases.NoticeFields;
import org.pramaan.cases.QueueQuery;

/** The SQLite queue beyond the port contract: rows saved before schema version 11, and the index it reads. */
class SqliteCaseQueueTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    @TempDir
    Path dir;

    private static CaseFile open(int n) {
        Instant due = T0.plus(Duration.ofMinutes(7L * (n % 9)));
        List<CaseEvent> events = new ArrayList<>();
        events.add(new CaseEvent.Opened(T0, Map.of("noticeType", "A")));
        if (n % 3 == 0) events.add(new CaseEvent.Assigned(T0, Map.of("assignee", "user:asha")));
        return new CaseFile(
                "C-" + n,
                n % 2 == 0 ? "A" : "B",
                n % 4 == 0 ? "EU" : "IN",
                "art",
                "a".repeat(64),
                T0,
                n % 5 == 0 ? Map.of(NoticeFields.TRUSTED_FLAGGER, "true") : Map.of(),
                List.of(new CaseClock("remove", "rule", T0, due, List.of(0.5), Optional.empty())),
                CaseState.OPEN,
                Optional.empty(),
                events,
                List.of(),
                n % 7 == 0,
                false);
    }

    private static QueueQuery query(
            Optional<String> jurisdiction, Optional<CaseQueue.Assignment> who, Optional<CaseQueue.State> state) {
        return new QueueQuery(
                jurisdiction,
                Optional.empty(),
                state,
                who,
                Optional.empty(),
                T0.plus(Duration.ofMinutes(30)),
                Map.of("A", 1, "B", 3),
                0,
                100);
    }

    /** A database migrated from version 10 has open cases without queue columns; they are derived before any query. */
    @Test
    void casesSavedBeforeVersion11AreQueuedOnceTheirColumnsAreDerived() throws Exception {
        List<QueueQuery> queries = List.of(
                query(Optional.empty(), Optional.empty(), Optional.empty()),
                query(Optional.of("in"), Optional.of(new CaseQueue.Assignment.Unassigned()), Optional.empty()),
                query(Optional.empty(), Optional.of(new CaseQueue.Assignment.To("user:asha")), Optional.empty()),
                query(Optional.of("EU"), Optional.empty(), Optional.of(CaseQueue.State.BREACHED)),
                query(Optional.empty(), Optional.empty(), Optional.of(CaseQueue.State.LEGAL_REVIEW)));
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            for (int n = 0; n < 40; n++) store.cases().save(open(n));
            // As version 11's ALTER TABLE leaves rows written by version 10.
            store.database()
                    .write(c -> c.createStatement()
                            .executeUpdate("UPDATE cases SET notice_type = NULL, jurisdiction_fold = NULL, "
                                    + "deadline_nano = NULL, trusted = NULL, assignee = NULL, legal_review = NULL, "
                                    + "awaiting_info = NULL, queue_ready = 0"));
        }
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            var repo = store.cases();
            List<CaseFile> all = repo.open();
            assertThat(all).hasSize(40);
            for (QueueQuery q : queries) {
                QueueQuery.Page want = q.page(all);
                assertThat(want.total())
                        .as("the reference finds cases for %s", q)
                        .isPositive();
                assertThat(repo.queue(q)).as("%s", q).isEqualTo(want);
            }
            assertThat(store.database()
                            .first("SELECT COUNT(*) FROM cases WHERE queue_ready = 0", ps -> {}, rs -> rs.getInt(1)))
                    .contains(0);
        }
    }

    /**
     * An unlimited listing (GET /v1/cases without limit) of more cases than SQLite binds in one statement is fetched in
     * chunks: with the limit at 999 (SQLite before 3.32) a single {@code rowid IN (...)} of 1,200 ids failed.
     */
    @Test
    void anUnlimitedListingLargerThanTheBindLimitIsFetchedInChunks() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            var repo = store.cases();
            for (int n = 0; n < 1_200; n++) repo.save(open(n));
            store.database().read(c -> {
                c.unwrap(org.sqlite.SQLiteConnection.class)
                        .setLimit(org.sqlite.SQLiteLimits.SQLITE_LIMIT_VARIABLE_NUMBER, 999);
                return null;
            });
            QueueQuery all = new QueueQuery(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    T0,
                    Map.of("A", 1, "B", 3),
                    0,
                    Integer.MAX_VALUE);
            QueueQuery.Page page = repo.queue(all);
            assertThat(page.total()).isEqualTo(1_200);
            assertThat(page.cases())
                    .containsExactlyElementsOf(all.page(repo.open()).cases());
        }
    }

    /** A page longer than {@link SqliteCaseQueue#BULK} is read in one scan and sorted in memory: the same answer. */
    @Test
    void aLongPageReadInOneScanEqualsTheReference() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            var repo = store.cases();
            int n = SqliteCaseQueue.BULK + 150;
            for (int i = 0; i < n; i++) repo.save(open(i));
            List<CaseFile> all = repo.open();
            for (int[] page : new int[][] {{0, Integer.MAX_VALUE}, {40, SqliteCaseQueue.BULK + 1}, {100, n}}) {
                QueueQuery q = new QueueQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        T0.plus(Duration.ofMinutes(30)),
                        Map.of("A", 1, "B", 3),
                        page[0],
                        page[1]);
                QueueQuery.Page want = q.page(all);
                assertThat(want.cases().size())
                        .as("the page takes the one-scan path")
                        .isGreaterThan(SqliteCaseQueue.BULK);
                assertThat(repo.queue(q))
                        .as("offset %d limit %d", page[0], page[1])
                        .isEqualTo(want);
            }
        }
    }

    /** The count and the page are read from the covering index: no full-row read of every open case's JSON. */
    @Test
    void countsAndOrdersFromTheCoveringIndex() throws Exception {
        try (EmbeddedStore store = EmbeddedStore.open(dir)) {
            for (int n = 0; n < 20; n++) store.cases().save(open(n));
            QueueQuery q = new QueueQuery(
                    Optional.of("in"),
                    Optional.of("A"),
                    Optional.of(CaseQueue.State.BREACHED),
                    Optional.of(new CaseQueue.Assignment.To("user:asha")),
                    Optional.of(T0.plusSeconds(3600)),
                    T0,
                    Map.of("A", 1, "B", 3),
                    0,
                    10);
            List<Object> args = new ArrayList<>();
            String where = SqliteCaseQueue.where(q, args);
            List<Object> orderArgs = new ArrayList<>();
            String order = SqliteCaseQueue.orderBy(q, orderArgs);
            assertThat(plan(store, "SELECT COUNT(*) FROM cases" + where, args, List.of()))
                    .contains("COVERING INDEX cases_queue");
            String page = plan(store, "SELECT rowid FROM cases" + where + order, args, orderArgs);
            assertThat(page).contains("COVERING INDEX cases_queue");
        }
    }

    private static String plan(EmbeddedStore store, String sql, List<Object> args, List<Object> more) {
        return store.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                int i = SqliteCaseQueue.bind(ps, args, 1);
                SqliteCaseQueue.bind(ps, more, i);
                StringBuilder b = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) b.append(rs.getString(4)).append('\n');
                }
                return b.toString();
            }
        });
    }
}
