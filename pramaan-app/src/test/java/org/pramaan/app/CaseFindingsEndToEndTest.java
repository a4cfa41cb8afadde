package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.OnnxGraphs;

/**
 * Issue 16's reviewer feedback loop on case decisions, over real HTTP with a test-built ONNX model (the mean of the red
 * channel, so every raw score is known): the reviewer who removes a case's media says it is synthetic, the appeal
 * reviewer who reverses it says it is authentic, and the exported labels follow, naming the case as their source.
 */
class CaseFindingsEndToEndTest extends ServerTestBase {
    @TempDir
    Path models;

    private void startWithModel() throws Exception {
        byte[] red = OnnxGraphs.channelMean(0, true, 8, 8);
        Files.write(models.resolve("red-mean.onnx"), red);
        Files.writeString(models.resolve("red-mean.manifest.json"), """
                {"id":"red-mean","version":"0.3.1","weights":"red-mean.onnx","sha256":"%s","licence":"Apache-2.0","modality":"image",
                 "input":{"name":"pixels","width":8,"height":8,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"score","kind":"probability","meaning":"mean red value (a test model)"},
                 "calibration":{"method":"platt","a":4.0,"b":-2.0,"fittedOn":"e2e labels"},
                 "operatingPoint":0.05,"intendedUse":"end-to-end tests","knownFailureModes":["anything red"]}
                """.formatted(DetectorsEndToEndTest.sha256(red)));
        stop();
        start(Map.of("PRAMAAN_DETECT_MODELS_DIR", models.toString()));
        ingest = app.keys().create(org.pramaan.access.Role.INGEST, "uploads").secret();
        reviewer = app.keys().create(org.pramaan.access.Role.REVIEWER, "rev").secret();
    }

    /** Uploads a PNG whose red channel is {@code red}/255; the model scored it. */
    private String screened(int red, long seed) throws Exception {
        ApiClient.Response r = uploadResponse(DetectorsEndToEndTest.png(red, seed));
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        assertThat(r.raw()).contains("red-mean");
        return r.json().path("sha256").asText();
    }

    private ApiClient.Response act(String caseId, String body) throws Exception {
        return api.postJson("/v1/cases/" + caseId + "/actions", reviewer, body);
    }

    private String labels() throws Exception {
        ApiClient.Response r = api.get("/v1/detectors/red-mean/labels", ADMIN);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.raw();
    }

    @Test
    void aRemovalsFindingIsExportedWithTheCaseAndAReversedAppealsFindingReplacesIt() throws Exception {
        startWithModel();
        String media = screened(204, 1); // raw score 0.8
        String caseId = notice("IN_3_2_B_COMPLAINT", media);

        ApiClient.Response removed = act(
                caseId,
                "{\"action\":\"remove\",\"note\":\"a face swap\",\"finding\":\"synthetic\",\"family\":\"flux\"}");
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        String[] lines = labels().split("\n", -1);
        assertThat(lines[0]).isEqualTo("id,score,label,family,source");
        assertThat(lines).hasSize(3);
        String[] row = lines[1].split(",", -1);
        assertThat(row[0]).isEqualTo(media + "/image");
        assertThat(Double.parseDouble(row[1])).isCloseTo(0.8, org.assertj.core.api.Assertions.within(0.003));
        assertThat(row[2]).isEqualTo("synthetic");
        assertThat(row[3]).isEqualTo("flux");
        assertThat(row[4]).isEqualTo("case:" + caseId);

        ApiClient.Response appeal = api.postJson(
                "/v1/cases/" + caseId + "/appeals",
                reviewer,
                "{\"appellant\":\"u1\",\"statement\":\"this is my camera's original\"}");
        assertThat(appeal.status()).as(appeal.raw()).isIn(200, 201);
        ApiClient.Response hostile = api.postJson(
                "/v1/cases/" + caseId + "/appeals/decision",
                reviewer,
                "{\"decision\":\"reverse\",\"reason\":\"original shown\",\"finding\":{\"$gt\":\"\"}}");
        assertThat(hostile.status()).as(hostile.raw()).isEqualTo(400);
        assertThat(hostile.raw()).contains("finding");
        ApiClient.Response reversed = api.postJson(
                "/v1/cases/" + caseId + "/appeals/decision",
                reviewer,
                "{\"decision\":\"reverse\",\"reason\":\"the camera original was shown\",\"finding\":\"authentic\"}");
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(200);
        String after = labels();
        assertThat(after.split("\n", -1))
                .as("the reversal's finding replaced the removal's")
                .hasSize(3);
        assertThat(after).contains(media + "/image,").contains(",authentic,,case:" + caseId + "\n");
        assertThat(after).doesNotContain("synthetic");
    }

    @Test
    void aHostileOrMisplacedFindingIsRefusedNamingItAndChangesNothing() throws Exception {
        startWithModel();
        String caseId = notice("IN_3_2_B_COMPLAINT", screened(153, 2));
        for (String body : new String[] {
            "{\"action\":\"remove\",\"note\":\"x\",\"finding\":\"deepfake\"}",
            "{\"action\":\"remove\",\"note\":\"x\",\"finding\":5}",
            "{\"action\":\"remove\",\"note\":\"x\",\"finding\":\"" + "s".repeat(100_000) + "\"}",
            "{\"action\":\"acknowledge\",\"note\":\"x\",\"finding\":\"synthetic\"}",
        }) {
            ApiClient.Response r = act(caseId, body);
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.raw()).contains("finding");
        }
        ApiClient.Response family =
                act(caseId, "{\"action\":\"remove\",\"note\":\"x\",\"finding\":\"authentic\",\"family\":\"flux\"}");
        assertThat(family.status()).as(family.raw()).isEqualTo(400);
        assertThat(family.raw()).contains("family");
        assertThat(app.cases().find(caseId).orElseThrow().outcome()).isEmpty();
        assertThat(labels()).isEqualTo("id,score,label,family,source\n");
    }

    @Test
    void theConsoleCaseFormPostsTheFindingAndTheFamily() throws Exception {
        startWithModel();
        String media = screened(102, 3); // raw score 0.4
        String caseId = notice("IN_3_2_B_COMPLAINT", media);
        ConsoleClient c = new ConsoleClient(port);
        c.signIn(reviewer);
        String page = c.get("/cases/" + caseId).body();
        assertThat(page)
                .contains("<label for=\"act-finding\">")
                .contains("<select id=\"act-finding\" name=\"finding\">")
                .contains("<label for=\"act-family\">");
        String token = ConsoleClient.csrf(page);
        HttpResponse<String> bad = c.post(
                "/cases/" + caseId + "/act",
                ConsoleClient.form("_csrf", token, "action", "REMOVE", "reason", "morphed", "finding", "maybe"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("finding");
        HttpResponse<String> done = c.post(
                "/cases/" + caseId + "/act",
                ConsoleClient.form(
                        "_csrf",
                        token,
                        "action",
                        "REMOVE",
                        "reason",
                        "morphed",
                        "finding",
                        "synthetic",
                        "family",
                        "sd-xl"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(labels()).contains(",synthetic,sd-xl,case:" + caseId + "\n").contains(media + "/image,");
    }
}
