package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.adapters.AdapterRegistry;
import org.pramaan.store.postgres.PostgresStore;
import org.pramaan.store.postgres.PostgresUnavailableException;
import org.pramaan.testkit.FakeClock;

/**
 * {@code store=postgres} through the configuration (issue 15): the keys reach the provider from a file, the
 * environment or system properties; missing or malformed ones stop start-up naming the key; an unreachable server,
 * a refused user or a missing database stop it naming host and port, user or database; and the whole server runs
 * on a real PostgreSQL.
 */
class PostgresStoreSelectionTest {
    private static EmbeddedPostgres server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE pramaan");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (server != null) server.close();
    }

    private static String url() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/pramaan";
    }

    private Map<String, String> env(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("PRAMAAN_DATA_DIR", dir.resolve("data").toString());
        env.put("PRAMAAN_STORE", "postgres");
        env.put("PRAMAAN_STORE_POSTGRES_URL", url);
        env.put("PRAMAAN_STORE_POSTGRES_USER", "postgres");
        return env;
    }

    @Test
    void theProviderIsInstalledBesideTheEmbeddedOne() {
        assertThat(AdapterRegistry.installed().names()).containsExactly("embedded", "postgres");
        assertThat(AdapterRegistry.installed().provider("postgres")).isInstanceOf(PostgresAdaptersProvider.class);
    }

    @Test
    void settingsComeFromTheEnvironmentAndSystemPropertiesAndThePasswordIsNeverShown() {
        Properties sys = new Properties();
        sys.setProperty("pramaan.store.postgres.password", "s3cret-password");
        sys.setProperty("pramaan.store.postgres.pool-size", "4");
        PramaanConfig c = PramaanConfig.load(env(url()), sys);
        assertThat(c.storage().store()).isEqualTo("postgres");
        assertThat(c.storage().settings().options())
                .containsEntry("url", url())
                .containsEntry("user", "postgres")
                .containsEntry("password", "s3cret-password")
                .containsEntry("pool-size", "4");
        assertThat(c.storage().settings().toString()).doesNotContain("s3cret-password");
    }

    @Test
    void settingsComeFromAConfigurationFileAndTheEnvironmentOverridesIt() throws Exception {
        Path file = dir.resolve("pramaan.properties");
        java.nio.file.Files.writeString(
                file,
                "store=postgres\nstore.postgres.url=" + url() + "\nstore.postgres.user=from_file\n"
                        + "store.postgres.password=file-password\n");
        Map<String, String> e = new HashMap<>();
        e.put("PRAMAAN_CONFIG", file.toString());
        e.put("PRAMAAN_DATA_DIR", dir.resolve("data").toString());
        e.put("PRAMAAN_STORE_POSTGRES_USER", "postgres");
        PramaanConfig c = PramaanConfig.load(e, new Properties());
        assertThat(c.storage().settings().options())
                .containsEntry("url", url())
                .containsEntry("user", "postgres")
                .containsEntry("password", "file-password");
    }

    @Test
    void existsSaysWhetherTheDatabaseHoldsAStoreAndCreatesNothing() throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE probe_only");
        }
        PramaanConfig c = PramaanConfig.load(env(url().replace("/pramaan", "/probe_only")), new Properties());
        org.pramaan.adapters.AdaptersProvider postgres =
                AdapterRegistry.installed().provider("postgres");
        assertThat(postgres.exists(c.storage().settings())).isFalse();
        assertThat(postgres.exists(c.storage().settings()))
                .as("the first call created nothing")
                .isFalse();
        try (org.pramaan.adapters.Adapters a = postgres.open(c.storage().settings())) {
            assertThat(a.probe()).isEmpty();
        }
        assertThat(postgres.exists(c.storage().settings())).isTrue();
    }

    @Test
    void aMissingOrMalformedSettingStopsStartUpNamingTheKey() {
        Map<String, String> noUrl = env("");
        assertThatThrownBy(() -> PramaanConfig.load(noUrl, new Properties()))
                .hasMessageContaining("configuration store.postgres.url=''")
                .hasMessageContaining("is required with store=postgres");
        assertThatThrownBy(() -> PramaanConfig.load(env("postgres://db/pramaan"), new Properties()))
                .hasMessageContaining("store.postgres.url='postgres://db/pramaan' (from environment variable"
                        + " PRAMAAN_STORE_POSTGRES_URL) must start with jdbc:postgresql://");
        Map<String, String> noUser = env(url());
        noUser.remove("PRAMAAN_STORE_POSTGRES_USER");
        assertThatThrownBy(() -> PramaanConfig.load(noUser, new Properties()))
                .hasMessageContaining("store.postgres.user")
                .hasMessageContaining("is required");
        Map<String, String> pool = env(url());
        pool.put("PRAMAAN_STORE_POSTGRES_POOL_SIZE", "0");
        assertThatThrownBy(() -> PramaanConfig.load(pool, new Properties()))
                .hasMessageContaining("store.postgres.pool-size='0'");
    }

    @Test
    void theEmbeddedDefaultIgnoresThePostgresKeys() {
        Map<String, String> e = env("not even a url");
        e.remove("PRAMAAN_STORE");
        PramaanConfig c = PramaanConfig.load(e, new Properties());
        assertThat(c.storage().store()).isEqualTo("embedded");
        assertThat(c.storage().settings().options()).isEmpty();
    }

    @Test
    void anUnreachableServerStopsStartUpNamingHostAndPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PramaanConfig c = PramaanConfig.load(env("jdbc:postgresql://127.0.0.1:" + port + "/pramaan"), new Properties());
        assertThatThrownBy(() -> new Embedded(c, new FakeClock(java.time.Instant.EPOCH)))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("PostgreSQL at 127.0.0.1:" + port + " is unreachable");
        assertThat(Embedded.exists(c)).as("exists() never throws").isFalse();
    }

    @Test
    void aRefusedUserOrAMissingDatabaseStopsStartUpNamingThem() {
        Map<String, String> user = env(url());
        user.put("PRAMAAN_STORE_POSTGRES_USER", "nobody_here");
        assertThatThrownBy(() -> new Embedded(
                        PramaanConfig.load(user, new Properties()), new FakeClock(java.time.Instant.EPOCH)))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("refused user 'nobody_here'");
        Map<String, String> db = env(url().replace("/pramaan", "/nodb"));
        assertThatThrownBy(() ->
                        new Embedded(PramaanConfig.load(db, new Properties()), new FakeClock(java.time.Instant.EPOCH)))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("has no database 'nodb'");
    }

    @Test
    void theServerRunsOnPostgresAndKeepsEverythingAcrossARestart() throws Exception {
        FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");
        Map<String, String> extra = new HashMap<>(env(url()));
        extra.remove("PRAMAAN_DATA_DIR");
        Path data = dir.resolve("node");
        String caseId;
        String mediaId;
        try (Embedded app = new Embedded(ServerTestBase.config(data, extra), clock)) {
            assertThat(app.adapters()).isInstanceOf(PostgresStore.class);
            app.keys().register(Role.ADMIN, "test admin", ServerTestBase.ADMIN);
            String ingest = app.keys().create(Role.INGEST, "uploads").secret();
            try (Server s = Server.start(app, "127.0.0.1", 0)) {
                ApiClient api = new ApiClient(s.port());
                ApiClient.Response up = api.postBytes("/v1/media", ingest, TestMedia.cameraJpeg(7));
                assertThat(up.status()).as(up.raw()).isIn(200, 201);
                mediaId = up.json().path("id").asText();
                ApiClient.Response notice = api.postJson(
                        "/v1/notices",
                        ServerTestBase.ADMIN,
                        "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + mediaId
                                + "\",\"fields\":{\"complainant\":\"self\",\"url\":\"https://example.org/p/1\"}}");
                assertThat(notice.status()).as(notice.raw()).isEqualTo(201);
                caseId = notice.json().path("id").asText();
                assertThat(api.get("/readyz", null).status()).isEqualTo(200);
            }
        }
        try (Embedded again = new Embedded(ServerTestBase.config(data, extra), clock);
                Server s = Server.start(again, "127.0.0.1", 0)) {
            ApiClient api = new ApiClient(s.port());
            ApiClient.Response c = api.get("/v1/cases/" + caseId, ServerTestBase.ADMIN);
            assertThat(c.status()).as(c.raw()).isEqualTo(200);
            assertThat(c.json().path("mediaId").asText()).isEqualTo(mediaId);
            ApiClient.Response verify = api.get("/v1/audit/verify", ServerTestBase.ADMIN);
            assertThat(verify.status()).as(verify.raw()).isEqualTo(200);
            assertThat(verify.json().path("valid").asBoolean()).as(verify.raw()).isTrue();
        }
    }

    /**
     * Two nodes on one database check the same due clocks at the same moment: every escalation fires once, with one
     * audit entry, and the shared chain verifies (issue 15: the clock checker's claims and the case versions).
     */
    @Test
    void twoNodesCheckingClocksTogetherFireEachEscalationOnce() throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE two_nodes");
        }
        FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");
        Map<String, String> extra = new HashMap<>(env(url().replace("/pramaan", "/two_nodes")));
        extra.remove("PRAMAAN_DATA_DIR");
        List<String> cases = new java.util.ArrayList<>();
        try (Embedded a = new Embedded(ServerTestBase.config(dir.resolve("node-a"), extra), clock);
                Embedded b = new Embedded(ServerTestBase.config(dir.resolve("node-b"), extra), clock)) {
            a.keys().register(Role.ADMIN, "test admin", ServerTestBase.ADMIN);
            String ingest = a.keys().create(Role.INGEST, "uploads").secret();
            try (Server s = Server.start(a, "127.0.0.1", 0)) {
                ApiClient api = new ApiClient(s.port());
                for (int i = 0; i < 6; i++) {
                    String media = api.postBytes("/v1/media", ingest, TestMedia.cameraJpeg(20 + i))
                            .json()
                            .path("id")
                            .asText();
                    ApiClient.Response notice = api.postJson(
                            "/v1/notices",
                            ServerTestBase.ADMIN,
                            "{\"noticeType\":\"IN_3_1_D_ORDER\",\"mediaId\":\"" + media
                                    + "\",\"fields\":{\"complainant\":\"self\",\"url\":\"https://example.org/p/" + i
                                    + "\"}}");
                    assertThat(notice.status()).as(notice.raw()).isEqualTo(201);
                    cases.add(notice.json().path("id").asText());
                }
            }
            clock.advance(java.time.Duration.ofMinutes(90)); // 50 % of the 3 h clock
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.CompletableFuture<Void>> checks = new java.util.ArrayList<>();
            for (Embedded node : List.of(a, b, a, b))
                checks.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        go.await();
                        node.cases().checkClocks();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (org.pramaan.errors.Conflict e) {
                        // The other node recorded it first; the next pass sees it (Server logs and retries).
                    }
                }));
            go.countDown();
            for (var f : checks) f.get(120, java.util.concurrent.TimeUnit.SECONDS);
            b.cases().checkClocks(); // a later pass fires whatever a refused save left
            for (String id : cases) {
                assertThat(b.cases().find(id).orElseThrow().events())
                        .filteredOn(e -> e.wireName().equals("escalated"))
                        .as(id)
                        .hasSize(1);
                assertThat(b.audit().forSubject("case:" + id))
                        .filteredOn(e -> e.type().equals("case.escalated"))
                        .as(id)
                        .hasSize(1);
            }
            assertThat(a.audit().verify().valid()).isTrue();
        }
    }
}
