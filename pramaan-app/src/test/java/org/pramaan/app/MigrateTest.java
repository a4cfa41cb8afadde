package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.access.Role;
import org.pramaan.testkit.FakeClock;

/**
 * {@code pramaan migrate} (issue 15): an embedded installation built over real HTTP (uploads, cases with their events
 * and clocks, a bank with items, keys, the audit chain) is copied into a real PostgreSQL and verified; a server started
 * on the target serves the same cases and media; a corrupt source blob is named and stops the run, which then finishes
 * with --resume; a non-empty target and a source a server holds are refused.
 */
class MigrateTest {
    static final String ADMIN = "pmn_migrate_test_admin_0123456789abcdef";
    static EmbeddedPostgres pg;
    static int dbs;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = TestPostgres.start();
    }

    @AfterAll
    static void stop() {
        TestPostgres.stopAtExit(pg);
    }

    String database() throws Exception {
        String name = "mig" + (++dbs);
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name;
    }

    Map<String, String> target(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("PRAMAAN_DATA_DIR", dir.resolve("node").toString());
        env.put("PRAMAAN_ADMIN_KEY", ADMIN);
        env.put("PRAMAAN_HTTP_RATE_LIMIT_ENABLED", "false");
        env.put("PRAMAAN_STORE", "postgres");
        env.put("PRAMAAN_STORE_POSTGRES_URL", url);
        env.put("PRAMAAN_STORE_POSTGRES_USER", "postgres");
        return env;
    }

    record Source(Path dir, String caseId, String mediaId) {}

    /** An embedded installation with real data, made over HTTP, then stopped. */
    Source source() throws Exception {
        Path src = dir.resolve("embedded");
        Map<String, String> env = new HashMap<>(Map.of(
                "PRAMAAN_DATA_DIR",
                src.toString(),
                "PRAMAAN_ADMIN_KEY",
                ADMIN,
                "PRAMAAN_HTTP_RATE_LIMIT_ENABLED",
                "false"));
        String caseId;
        String media;
        try (Embedded app =
                new Embedded(PramaanConfig.load(env, new Properties()), FakeClock.at("2026-03-02T04:00:00Z"))) {
            app.keys().register(Role.ADMIN, "admin", ADMIN);
            try (Server server = Server.start(app, "127.0.0.1", 0)) {
                ApiClient api = new ApiClient(server.port());
                media = api.postBytes("/v1/media", ADMIN, TestMedia.cameraJpeg(5))
                        .json()
                        .path("id")
                        .asText();
                api.postBytes("/v1/media", ADMIN, TestMedia.cameraJpeg(6));
                assertThat(api.postJson("/v1/banks", ADMIN, "{\"name\":\"ncii\",\"kind\":\"ncii\"}")
                                .status())
                        .isEqualTo(201);
                ApiClient.Response n = api.postJson(
                        "/v1/notices",
                        ADMIN,
                        "{\"noticeType\":\"IN_3_2_B_COMPLAINT\",\"mediaId\":\"" + media
                                + "\",\"fields\":{\"complainant\":\"self\",\"url\":\"https://example.org/p/1\"}}");
                assertThat(n.status()).as(n.raw()).isEqualTo(201);
                caseId = n.json().path("id").asText();
                assertThat(api.postJson(
                                        "/v1/cases/" + caseId + "/actions",
                                        ADMIN,
                                        "{\"action\":\"REMOVE\",\"note\":\"x\"}")
                                .status())
                        .isEqualTo(200);
            }
        }
        return new Source(src, caseId, media);
    }

    Migration.Result migrate(Source s, String url, boolean resume) throws Exception {
        return new Migration(
                        s.dir(),
                        PramaanConfig.load(target(url), new Properties()),
                        resume,
                        new PrintWriter(new StringWriter()))
                .run();
    }

    @Test
    void anEmbeddedInstallationMovesToPostgresAndServesTheSameData() throws Exception {
        Source s = source();
        String url = database();
        Migration.Result r = migrate(s, url, false);
        assertThat(r.counts()).allSatisfy(c -> assertThat(c.target()).isEqualTo(c.source()));
        assertThat(r.counts())
                .filteredOn(c -> c.table().equals("cases"))
                .singleElement()
                .satisfies(c -> assertThat(c.source()).isEqualTo(1));
        assertThat(r.counts())
                .filteredOn(c -> c.table().equals("audit_log"))
                .singleElement()
                .satisfies(c -> assertThat(c.source()).isGreaterThan(5));
        assertThat(r.blobs()).isEqualTo(2);
        try (Embedded app = new Embedded(
                        PramaanConfig.load(target(url), new Properties()), FakeClock.at("2026-03-02T05:00:00Z"));
                Server server = Server.start(app, "127.0.0.1", 0)) {
            ApiClient api = new ApiClient(server.port());
            ApiClient.Response c = api.get("/v1/cases/" + s.caseId(), ADMIN);
            assertThat(c.status()).as(c.raw()).isEqualTo(200);
            assertThat(c.raw()).contains("REMOVE");
            assertThat(api.get("/v1/media/" + s.mediaId(), ADMIN).status()).isEqualTo(200);
            assertThat(app.audit().verify().valid()).isTrue();
            // The migrated node keeps writing after the copied ids and chain.
            assertThat(api.postBytes("/v1/media", ADMIN, TestMedia.cameraJpeg(7))
                            .status())
                    .isIn(200, 201);
            assertThat(app.audit().verify().valid()).isTrue();
        }
        assertThatThrownBy(() -> migrate(s, url, false))
                .hasMessageContaining("already holds rows")
                .hasMessageContaining("--resume");
    }

    /** The command line: target settings from system properties (or the environment), --to overriding the URL. */
    @Test
    void pramaanMigratePrintsTheVerificationTable() throws Exception {
        Source s = source();
        String url = database();
        Map<String, String> props = Map.of(
                "pramaan.data.dir",
                dir.resolve("node").toString(),
                "pramaan.store.postgres.user",
                "postgres",
                "pramaan.admin.key",
                ADMIN);
        props.forEach(System::setProperty);
        try {
            StringWriter out = new StringWriter(), err = new StringWriter();
            int exit = org.pramaan.cli.PramaanCli.run(
                    () -> {
                        throw new IllegalStateException("migrate needs no runtime");
                    },
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    "migrate",
                    "--from",
                    "sqlite:" + s.dir(),
                    "--to",
                    "postgres:" + url);
            assertThat(exit).as("stderr: %s", err).isZero();
            assertThat(out.toString())
                    .contains("table")
                    .containsPattern("cases\\s+1\\s+1")
                    .contains("blobs copied and read back: 2")
                    .contains("audit chain verifies");
            assertThat(err.toString()).contains("migrating " + s.dir());
            StringWriter again = new StringWriter();
            assertThat(org.pramaan.cli.PramaanCli.run(
                            () -> {
                                throw new IllegalStateException();
                            },
                            new PrintWriter(new StringWriter(), true),
                            new PrintWriter(again, true),
                            "migrate",
                            "--from",
                            "sqlite:" + s.dir(),
                            "--to",
                            "postgres:" + url))
                    .isNotZero();
            assertThat(again.toString()).contains("already holds rows");
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void aCorruptBlobIsNamedAndTheRunFinishesWithResume() throws Exception {
        Source s = source();
        Path blob;
        try (Stream<Path> files = Files.walk(s.dir().resolve("blobs"))) {
            blob = files.filter(p -> p.getFileName().toString().equals(s.mediaId()))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] good = Files.readAllBytes(blob);
        Files.write(blob, new byte[] {1, 2, 3});
        String url = database();
        assertThatThrownBy(() -> migrate(s, url, false))
                .hasMessageContaining(blob.toString())
                .hasMessageContaining("corrupt");
        Files.write(blob, good); // the operator restores it from backup, then resumes
        Migration.Result r = migrate(s, url, true);
        assertThat(r.counts()).allSatisfy(c -> assertThat(c.target()).isEqualTo(c.source()));
        assertThat(r.blobs()).isEqualTo(2);
    }

    @Test
    void aSourceAServerHoldsIsRefusedNamingItsLock() throws Exception {
        Source s = source();
        Map<String, String> env = Map.of("PRAMAAN_DATA_DIR", s.dir().toString(), "PRAMAAN_ADMIN_KEY", ADMIN);
        try (Embedded running =
                new Embedded(PramaanConfig.load(env, new Properties()), FakeClock.at("2026-03-02T04:00:00Z"))) {
            String url = database();
            assertThatThrownBy(() -> migrate(s, url, false))
                    .hasMessageContaining("in use")
                    .hasMessageContaining("pramaan.lock");
        }
    }
}
