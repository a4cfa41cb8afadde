package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.testkit.FakeClock;

/** A real server on a random port over a real SQLite file in a temp folder, with a fake clock and keys of each role. */
abstract class ServerTestBase {
    static final String ADMIN = "pmn_test_admin_key_0123456789abcdef";

    @TempDir
    Path dataDir;

    final FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");
    final List<AutoCloseable> open = new ArrayList<>();
    ApiClient api;
    Embedded app;
    String ingest;
    String reviewer;

    static PramaanConfig config(Path dir, Map<String, String> extra) {
        Map<String, String> env =
                new java.util.HashMap<>(Map.of("PRAMAAN_DATA_DIR", dir.toString(), "PRAMAAN_ADMIN_KEY", ADMIN));
        // The fake clock stands still, so no token bucket would ever refill: suites run unlimited unless they turn
        // limits on (OperatorEndpointsTest).
        env.put("PRAMAAN_HTTP_RATE_LIMIT_ENABLED", "false");
        env.putAll(extra);
        PramaanConfig config = PramaanConfig.load(env, new Properties());
        // The audit checkpoint key lives beside the data directory, never inside it, so outside @TempDir: gone when the
        // JVM ends.
        config.storage().auditCheckpoints().key().toFile().deleteOnExit();
        return config;
    }

    String apiBase() {
        return "http://127.0.0.1:" + port;
    }

    int port;

    /** Uploads bytes with the ingest key and returns the media id. */
    String upload(byte[] file) throws Exception {
        ApiClient.Response r = api.postBytes("/v1/media", ingest, file);
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return r.json().path("id").asText();
    }

    /** Submits a notice with the reviewer key and returns the case id. */
    String notice(String type, String mediaId) throws Exception {
        ApiClient.Response r = api.postJson(
                "/v1/notices",
                reviewer,
                "{\"noticeType\":\"" + type + "\",\"mediaId\":\"" + mediaId
                        + "\",\"fields\":{\"complainant\":\"self\",\"url\":\"https://example.org/p/1\"}}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    void start(Map<String, String> extra) throws Exception {
        app = new Embedded(config(dataDir, extra), clock);
        app.keys().register(Role.ADMIN, "test admin", ADMIN);
        Server server = Server.start(app, "127.0.0.1", 0);
        open.add(server);
        open.add(app);
        port = server.port();
        api = new ApiClient(port);
    }

    void stop() throws Exception {
        for (int i = 0; i < open.size(); i++) open.get(i).close();
        open.clear();
    }

    @BeforeEach
    void startServer() throws Exception {
        start(Map.of());
        ingest = app.keys().create(Role.INGEST, "uploads").secret();
        reviewer = app.keys().create(Role.REVIEWER, "trust & safety").secret();
    }

    @AfterEach
    void stopServer() throws Exception {
        stop();
        // The audit checkpoint key is created beside the data directory (never inside it), so outside @TempDir.
        java.nio.file.Files.deleteIfExists(
                dataDir.toAbsolutePath().normalize().resolveSibling(dataDir.getFileName() + "-audit-checkpoint.key"));
    }

    ApiClient.Response uploadResponse(byte[] bytes) throws Exception {
        return api.postBytes("/v1/media", ingest, bytes);
    }
}
