package org.pramaan.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.audit.AuditEntry;
import org.pramaan.notify.Channel;
import org.pramaan.notify.Delivery;

/** What the PostgreSQL store adds beyond the port contracts: several nodes at once, guards, start-up errors. */
class PostgresStoreTest {
    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private static void sql(PostgresStore store, String statement) {
        store.database().write(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute(statement);
            }
        });
    }

    @Test
    void nodesStartingTogetherMigrateTheSchemaOnceAndAllOpenIt() throws Exception {
        PostgresSettings settings = PostgresTestServer.settingsFor(dir);
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PostgresStore>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++)
                opened.add(nodes.submit(() -> {
                    go.await();
                    return PostgresStore.open(settings, dir, org.pramaan.adapters.Decoders.none());
                }));
            go.countDown();
            List<PostgresStore> stores = new ArrayList<>();
            for (Future<PostgresStore> f : opened) stores.add(f.get(60, TimeUnit.SECONDS));
            for (PostgresStore s : stores) {
                assertThat(s.schemaVersion()).isEqualTo(Migrations.FILES.size());
                assertThat(s.restoredGuards()).isEmpty();
            }
            assertThat(stores.get(0)
                            .database()
                            .first("SELECT COUNT(*) FROM schema_version", ps -> {}, rs -> rs.getInt(1)))
                    .as("each migration recorded once")
                    .contains(Migrations.FILES.size());
            stores.forEach(PostgresStore::close);
        } finally {
            nodes.shutdownNow();
        }
    }

    /**
     * Issue 15: nodes starting together on an empty database each register the configured admin key. Each finds no key
     * and inserts it; the unique digest lets one insert win. The others must take the winner's key, not fail to start.
     */
    @Test
    void nodesRegisteringTheSameAdminKeyAtOnceAllGetTheOneKey() throws Exception {
        PostgresSettings settings = PostgresTestServer.settingsFor(dir);
        List<PostgresStore> stores = new ArrayList<>();
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 3; i++)
                stores.add(PostgresStore.open(settings, dir, org.pramaan.adapters.Decoders.none()));
            java.time.Clock clock = java.time.Clock.systemUTC();
            List<org.pramaan.access.ApiKeys> keys = stores.stream()
                    .map(s -> new org.pramaan.access.ApiKeys(
                            s.apiKeys(), new org.pramaan.audit.AuditLog(s.audit(), clock, s.unitOfWork()), clock))
                    .toList();
            for (int round = 0; round < 15; round++) {
                String secret = "configured-admin-key-round-" + round + "-0123456789";
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(keys.size());
                List<Future<String>> ids = new ArrayList<>();
                for (org.pramaan.access.ApiKeys k : keys)
                    ids.add(nodes.submit(() -> {
                        together.await();
                        return k.register(org.pramaan.access.Role.ADMIN, "configured admin key", secret)
                                .key()
                                .id();
                    }));
                java.util.Set<String> distinct = new java.util.HashSet<>();
                for (Future<String> f : ids) distinct.add(f.get(60, TimeUnit.SECONDS));
                assertThat(distinct)
                        .as("round %d: every node holds the same key", round)
                        .hasSize(1);
            }
            assertThat(stores.get(0).apiKeys().all()).hasSize(15);
            assertThat(stores.get(0)
                            .database()
                            .first(
                                    "SELECT COUNT(*) FROM audit_log WHERE type = 'key.created'",
                                    ps -> {},
                                    rs -> rs.getInt(1)))
                    .as("one key.created per key: the losers' units rolled back")
                    .contains(15);
        } finally {
            nodes.shutdownNow();
            stores.forEach(PostgresStore::close);
        }
    }

    @Test
    void aSchemaMigratedByANewerBuildIsRefusedNamingBothVersions() {
        try (PostgresStore store = PostgresTestServer.open(dir)) {
            sql(store, "INSERT INTO schema_version(version, name) VALUES (99, 'V99__future.sql')");
        }
        assertThatThrownBy(() -> PostgresTestServer.open(dir))
                .isInstanceOf(PostgresStoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("(" + Migrations.FILES.size() + ")");
    }

    @Test
    void theAuditLogRefusesUpdateDeleteAndTruncate() {
        try (PostgresStore store = PostgresTestServer.open(dir)) {
            store.audit().append(new AuditEntry(1, T0, "t", "s", "{}", "0".repeat(64), "1".repeat(64)));
            for (String change : List.of(
                    "UPDATE audit_log SET details = '{\"forged\":1}'",
                    "DELETE FROM audit_log",
                    "TRUNCATE audit_log",
                    "DELETE FROM audit_head",
                    "UPDATE audit_head SET seq = 5")) {
                assertThatThrownBy(() -> sql(store, change))
                        .as(change)
                        .isInstanceOf(PostgresStoreException.class)
                        .hasMessageContaining("audit_");
            }
            assertThat(store.audit().last().orElseThrow().details()).isEqualTo("{}");
        }
    }

    @Test
    void tamperedGuardsArePutBackAtOpenAndReported() {
        try (PostgresStore store = PostgresTestServer.open(dir)) {
            sql(store, "DROP TRIGGER audit_log_no_delete ON audit_log");
            sql(store, "ALTER TABLE audit_head DISABLE TRIGGER audit_head_no_delete");
            sql(store, "CREATE FUNCTION quiet() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$");
            sql(store, "CREATE TRIGGER swallow BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION quiet()");
            sql(
                    store,
                    "CREATE OR REPLACE FUNCTION pramaan_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$");
        }
        try (PostgresStore store = PostgresTestServer.open(dir)) {
            assertThat(store.restoredGuards())
                    .containsExactlyInAnyOrder(
                            "pramaan_refuse (altered)",
                            "swallow (unexpected, removed)",
                            "audit_log_no_delete (missing)",
                            "audit_head_no_delete (disabled)");
            store.audit().append(new AuditEntry(1, T0, "t", "s", "{}", "0".repeat(64), "1".repeat(64)));
            assertThat(store.audit().last()).as("inserts reach the log again").isPresent();
            assertThatThrownBy(() -> sql(store, "DELETE FROM audit_log"))
                    .hasMessageContaining("audit_log is append-only");
        }
        try (PostgresStore store = PostgresTestServer.open(dir)) {
            assertThat(store.restoredGuards()).as("nothing left to restore").isEmpty();
        }
    }

    private static Delivery message(String event) {
        return Delivery.pending(
                event, "platform", Channel.WEBHOOK, "http://127.0.0.1:1/hook", "IN-1", "case.opened", "", "{}", T0);
    }

    @Test
    void dueMessagesClaimedInOneUnitAreSkippedByAnotherNodeUntilItCommits() throws Exception {
        try (PostgresStore a = PostgresTestServer.open(dir);
                PostgresStore b = PostgresTestServer.open(dir)) {
            a.deliveries().enqueue(message("e1"));
            a.deliveries().enqueue(message("e2"));
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<List<String>> first =
                    CompletableFuture.supplyAsync(() -> a.unitOfWork().run(() -> {
                        List<String> ids = a.deliveries().due(T0, 1).stream()
                                .map(Delivery::id)
                                .toList();
                        claimed.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return ids;
                    }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
            List<String> second = b.unitOfWork()
                    .run(() -> b.deliveries().due(T0, 10).stream()
                            .map(Delivery::id)
                            .toList());
            release.countDown();
            List<String> firstIds = first.get(30, TimeUnit.SECONDS);
            assertThat(firstIds).hasSize(1);
            assertThat(second)
                    .as("the other node's claim is skipped")
                    .hasSize(1)
                    .doesNotContainAnyElementsOf(firstIds);
            assertThat(b.deliveries().due(T0, 10))
                    .as("outside a unit nothing is claimed; after the commit both are due again")
                    .hasSize(2);
        }
    }

    @Test
    void anUnreachableServerIsNamedWithHostAndPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        PostgresSettings settings = new PostgresSettings(
                "jdbc:postgresql://127.0.0.1:" + port + "/pramaan",
                "pramaan",
                "secret-pw",
                2,
                java.time.Duration.ofSeconds(2));
        assertThatThrownBy(() -> PostgresStore.open(settings, dir, org.pramaan.adapters.Decoders.none()))
                .isInstanceOfSatisfying(
                        PostgresUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PostgresUnavailableException.Reason.UNREACHABLE))
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("unreachable")
                .hasMessageNotContaining("secret-pw");
    }

    @Test
    void aRefusedUserIsNamed() {
        // zonky's server trusts local connections, so a role that does not exist is the refusal it can show.
        PostgresSettings settings = new PostgresSettings(PostgresTestServer.url(), "no_such_role", "wrong");
        assertThatThrownBy(() -> PostgresStore.open(settings, dir, org.pramaan.adapters.Decoders.none()))
                .isInstanceOfSatisfying(
                        PostgresUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PostgresUnavailableException.Reason.AUTHENTICATION))
                .hasMessageContaining("refused user 'no_such_role'")
                .hasMessageContaining("store.postgres.user");
    }

    @Test
    void aMissingDatabaseIsNamed() {
        String url = PostgresTestServer.url().replace("/postgres", "/pramaan_missing");
        PostgresSettings settings = new PostgresSettings(url, "postgres", "");
        assertThatThrownBy(() -> PostgresStore.open(settings, dir, org.pramaan.adapters.Decoders.none()))
                .isInstanceOfSatisfying(
                        PostgresUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PostgresUnavailableException.Reason.NO_DATABASE))
                .hasMessageContaining("no database 'pramaan_missing'");
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new PostgresSettings("jdbc:mysql://x/y", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("store.postgres.url 'jdbc:mysql://x/y'");
        assertThat(new PostgresSettings("jdbc:postgresql://db.example/pramaan?ssl=true", "u", "p").describe())
                .isEqualTo("database 'pramaan' on db.example:5432 as user 'u'");
    }

    /**
     * Schema 3's backfill (issue 17): rows saved before it get their report columns from their JSON, received_ms one
     * millisecond early and touched_ms the latest of receipt and events, so a report still finds them.
     */
    @Test
    void reportColumnsOfRowsSavedBeforeSchema3AreFilledFromTheirJson() throws Exception {
        Instant received = Instant.parse("2026-11-02T03:04:05.123456789Z");
        Instant acted = Instant.parse("2026-11-20T00:00:00.000999Z");
        org.pramaan.cases.CaseFile c = new org.pramaan.cases.CaseFile(
                "BACKFILL-1",
                "A",
                "IN",
                "art",
                "a".repeat(64),
                received,
                java.util.Map.of(),
                List.of(),
                org.pramaan.cases.CaseState.CLOSED,
                java.util.Optional.of(org.pramaan.cases.CaseAction.REMOVE),
                List.of(
                        new org.pramaan.cases.CaseEvent.Opened(received, java.util.Map.of("noticeType", "A")),
                        new org.pramaan.cases.CaseEvent.ActionTaken(acted, java.util.Map.of("action", "REMOVE"))),
                List.of(),
                false,
                false);
        try (PostgresStore store = PostgresTestServer.open(dir)) {
            sql(store, "DELETE FROM cases WHERE id = 'BACKFILL-1'");
            store.cases().save(c);
            sql(store, "UPDATE cases SET received_ms = NULL, touched_ms = NULL WHERE id = 'BACKFILL-1'");
            String v3 = new String(
                    PostgresStoreTest.class
                            .getResourceAsStream("/db/postgres/V3__case_report_times.sql")
                            .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            String update =
                    v3.substring(v3.indexOf("UPDATE cases SET"), v3.indexOf(';', v3.indexOf("UPDATE cases SET")));
            sql(store, update + " WHERE id = 'BACKFILL-1'");
            List<Long> cols = store.database()
                    .first(
                            "SELECT received_ms, touched_ms FROM cases WHERE id = 'BACKFILL-1'",
                            ps -> {},
                            rs -> List.of(rs.getLong(1), rs.getLong(2)))
                    .orElseThrow();
            assertThat(cols).containsExactly(received.toEpochMilli() - 1, acted.toEpochMilli());
            assertThat(store
                            .reports()
                            .cases(Instant.parse("2026-11-20T00:00:00.000500Z"), Instant.parse("2026-12-01T00:00:00Z"))
                            .stream()
                            .map(org.pramaan.cases.CaseFile::id))
                    .contains("BACKFILL-1");
        }
    }
}
