package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

    /**
     * Two nodes dispatching one shared outbox at the same moments: each message reaches the webhook once (the claim in
     * one unit, FOR UPDATE SKIP LOCKED). Before the claim, both nodes read the same due rows and both sent them.
     */
    @Test
    void twoNodesDispatchingOneOutboxTogetherSendEachMessageOnce() throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE outbox");
        }
        FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");
        try (org.pramaan.testkit.HttpReceiver hook = new org.pramaan.testkit.HttpReceiver()) {
            java.util.function.Function<String, Map<String, String>> env = id -> {
                Map<String, String> e = env(id);
                e.put("PRAMAAN_STORE_POSTGRES_URL", "jdbc:postgresql://localhost:" + server.getPort() + "/outbox");
                e.put("PRAMAAN_NOTIFY_WEBHOOK_URL", hook.url("/events"));
                e.put("PRAMAAN_NOTIFY_WEBHOOK_SECRET", "webhook-secret-0123456789");
                e.put("PRAMAAN_NOTIFY_DISPATCH_INTERVAL", "PT1H"); // only the passes below send
                return e;
            };
            try (Embedded a = new Embedded(ServerTestBase.config(dir.resolve("a"), env.apply("node-a")), clock);
                    Embedded b = new Embedded(ServerTestBase.config(dir.resolve("b"), env.apply("node-b")), clock)) {
                try (Server s = start(a)) {
                    ApiClient api = new ApiClient(s.port());
                    for (int i = 0; i < 8; i++) {
                        String media = api.postBytes("/v1/media", ServerTestBase.ADMIN, TestMedia.cameraJpeg(300 + i))
                                .json()
                                .path("id")
                                .asText();
                        assertThat(api.postJson(
                                                "/v1/notices",
                                                ServerTestBase.ADMIN,
                                                "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + media
                                                        + "\",\"fields\":{\"complainant\":\"self\",\"url\":"
                                                        + "\"https://example.org/o/" + i + "\"}}")
                                        .status())
                                .isEqualTo(201);
                    }
                }
                long pending = a.adapters()
                        .deliveries()
                        .withState(org.pramaan.notify.DeliveryState.PENDING, 10_000)
                        .size();
                assertThat(pending).isGreaterThanOrEqualTo(8);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.CompletableFuture<Void>> passes = new java.util.ArrayList<>();
                for (Embedded node : List.of(a, b, a, b))
                    passes.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                        try {
                            go.await();
                            node.dispatcher().deliverDue();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                go.countDown();
                for (var f : passes) f.get(120, java.util.concurrent.TimeUnit.SECONDS);
                List<String> bodies = hook.requests().stream()
                        .map(org.pramaan.testkit.HttpReceiver.Request::body)
                        .toList();
                assertThat(bodies).as("every pending message sent").hasSize((int) pending);
                assertThat(new java.util.HashSet<>(bodies))
                        .as("none sent twice")
                        .hasSize(bodies.size());
                assertThat(a.adapters().deliveries().withState(org.pramaan.notify.DeliveryState.DELIVERED, 10_000))
                        .hasSize((int) pending);
            }
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
