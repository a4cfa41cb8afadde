package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.cli.PramaanCli;
import org.pramaan.testkit.OnnxGraphs;

/**
 * Issue 16's reviewer feedback loop end to end, over real HTTP with a test-built ONNX model (the mean of the red
 * channel, so every raw score is known): uploads are screened, reviewers resolve them with findings, the labels are
 * exported (HTTP and {@code pramaan detect export-labels}, the same CSV), and {@code pramaan detect calibrate} on the
 * export writes the isotonic table those findings imply into the manifest.
 */
class ReviewLabelsLoopTest extends ServerTestBase {
    @TempDir
    Path models;

    @TempDir
    Path work;

    record Run(int exit, String out, String err) {}

    private Run pramaan(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        PramaanConfig c = config(dataDir, Map.of("PRAMAAN_DETECT_MODELS_DIR", models.toString()));
        int exit = PramaanCli.run(
                () -> new EmbeddedRuntime(c, clock, System.out),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String resolve(String id, String decision, String finding, String family) throws Exception {
        String body = "{\"decision\":\"" + decision + "\",\"reason\":\"reviewed\""
                + (finding == null ? "" : ",\"finding\":\"" + finding + "\"")
                + (family == null ? "" : ",\"family\":\"" + family + "\"") + "}";
        ApiClient.Response r = api.postJson("/v1/media/" + id + "/review", reviewer, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return id;
    }

    /** Uploads a PNG whose red channel is {@code red}/255 and checks it awaits review. */
    private String pending(int red, long seed) throws Exception {
        ApiClient.Response r = uploadResponse(DetectorsEndToEndTest.png(red, seed));
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        assertThat(r.json().path("decision").path("decision").asText())
                .as(r.raw())
                .isEqualTo("REVIEW");
        clock.advance(Duration.ofSeconds(10)); // the export is oldest first
        return r.json().path("sha256").asText();
    }

    @Test
    void findingsBecomeTheLabelledSetThatCalibrateFitsIntoTheManifest() throws Exception {
        byte[] red = OnnxGraphs.channelMean(0, true, 8, 8);
        Files.write(models.resolve("red-mean.onnx"), red);
        Path manifest = models.resolve("red-mean.manifest.json");
        // Operating point 0.05: every upload is a REVIEW item, so both classes reach a reviewer.
        Files.writeString(manifest, """
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

        // Raw scores 0.2 .. 0.9 (red/255). Authentic 0.2 and 0.6, synthetic 0.4, 0.8, 0.9; 0.3 unsure; 0.7 no finding.
        List<String> ids = new ArrayList<>();
        ids.add(resolve(pending(51, 1), "allow", "authentic", null));
        ids.add(resolve(pending(102, 2), "label", "synthetic", "sd-xl"));
        ids.add(resolve(pending(153, 3), "allow", "authentic", null));
        ids.add(resolve(pending(204, 4), "label", "synthetic", "flux"));
        ids.add(resolve(pending(230, 5), "block", "synthetic", null));
        String unsure = resolve(pending(77, 6), "allow", "unsure", null);
        String none = resolve(pending(179, 7), "label", null, null);

        ApiClient.Response refused = api.postJson(
                "/v1/media/" + pending(120, 8) + "/review",
                reviewer,
                "{\"decision\":\"label\",\"reason\":\"r\",\"finding\":\"synthetic\",\"family\":\"a,b\"}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.raw()).contains("family");

        ApiClient.Response http = api.get("/v1/detectors/red-mean/labels", ADMIN);
        assertThat(http.status()).as(http.raw()).isEqualTo(200);
        assertThat(api.get("/v1/detectors/red-mean/labels", reviewer).status()).isEqualTo(403);
        String[] lines = http.raw().split("\n", -1);
        assertThat(lines[0]).isEqualTo("id,score,label,family,source");
        assertThat(lines).hasSize(7); // header, five labels, the final newline
        // Each row: media/scope, the raw score the screening recorded (red/255 through the float model), the finding.
        String[][] want = {
            {ids.get(0), "0.2", "authentic", ""},
            {ids.get(1), "0.4", "synthetic", "sd-xl"},
            {ids.get(2), "0.6", "authentic", ""},
            {ids.get(3), "0.8", "synthetic", "flux"},
            {ids.get(4), "0.9", "synthetic", ""}
        };
        for (int i = 0; i < want.length; i++) {
            String[] f = lines[i + 1].split(",", -1);
            assertThat(f[0]).isEqualTo(want[i][0] + "/image");
            assertThat(Double.parseDouble(f[1])).isCloseTo(Double.parseDouble(want[i][1]), within(0.003));
            assertThat(f[2]).isEqualTo(want[i][2]);
            assertThat(f[3]).isEqualTo(want[i][3]);
            assertThat(f[4]).isEqualTo("screening");
        }
        assertThat(http.raw()).doesNotContain(unsure).doesNotContain(none);

        // Hostile or narrowing queries: a malformed date is refused naming since; another version or model has none.
        ApiClient.Response badSince = api.get("/v1/detectors/red-mean/labels?since=yesterday", ADMIN);
        assertThat(badSince.status()).as(badSince.raw()).isEqualTo(400);
        assertThat(badSince.raw()).contains("since");
        assertThat(api.get("/v1/detectors/red-mean/labels?version=9.9.9", ADMIN).raw())
                .isEqualTo("id,score,label,family,source\n");
        assertThat(api.get("/v1/detectors/other/labels", ADMIN).raw()).isEqualTo("id,score,label,family,source\n");

        stop(); // the CLI opens the data directory itself
        Path csv = work.resolve("labels.csv");
        Run export = pramaan("detect", "export-labels", "--model", "red-mean", "--out", csv.toString());
        assertThat(export.exit()).as(export.err() + export.out()).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(http.raw());
        assertThat(export.out()).containsPattern("synthetic\\s+3").containsPattern("unsure \\(left out\\)\\s+1");
        Run later = pramaan("detect", "export-labels", "--model", "red-mean", "--since", "2027-01-01");
        assertThat(later.out()).isEqualTo("id,score,label,family,source\n");

        Run fit = pramaan(
                "detect",
                "calibrate",
                "--models",
                models.toString(),
                "--model",
                "red-mean",
                "--method",
                "isotonic",
                csv.toString());
        assertThat(fit.exit()).as(fit.err() + fit.out()).isZero();
        // Pool-adjacent-violators on 0.2:0, 0.4:1, 0.6:0, 0.8:1, 0.9:1 pools 0.4..0.6 at 1/2.
        JsonNode cal = new ObjectMapper().readTree(manifest.toFile()).path("calibration");
        assertThat(cal.path("method").asText()).isEqualTo("isotonic");
        double[][] expected = {{0.2, 0}, {0.4, 0.5}, {0.6, 0.5}, {0.8, 1}, {0.9, 1}};
        assertThat(cal.path("points")).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(cal.path("points").get(i).get(0).asDouble()).isCloseTo(expected[i][0], within(0.003));
            assertThat(cal.path("points").get(i).get(1).asDouble()).isEqualTo(expected[i][1]);
        }
        start(Map.of()); // for the base class's teardown
    }
}
