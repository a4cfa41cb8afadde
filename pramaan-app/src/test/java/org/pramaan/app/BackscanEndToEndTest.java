package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.hash.PdqHasher;
import org.pramaan.hash.PdqResult;
import org.pramaan.testkit.TestImages;

/** Back-scans over real HTTP on a real server: folders of real files, steering, refusals, the bank-addition trigger. */
class BackscanEndToEndTest extends ServerTestBase {
    @TempDir
    Path corpus;

    @TempDir
    Path elsewhere;

    @BeforeEach
    void restartWithRoots() throws Exception {
        stop();
        start(Map.of(
                "PRAMAAN_BACKSCAN_ALLOWED_ROOTS", corpus.toString(),
                "PRAMAAN_BACKSCAN_BATCH_SIZE", "1",
                "PRAMAAN_BACKSCAN_MAX_LIST_ITEMS", "1000",
                "PRAMAAN_BACKSCAN_FETCH_ROOT", corpus.toString(),
                "PRAMAAN_BACKSCAN_FETCH_URL_PREFIXES", "https://cdn.example.org/media/"));
    }

    void files(String folder, int n, long seed) throws Exception {
        Path d = Files.createDirectories(corpus.resolve(folder));
        for (int i = 0; i < n; i++)
            Files.write(
                    d.resolve(String.format("img-%04d.png", i)), TestImages.png(TestImages.photo(64, 48, seed + i)));
    }

    JsonNode start(String body) throws Exception {
        ApiClient.Response r = api.postJson("/v1/scans", ADMIN, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json();
    }

    JsonNode job(String id) throws Exception {
        ApiClient.Response r = api.get("/v1/scans/" + id, ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    JsonNode awaitStopped(String id) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode j;
        while ((j = job(id)).path("state").asText().equals("running")) {
            assertThat(System.nanoTime()).as("scan %s still running: %s", id, j).isLessThan(until);
            Thread.sleep(20); // polling the server's progress, not waiting for a deadline
        }
        return j;
    }

    void awaitIdle() throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!app.backscan().executor().idle()) {
            assertThat(System.nanoTime()).isLessThan(until);
            Thread.sleep(10);
        }
    }

    @Test
    void aFolderScanOfRealFilesFindsTheBankedNearDuplicateAndReportsEveryFileOnce() throws Exception {
        files("uploads", 6, 100);
        Files.write(corpus.resolve("uploads/near.jpg"), TestImages.jpeg(TestImages.photo(320, 240, 7), 0.7f));
        bankNearDuplicateOf(7);
        JsonNode j = start("{\"kind\":\"folder\",\"folder\":\"" + corpus.resolve("uploads") + "\"}");
        assertThat(j.path("counts").path("total").asLong()).isEqualTo(7);
        assertThat(j.path("state").asText()).isEqualTo("running");
        JsonNode done = awaitStopped(j.path("id").asText());
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("finished");
        assertThat(done.path("counts").path("done").asLong()).isEqualTo(7);
        assertThat(done.path("counts").path("matched").asLong()).isEqualTo(1);
        assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
        JsonNode results = api.get("/v1/scans/" + j.path("id").asText() + "/results?limit=1000", ADMIN)
                .json();
        assertThat(results.path("results").size()).isEqualTo(7);
        JsonNode hit = results.path("results").get(6);
        assertThat(hit.path("itemKey").asText()).isEqualTo("near.jpg");
        assertThat(hit.path("outcome").asText()).isEqualTo("MATCHED");
        assertThat(hit.path("action").asText()).isEqualTo("REVIEW");
        JsonNode page = api.get("/v1/scans/" + j.path("id").asText() + "/results?limit=3", ADMIN)
                .json();
        assertThat(page.path("next").asText()).isEqualTo("img-0002.png");
    }

