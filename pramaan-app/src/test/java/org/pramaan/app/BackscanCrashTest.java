package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.testkit.TestImages;

/**
 * Issue 17 part 2, "resumes after a crash": a folder back-scan runs in a server process of its own,
 * which is killed with SIGKILL part-way (no shutdown hook, no last commit), restarted, and must finish
 * the job by itself with every file recorded exactly once, the counts right, each planted match acted
 * on once, and the work committed before the kill not done again.
 */
class BackscanCrashTest {
    static final String ADMIN = "pmn_backscan_crash_admin_key_0123456789";
    static final int FILES = 400;
    static final int PLANTED = 10;
    static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");
    static final Instant T1 = T0.plus(Duration.ofHours(1));

    @TempDir
    Path dir;

    Process server;

    @AfterEach
    void kill() {
        if (server != null) server.destroyForcibly();
    }

    @Test
    void aScanKilledMidJobResumesOnRestartAndRecordsEveryItemExactlyOnce() throws Exception {
        Path clockFile = dir.resolve("clock");
        Path data = dir.resolve("data");
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String n = String.format("img-%04d.png", i);
            Files.write(corpus.resolve(n), TestImages.png(TestImages.photo(64, 48, 5000 + i)));
            names.add(n);
        }
        for (int i = 0; i < PLANTED; i++) {
            String n = String.format("near-%02d.jpg", i);
            Files.write(corpus.resolve(n), TestImages.jpeg(TestImages.photo(320, 240, 7), 0.5f + i * 0.04f));
            names.add(n);
        }
        ClockFileServer.FileClock.set(clockFile, T0);
        ApiClient api = start(clockFile, data, corpus);
        assertThat(api.postJson("/v1/banks", ADMIN, "{\"name\":\"ncii\",\"kind\":\"ncii\"}")
                        .status())
                .isEqualTo(201);
        PdqResult near = new PdqHasher().hash(TestImages.scale(TestImages.photo(320, 240, 7), 0.5));
        assertThat(api.send(
                                "POST",
                                "/v1/banks/ncii/items",
                                ADMIN,
                                "application/x-ndjson",
                                "{\"pdq\":\"" + near.hash().toHex() + "\",\"quality\":" + near.quality() + "}\n")
                        .status())
                .isIn(200, 201);
        ApiClient.Response started =
                api.postJson("/v1/scans", ADMIN, "{\"kind\":\"folder\",\"folder\":\"" + corpus + "\"}");
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        String id = started.json().path("id").asText();

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (api.get("/v1/scans/" + id, ADMIN)
                        .json()
                        .path("counts")
                        .path("done")
                        .asLong()
                < 20) {
            assertThat(System.nanoTime()).as("the scan makes progress").isLessThan(until);
            Thread.onSpinWait();
        }
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL mid-job
        long doneAtKill = committedDone(data, id);
        assertThat(doneAtKill).as("killed part-way").isBetween(20L, (long) FILES + PLANTED - 1);
        assertThat(results(data, id)).isEqualTo(doneAtKill);

        ClockFileServer.FileClock.set(clockFile, T1);
        api = start(clockFile, data, corpus); // no request: the server resumes the RUNNING job itself
        JsonNode j;
        until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while ((j = api.get("/v1/scans/" + id, ADMIN).json())
                .path("state")
                .asText()
                .equals("running")) {
            assertThat(System.nanoTime()).as("the resumed scan finishes").isLessThan(until);
            Thread.sleep(20); // polling another process for a condition, not timing a deadline
        }
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        assertThat(j.path("state").asText()).as(j.toString()).isEqualTo("finished");
        JsonNode c = j.path("counts");
        assertThat(c.path("total").asLong()).isEqualTo(FILES + PLANTED);
        assertThat(c.path("done").asLong()).isEqualTo(FILES + PLANTED);
        assertThat(c.path("matched").asLong()).isEqualTo(PLANTED);
        assertThat(c.path("reviews").asLong()).isEqualTo(PLANTED);
        assertThat(c.path("errors").asLong()).isZero();
        try (Connection db =
                DriverManager.getConnection("jdbc:sqlite:" + data.resolve("pramaan.db") + "?open_mode=1")) {
            assertThat(column(db, "SELECT item_key FROM scan_results WHERE job_id = '" + id + "' ORDER BY item_key"))
                    .as("every file once, in path order")
                    .containsExactlyElementsOf(names.stream().sorted().toList());
            assertThat(column(
                            db,
                            "SELECT json_extract(details, '$.item') FROM audit_log WHERE type = 'backscan.matched'"
                                    + " AND subject = 'scan:" + id + "' ORDER BY 1"))
                    .as("each planted match acted on and audited once")
                    .containsExactlyElementsOf(
                            names.stream().filter(n -> n.startsWith("near-")).toList());
            long before = count(
                    db,
                    "SELECT count(*) FROM scan_results WHERE job_id = '" + id + "' AND json_extract(json, '$.at') = '"
                            + T0 + "'");
            assertThat(before)
                    .as("what was committed before the kill was not done again after the restart")
                    .isEqualTo(doneAtKill);
            assertThat(count(
                            db,
                            "SELECT count(*) FROM audit_log WHERE type = 'backscan.finished' AND subject = 'scan:" + id
                                    + "'"))
                    .isEqualTo(1);
        }
        try (Embedded app =
                new Embedded(ServerTestBase.config(data, Map.of()), new ClockFileServer.FileClock(clockFile))) {
            assertThat(app.audit().verify().valid()).isTrue();
        }
        System.out.printf(
                "backscan crash: %d items, killed after %d committed, finished after restart%n",
                FILES + PLANTED, doneAtKill);
    }

    private ApiClient start(Path clockFile, Path data, Path corpus) throws Exception {
        ClockFileServer.Launched l = ClockFileServer.launch(
                clockFile,
                Map.of(
                        "PRAMAAN_DATA_DIR",
                        data.toString(),
                        "PRAMAAN_ADMIN_KEY",
                        ADMIN,
                        "PRAMAAN_HTTP_RATE_LIMIT_ENABLED",
                        "false",
                        "PRAMAAN_BACKSCAN_ALLOWED_ROOTS",
                        corpus.toString(),
                        "PRAMAAN_BACKSCAN_BATCH_SIZE",
                        "5"));
        server = l.process();
        return new ApiClient(l.port());
    }

    private static long committedDone(Path data, String id) throws Exception {
        try (Connection db =
                DriverManager.getConnection("jdbc:sqlite:" + data.resolve("pramaan.db") + "?open_mode=1")) {
            return count(db, "SELECT json_extract(json, '$.counts.done') FROM scan_jobs WHERE id = '" + id + "'");
        }
    }

    private static long results(Path data, String id) throws Exception {
        try (Connection db =
                DriverManager.getConnection("jdbc:sqlite:" + data.resolve("pramaan.db") + "?open_mode=1")) {
            return count(db, "SELECT count(*) FROM scan_results WHERE job_id = '" + id + "'");
        }
    }

    static long count(Connection db, String sql) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    static List<String> column(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
