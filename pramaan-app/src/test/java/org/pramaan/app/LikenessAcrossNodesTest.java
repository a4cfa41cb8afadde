package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.FaceDetector.Face;
import org.pramaan.testkit.FakeClock;
import org.pramaan.testkit.OnnxGraphs;
import org.pramaan.testkit.TestImages;

/**
 * Issue 16: two servers on one PostgreSQL, each with its own in-memory protected-persons index. A person enrolled
 * through node A is matched by node B's screening once B's refresh interval ({@code likeness.refresh-ms}, 1 s here, by
 * the shared fake clock) has passed, without a restart; after the person is deleted through A, B stops matching them
 * the same way (before the change marker, B saw neither until it restarted: an erased person kept matching there).
 */
class LikenessAcrossNodesTest {
    private static EmbeddedPostgres pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = TestPostgres.start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE likeness");
        }
    }

    @AfterAll
    static void stopPostgres() {
        TestPostgres.stopAtExit(pg);
    }

    private Map<String, String> env(String node, Path models) {
        Map<String, String> env = new HashMap<>();
        env.put("PRAMAAN_STORE", "postgres");
        env.put("PRAMAAN_STORE_POSTGRES_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/likeness");
        env.put("PRAMAAN_STORE_POSTGRES_USER", "postgres");
        env.put("PRAMAAN_NODE_ID", node);
        env.put("PRAMAAN_DETECT_MODELS_DIR", models.toString());
        env.put("PRAMAAN_LIKENESS_REFRESH_MS", "1000");
        return env;
    }

    private static ApiClient.Response enrol(ApiClient api, byte[] image) throws Exception {
        String boundary = "pramaan-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"person\"\r\n\r\n"
                        + LikenessEndToEndTest.person(null) + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"ref.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(image);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.sendBytes(
                "/v1/persons", ServerTestBase.ADMIN, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static List<com.fasterxml.jackson.databind.JsonNode> screen(ApiClient api, byte[] picture)
            throws Exception {
        ApiClient.Response r = api.postBytes("/v1/media", ServerTestBase.ADMIN, picture);
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return LikenessEndToEndTest.likeness(r);
    }

    private static Server serve(Embedded app) throws java.io.IOException {
        app.keys().register(org.pramaan.access.Role.ADMIN, "test admin", ServerTestBase.ADMIN);
        return Server.start(app, "127.0.0.1", 0);
    }

    @Test
    void anEnrolmentOnOneNodeIsMatchedOnTheOtherWithinTheIntervalAndADeletionStopsItThere() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        byte[] projection = OnnxGraphs.projection(24, 64, 16);
        Files.write(models.resolve("face-id.onnx"), projection);
        Files.writeString(models.resolve("face-id.manifest.json"), """
                {"id":"face-id","version":"1.0","weights":"face-id.onnx","sha256":"%s","licence":"Apache-2.0",
                 "modality":"face-embedding",
                 "input":{"name":"pixels","width":24,"height":24,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"embedding","kind":"embedding","meaning":"a face's identity (a test projection)"},
                 "threshold":%s,"intendedUse":"end-to-end tests"}
                """.formatted(
                        DetectorsEndToEndTest.sha256(projection), LikenessEndToEndTest.THRESHOLD));
        BufferedImage street = TestImages.decode(PerFaceDetectorsEndToEndTest.streetPhoto());
        Face asha = LikenessEndToEndTest.men(street).get(0);
        FakeClock clock = FakeClock.at("2026-03-02T04:00:00Z");

        try (Embedded a = new Embedded(ServerTestBase.config(dir.resolve("a"), env("node-a", models)), clock);
                Server sa = serve(a);
                Embedded b = new Embedded(ServerTestBase.config(dir.resolve("b"), env("node-b", models)), clock);
                Server sb = serve(b)) {
            ApiClient onA = new ApiClient(sa.port());
            ApiClient onB = new ApiClient(sb.port());
            assertThat(screen(onB, LikenessEndToEndTest.picture(street, asha, 2.6, 100, 80, Color.LIGHT_GRAY)))
                    .as("no one is enrolled yet")
                    .isEmpty();

            ApiClient.Response enrolled =
                    enrol(onA, LikenessEndToEndTest.picture(street, asha, 2.0, 60, 50, Color.GRAY));
            assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
            String id = enrolled.json().path("id").asText();
            assertThat(screen(onA, LikenessEndToEndTest.picture(street, asha, 2.4, 90, 70, Color.WHITE)))
                    .as("the enrolling node matches at once")
                    .extracting(s -> s.path("value").asText())
                    .containsExactly(id);
            assertThat(screen(onB, LikenessEndToEndTest.picture(street, asha, 2.5, 95, 75, Color.WHITE)))
                    .as("node B compared the marker at this instant already; it waits for its interval")
                    .isEmpty();
            clock.advance(Duration.ofMillis(1000));
            assertThat(screen(onB, LikenessEndToEndTest.picture(street, asha, 2.2, 40, 30, Color.GRAY)))
                    .as("one interval later node B matches the person enrolled on A, without a restart")
                    .extracting(s -> s.path("value").asText())
                    .containsExactly(id);

            assertThat(onA.send("DELETE", "/v1/persons/" + id, ServerTestBase.ADMIN, null, null)
                            .status())
                    .isEqualTo(204);
            clock.advance(Duration.ofMillis(1000));
            assertThat(screen(onB, LikenessEndToEndTest.picture(street, asha, 2.3, 50, 40, Color.LIGHT_GRAY)))
                    .as("erased on A: node B no longer matches them")
                    .isEmpty();
            assertThat(b.persons().all()).isEmpty();
        }
    }
}