    @Test
    void pauseResumeAndCancelSteerARunningScanAndNothingCommitsWhilePaused() throws Exception {
        files("big", 200, 1000);
        String id = start("{\"kind\":\"folder\",\"folder\":\"" + corpus.resolve("big") + "\"}")
                .path("id")
                .asText();
        ApiClient.Response paused = api.postJson("/v1/scans/" + id + "/pause", ADMIN, "");
        assertThat(paused.status()).as(paused.raw()).isEqualTo(200);
        assertThat(paused.json().path("state").asText()).isEqualTo("paused");
        awaitIdle();
        long done = job(id).path("counts").path("done").asLong();
        assertThat(done).isLessThan(200);
        assertThat(job(id).path("counts").path("done").asLong())
                .as("nothing moves while paused")
                .isEqualTo(done);
        assertThat(api.postJson("/v1/scans/" + id + "/pause", ADMIN, "").status())
                .isEqualTo(409);
        assertThat(api.postJson("/v1/scans/" + id + "/resume", reviewer, "").status())
                .as("steering is for admins")
                .isEqualTo(403);
        assertThat(api.postJson("/v1/scans/" + id + "/resume", ADMIN, "")
                        .json()
                        .path("state")
                        .asText())
                .isEqualTo("running");
        JsonNode finished = awaitStopped(id);
        assertThat(finished.path("state").asText()).isEqualTo("finished");
        assertThat(finished.path("counts").path("done").asLong()).isEqualTo(200);
        assertThat(app.adapters().scans().resultCount(id)).isEqualTo(200);

        String other = start("{\"kind\":\"folder\",\"folder\":\"" + corpus.resolve("big") + "\"}")
                .path("id")
                .asText();
        JsonNode cancelled =
                api.postJson("/v1/scans/" + other + "/cancel", ADMIN, "").json();
        assertThat(cancelled.path("state").asText()).isEqualTo("cancelled");
        awaitIdle();
        assertThat(job(other).path("state").asText()).isEqualTo("cancelled");
        assertThat(job(other).path("counts").path("done").asLong()).isLessThan(200);
        assertThat(api.postJson("/v1/scans/" + other + "/resume", ADMIN, "").status())
                .isEqualTo(409);
    }

    @Test
    void hostileRequestsAreRefusedByName() throws Exception {
        Files.createSymbolicLink(corpus.resolve("escape"), elsewhere);
        refused(
                "{\"kind\":\"folder\",\"folder\":\"" + elsewhere + "\"}",
                "backscan.path_outside_roots",
                "source.folder");
        refused(
                "{\"kind\":\"folder\",\"folder\":\"" + corpus.resolve("escape") + "\"}",
                "backscan.path_outside_roots",
                "source.folder");
        refused("{\"kind\":\"folder\",\"folder\":\"relative/path\"}", "backscan.path_invalid", "source.folder");
        StringBuilder huge = new StringBuilder("{\"kind\":\"list\",\"items\":[");
        for (int i = 0; i <= 1000; i++)
            huge.append(i == 0 ? "" : ",").append("\"a").append(i).append('"');
        refused(huge.append("]}").toString(), "backscan.too_many_items", "source.items");
        refused(
                "{\"kind\":\"list\",\"items\":[\"ok.png\",\"../../etc/passwd\"]}",
                "backscan.bad_id",
                "source.items[1]");
        refused(
                "{\"kind\":\"list\",\"items\":[\"https://evil.example/x.png\"]}",
                "backscan.fetch_refused",
                "source.items[0]");
        refused("{\"kind\":\"list\",\"items\":[7]}", "request.invalid", "items[0]");
        refused("{\"kind\":\"everything\"}", "request.invalid", "kind");
        refused("{\"kind\":\"stored-media\",\"dryRun\":true}", "request.invalid", "dryRun");
        refused(
                "{\"kind\":\"stored-media\",\"policy\":\"case\",\"noticeType\":\"NOPE\"}",
                "request.invalid",
                "policy.noticeType");
        assertThat(api.postJson("/v1/scans", reviewer, "{\"kind\":\"stored-media\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/v1/scans/scan_nope", ADMIN).status()).isEqualTo(404);
        assertThat(api.get("/v1/scans", ADMIN).json().path("scans").size())
                .as("nothing refused was stored")
                .isZero();
    }

    void refused(String body, String code, String field) throws Exception {
        ApiClient.Response r = api.postJson("/v1/scans", ADMIN, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().path("error").path("code").asText()).as(r.raw()).isEqualTo(code);
        assertThat(r.json().path("error").path("field").asText()).as(r.raw()).isEqualTo(field);
    }

