package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.testkit.TestImages;
import org.pramaan.testkit.servers.S3MockServer;

/**
 * Issue 17 part 2 (b) with a real S3-compatible server: a back-scan of a bucket prefix of the platform's own
 * storage runs in a server process of its own, is killed with SIGKILL part-way, and after a restart finishes by
 * itself with every object under the prefix recorded exactly once (none outside it), each planted near-duplicate
 * found and acted on once. Hostile job fields are refused naming the field.
 */
class BackscanS3CrashTest {
    static final String ADMIN = "pmn_backscan_s3_crash_admin_0123456789";
    static final String BUCKET = "platform-uploads";
    static final int FILES = 160;
    static final int PLANTED = 6;
    static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");

    @TempDir
    static Path s3Dir;

    static S3MockServer s3;

    @TempDir
    Path dir;

    Process server;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3MockServer.start(s3Dir);
        s3.createBucket(BUCKET);
        s3.createBucket("not-for-scans");
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) s3.close();
    }

    @AfterEach
    void kill() {
        if (server != null) server.destroyForcibly();
    }

    @Test
    void aBucketPrefixScanKilledMidJobResumesAndRecordsEveryObjectUnderThePrefixOnce() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String k = String.format("uploads/2026/11/img-%04d.png", i);
            s3.putObject(BUCKET, k, TestImages.png(TestImages.photo(64, 48, 9000 + i)));
            keys.add(k);
        }
        for (int i = 0; i < PLANTED; i++) {
            String k = String.format("uploads/2026/12/near-%02d.jpg", i);
            s3.putObject(BUCKET, k, TestImages.jpeg(TestImages.photo(320, 240, 11), 0.5f + i * 0.05f));
            keys.add(k);
        }
        // Outside the prefix: the same planted picture must not be scanned.
        s3.putObject(BUCKET, "private/near.jpg", TestImages.jpeg(TestImages.photo(320, 240, 11), 0.7f));
        s3.putObject(BUCKET, "uploads/", new byte[0]);

        Path clockFile = dir.resolve("clock");
        Path data = dir.resolve("data");
        ClockFileServer.FileClock.set(clockFile, T0);
        ApiClient api = start(clockFile, data);
        assertThat(api.postJson("/v1/banks", ADMIN, "{\"name\":\"ncii\",\"kind\":\"ncii\"}")
                        .status())
                .isEqualTo(201);
        PdqResult near = new PdqHasher().hash(TestImages.photo(320, 240, 11));
        assertThat(api.send(
                                "POST",
                                "/v1/banks/ncii/items",
                                ADMIN,
                                "application/x-ndjson",
                                "{\"pdq\":\"" + near.hash().toHex() + "\",\"quality\":" + near.quality() + "}\n")
                        .status())
                .isIn(200, 201);

        refused(api, "{\"kind\":\"s3-prefix\",\"prefix\":\"uploads/\"}", "bucket");
        refused(api, "{\"kind\":\"s3-prefix\",\"bucket\":\"not-for-scans\"}", "source.bucket");
        refused(api, "{\"kind\":\"s3-prefix\",\"bucket\":\"../etc\"}", "source.bucket");
        refused(
                api,
                "{\"kind\":\"s3-prefix\",\"bucket\":\"" + BUCKET + "\",\"prefix\":\"a\\u0000b\"}",
                "source.prefix");
        refused(
                api,
                "{\"kind\":\"s3-prefix\",\"bucket\":\"" + BUCKET + "\",\"prefix\":\"" + "é".repeat(600) + "\"}",
                "source.prefix");
        refused(api, "{\"kind\":\"s3-prefix\",\"bucket\":\"" + BUCKET + "\",\"endpoint\":\"http://evil\"}", "endpoint");

        ApiClient.Response started = api.postJson(
                "/v1/scans", ADMIN, "{\"kind\":\"s3-prefix\",\"bucket\":\"" + BUCKET + "\",\"prefix\":\"uploads/\"}");
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        assertThat(started.json().path("kind").asText()).isEqualTo("s3-prefix");
        assertThat(started.json().path("bucket").asText()).isEqualTo(BUCKET);
        assertThat(started.json().path("counts").path("total").asLong()).isEqualTo(FILES + PLANTED);
        String id = started.json().path("id").asText();

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (api.get("/v1/scans/" + id, ADMIN)
                        .json()
                        .path("counts")
                        .path("done")
                        .asLong()
                < 15) {
            assertThat(System.nanoTime()).as("the scan makes progress").isLessThan(until);
            Thread.onSpinWait();
        }
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL mid-prefix
        long doneAtKill =
                query(data, "SELECT json_extract(json, '$.counts.done') FROM scan_jobs WHERE id = '" + id + "'");
        assertThat(doneAtKill).as("killed part-way").isBetween(15L, (long) FILES + PLANTED - 1);

        api = start(clockFile, data); // the server resumes the RUNNING job itself, after its checkpoint key
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
        assertThat(c.path("done").asLong()).isEqualTo(FILES + PLANTED);
        assertThat(c.path("matched").asLong()).isEqualTo(PLANTED);
        assertThat(c.path("reviews").asLong()).isEqualTo(PLANTED);
        assertThat(c.path("errors").asLong()).isZero();
        try (Connection db =
                DriverManager.getConnection("jdbc:sqlite:" + data.resolve("pramaan.db") + "?open_mode=1")) {
            assertThat(column(db, "SELECT item_key FROM scan_results WHERE job_id = '" + id + "' ORDER BY item_key"))
                    .as("every object under the prefix once, nothing outside it, no folder marker")
                    .containsExactlyElementsOf(keys);
            assertThat(column(
                            db,
                            "SELECT json_extract(details, '$.item') FROM audit_log WHERE type = 'backscan.matched'"
                                    + " AND subject = 'scan:" + id + "' ORDER BY 1"))
                    .as("each planted near-duplicate acted on and audited once")
                    .containsExactlyElementsOf(keys.stream()
                            .filter(k -> k.contains("/near-"))
                            .map(k -> "s3://" + BUCKET + "/" + k)
                            .toList());
            assertThat(column(db, "SELECT json FROM scan_jobs WHERE id = '" + id + "'")
                            .get(0))
                    .as("no credential is kept in the job")
                    .doesNotContain("pramaan-test-secret")
                    .doesNotContain("pramaan-test\"");
        }
        try (Embedded app =
                new Embedded(ServerTestBase.config(data, Map.of()), new ClockFileServer.FileClock(clockFile))) {
            assertThat(app.audit().verify().valid()).isTrue();
        }
        System.out.printf(
                "backscan s3 crash: %d objects, killed after %d committed, finished after restart%n",
                FILES + PLANTED, doneAtKill);
    }

    private static void refused(ApiClient api, String body, String field) throws Exception {
        ApiClient.Response r = api.postJson("/v1/scans", ADMIN, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().path("error").path("field").asText()).as(r.raw()).isEqualTo(field);
    }

    private ApiClient start(Path clockFile, Path data) throws Exception {
        ClockFileServer.Launched l = ClockFileServer.launch(
                clockFile,
                Map.of(
                        "PRAMAAN_DATA_DIR",
                        data.toString(),
                        "PRAMAAN_ADMIN_KEY",
                        ADMIN,
                        "PRAMAAN_HTTP_RATE_LIMIT_ENABLED",
                        "false",
                        "PRAMAAN_BACKSCAN_BATCH_SIZE",
                        "5",
                        "PRAMAAN_BACKSCAN_S3_ENDPOINT",
                        s3.endpoint().toString(),
                        "PRAMAAN_BACKSCAN_S3_ACCESS_KEY",
                        "pramaan-test",
                        "PRAMAAN_BACKSCAN_S3_SECRET_KEY",
                        "pramaan-test-secret",
                        "PRAMAAN_BACKSCAN_S3_BUCKETS",
                        BUCKET + ",not-created-bucket"));
        server = l.process();
        return new ApiClient(l.port());
    }

    /** One number from the SQLite file, read-only (the server may be dead or alive). */
    private static long query(Path data, String sql) throws Exception {
        try (Connection db =
                DriverManager.getConnection("jdbc:sqlite:" + data.resolve("pramaan.db") + "?open_mode=1")) {
            return BackscanCrashTest.count(db, sql);
        }
    }

    private static List<String> column(Connection db, String sql) throws Exception {
        return BackscanCrashTest.column(db, sql);
    }
}
