package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.errors.Conflict;
import org.pramaan.testkit.FakeClock;

/**
 * Node identity on a shared PostgreSQL (issue 15): each server joins under its {@code node.id}, {@code GET /v1/nodes}
 * lists the live ones, a second process asking for a live node's id is refused naming the holder, a clean stop frees
 * the id, and bad {@code node.*} settings stop start-up naming the key.
 */
class NodesOnPostgresTest {
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
            s.execute("CREATE DATABASE nodes");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (server != null) server.close();
    }

    private static Map<String, String> env(String nodeId) {
        Map<String, String> env = new HashMap<>();
        env.put("PRAMAAN_STORE", "postgres");
        env.put("PRAMAAN_STORE_POSTGRES_URL", "jdbc:postgresql://localhost:" + server.getPort() + "/nodes");
        env.put("PRAMAAN_STORE_POSTGRES_USER", "postgres");
        env.put("PRAMAAN_NODE_ID", nodeId);
        return env;
    }

    private static Server start(Embedded app) throws java.io.IOException {
        app.keys().register(org.pramaan.access.Role.ADMIN, "test admin", ServerTestBase.ADMIN);
        return Server.start(app, "127.0.0.1", 0);
    }

    @Test
    void nodesListEachOtherAndALiveNodesIdIsRefusedToAnotherProcessNamingTheHolder() throws Exception {
        FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");
        Path dirA = dir.resolve("a");
        try (Embedded a = new Embedded(ServerTestBase.config(dirA, env("node-a")), clock);
                Server s = start(a)) {
            ApiClient api = new ApiClient(s.port());
            try (Embedded b = new Embedded(ServerTestBase.config(dir.resolve("b"), env("node-b")), clock)) {
                ApiClient.Response nodes = api.get("/v1/nodes", ServerTestBase.ADMIN);
                assertThat(nodes.status()).as(nodes.raw()).isEqualTo(200);
                assertThat(nodes.json().path("nodes").findValuesAsText("id")).containsExactly("node-a", "node-b");
                assertThat(nodes.json().path("nodes").get(0).path("dataDir").asText())
                        .isEqualTo(dirA.toAbsolutePath().normalize().toString());
                assertThat(b.node().self().id()).isEqualTo("node-b");

                // Another data directory asking for node-a's id while node-a beats: refused, naming where it runs.
                assertThatThrownBy(() -> new Embedded(ServerTestBase.config(dir.resolve("c"), env("node-a")), clock))
                        .isInstanceOf(Conflict.class)
                        .hasMessageContaining("node.id 'node-a' is held by a live node on host")
                        .hasMessageContaining(dirA.toAbsolutePath().normalize().toString());
            }
            // node-b stopped cleanly: it left, and only node-a is listed.
            ApiClient.Response after = api.get("/v1/nodes", ServerTestBase.ADMIN);
            assertThat(after.json().path("nodes").findValuesAsText("id")).containsExactly("node-a");
            ApiClient.Response ready = api.get("/readyz", null);
            assertThat(ready.status()).as(ready.raw()).isEqualTo(200);
            assertThat(ready.json().path("checks").toString()).contains("node");
            assertThat(api.get("/v1/nodes", null).status())
                    .as("an administrator's read")
                    .isEqualTo(401);
        }
        // node-a stopped cleanly too: its id is free for any directory at once.
        try (Embedded again = new Embedded(ServerTestBase.config(dir.resolve("c"), env("node-a")), clock)) {
            assertThat(again.node().live()).extracting(n -> n.id()).containsExactly("node-a");
        }
    }

    @Test
    void badNodeSettingsStopStartUpNamingTheKey() {
        Map<String, String> e = new HashMap<>(env("node/1"));
        e.put("PRAMAAN_DATA_DIR", dir.toString());
        assertThatThrownBy(() -> PramaanConfig.load(e, new Properties()))
                .hasMessageContaining("node.id='node/1'")
                .hasMessageContaining("letters, digits");
        e.put("PRAMAAN_NODE_ID", "node-1");
        e.put("PRAMAAN_NODE_HEARTBEAT_INTERVAL", "PT10S");
        e.put("PRAMAAN_NODE_LIVE_FOR", "PT15S");
        assertThatThrownBy(() -> PramaanConfig.load(e, new Properties()))
                .hasMessageContaining("node.live-for='PT15S'")
                .hasMessageContaining("at least twice node.heartbeat-interval");
        e.remove("PRAMAAN_NODE_ID");
        e.remove("PRAMAAN_NODE_LIVE_FOR");
        assertThat(PramaanConfig.load(e, new Properties()).storage().node().id())
                .as("by default the host name and a digest of data.dir")
                .matches("[A-Za-z0-9.-]+-[0-9a-f]{8}");
    }
}