    long bankNearDuplicateOf(long seed) throws Exception {
        if (api.get("/v1/banks/ncii", ADMIN).status() == 404)
            assertThat(api.postJson("/v1/banks", ADMIN, "{\"name\":\"ncii\",\"kind\":\"ncii\"}")
                            .status())
                    .isEqualTo(201);
        PdqResult near = new PdqHasher().hash(TestImages.scale(TestImages.photo(320, 240, seed), 0.5));
        ApiClient.Response r = api.send(
                "POST",
                "/v1/banks/ncii/items",
                ADMIN,
                "application/x-ndjson",
                "{\"pdq\":\"" + near.hash().toHex() + "\",\"quality\":" + near.quality()
                        + ",\"source\":\"hotline\"}\n");
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return api.get("/v1/banks/ncii", ADMIN).json().path("items").asLong();
    }

    @Test
    void aBankAdditionScansTheStoredMediaNearTheNewItemAndSendsItToReview() throws Exception {
        List<String> media = new ArrayList<>();
        for (long s = 1; s <= 4; s++) media.add(upload(TestImages.jpeg(TestImages.photo(320, 240, s), 0.9f)));
        bankNearDuplicateOf(3);
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode scans;
        while ((scans = api.get("/v1/scans", ADMIN).json().path("scans")).isEmpty()
                || scans.get(0).path("state").asText().equals("running")) {
            assertThat(System.nanoTime()).as("a triggered scan finishes").isLessThan(until);
            Thread.sleep(20); // polling the server's background work
        }
        assertThat(scans.size()).isEqualTo(1);
        JsonNode j = scans.get(0);
        assertThat(j.path("trigger").asText()).isEqualTo("bank-addition");
        assertThat(j.path("kind").asText()).isEqualTo("bank-addition");
        assertThat(j.path("counts").path("total").asLong())
                .as("only the near media, not all four")
                .isEqualTo(1);
        assertThat(j.path("counts").path("reviews").asLong()).isEqualTo(1);
        JsonNode r = api.get("/v1/scans/" + j.path("id").asText() + "/results", ADMIN)
                .json()
                .path("results")
                .get(0);
        assertThat(r.path("itemKey").asText()).isEqualTo(media.get(2));
        assertThat(r.path("action").asText()).isEqualTo("REVIEW");
        assertThat(api.get("/v1/media/" + media.get(2), ADMIN)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("PENDING_REVIEW");
        assertThat(api.get("/v1/queues/screening", reviewer).raw()).contains(media.get(2));
    }

    String cli(int expectedExit, String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int rc = org.pramaan.cli.PramaanCli.run(
                () -> {
                    throw new AssertionError("pramaan backscan speaks to the server, never to a local runtime");
                },
                new java.io.PrintWriter(out),
                new java.io.PrintWriter(err),
                args);
        assertThat(rc).as("exit of %s: %s%s", String.join(" ", args), out, err).isEqualTo(expectedExit);
        return out + err.toString();
    }

    @Test
    void theCliStartsWatchesAndSteersAScanOnTheServer() throws Exception {
        files("cli", 5, 300);
        String server = "--server=" + apiBase();
        String done = cli(
                0,
                "backscan",
                "start",
                server,
                "--key",
                ADMIN,
                "--folder",
                corpus.resolve("cli").toString(),
                "--watch");
        assertThat(done).containsPattern("scan_[0-9a-f]+ finished 5/5 matched 0 errors 0 reviews 0 cases 0");
        String id = done.substring(done.indexOf("scan_"), done.indexOf(' ', done.indexOf("scan_")));
        assertThat(cli(0, "backscan", "status", id, server, "--key", ADMIN)).contains(id + " finished 5/5");
        assertThat(cli(2, "backscan", "pause", id, server, "--key", ADMIN))
                .contains("409")
                .contains("backscan.state");
        Path list = Files.writeString(corpus.resolve("list.txt"), "cli/img-0000.png\n../outside.png\n");
        assertThat(cli(2, "backscan", "start", server, "--key", ADMIN, "--list", list.toString()))
                .contains("backscan.bad_id")
                .contains("source.items[1]");
        assertThat(cli(2, "backscan", "status", id, server, "--key", reviewer + "x"))
                .contains("401");
    }
}
