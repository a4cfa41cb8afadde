package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.testkit.OnnxGraphs;
import org.pramaan.testkit.TestImages;

/**
 * Issue 16 over real HTTP: models from {@code detect.models-dir} are listed at {@code GET /v1/detectors}
 * with their manifests, and an upload is scored, calibrated and fused (REVIEW at most) with the
 * model named in the reasons. The model is the mean of the red channel, so the answers are known.
 */
class DetectorsEndToEndTest extends ServerTestBase {
    @TempDir
    Path models;

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    void install(String id, byte[] weights, String sha) throws Exception {
        Files.write(models.resolve(id + ".onnx"), weights);
        Files.writeString(models.resolve(id + ".manifest.json"), """
                {"id":"%s","version":"0.3.1","weights":"%s.onnx","sha256":"%s","licence":"Apache-2.0","modality":"image",
                 "input":{"name":"pixels","width":8,"height":8,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"score","kind":"probability","meaning":"mean red value (a test model)"},
                 "calibration":{"method":"platt","a":4.0,"b":-2.0,"fittedOn":"e2e labels"},
                 "operatingPoint":0.7,"intendedUse":"end-to-end tests","knownFailureModes":["anything red"]}
                """.formatted(id, id, sha));
    }

    void restartWithModels() throws Exception {
        byte[] red = OnnxGraphs.channelMean(0, true, 8, 8);
        install("red-mean", red, sha256(red));
        install("tampered", OnnxGraphs.channelMean(1, true, 8, 8), sha256(red)); // the manifest names other weights
        stop();
        start(Map.of("PRAMAAN_DETECT_MODELS_DIR", models.toString()));
    }

    /** A PNG whose red channel is {@code red} everywhere; green and blue are noise (so PDQ has something to hash). */
    static byte[] png(int red, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 64; x++) img.setRGB(x, y, (red << 16) | (rnd.nextInt(256) << 8) | rnd.nextInt(256));
        return TestImages.png(img);
    }

    @Test
    void withoutAModelsFolderTheListIsEmptyAndUploadsCarryNoModelSignal() throws Exception {
        ApiClient.Response r = api.get("/v1/detectors", reviewer);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("configured").asBoolean()).isFalse();
        assertThat(r.json().path("detectors")).isEmpty();
        assertThat(r.json().path("refused")).isEmpty();
        ApiClient.Response r2 = uploadResponse(png(230, 1));
        assertThat(r2.raw()).doesNotContain("DETECTOR_SCORE");
        assertThat(app.audit().forSubject("media:" + r2.json().path("sha256").asText()))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.details()).doesNotContain("\"models\""));
    }

    @Test
    void loadedModelsAreListedWithTheirManifestsAndRefusedOnesWithTheReasonForReadRolesOnly() throws Exception {
        restartWithModels();
        ApiClient.Response r = api.get("/v1/detectors", reviewer);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().path("configured").asBoolean()).isTrue();
        JsonNode d = r.json().path("detectors").get(0);
        assertThat(d.path("id").asText()).isEqualTo("red-mean");
        assertThat(d.path("version").asText()).isEqualTo("0.3.1");
        assertThat(d.path("sha256").asText()).isEqualTo(sha256(OnnxGraphs.channelMean(0, true, 8, 8)));
        assertThat(d.path("licence").asText()).isEqualTo("Apache-2.0");
        assertThat(d.path("input").path("layout").asText()).isEqualTo("NCHW");
        assertThat(d.path("calibration").path("method").asText()).isEqualTo("platt");
        assertThat(d.path("calibration").path("a").asDouble()).isEqualTo(4.0);
        assertThat(d.path("knownFailureModes").get(0).asText()).isEqualTo("anything red");
        assertThat(r.json().path("detectors")).hasSize(1);
        JsonNode refused = r.json().path("refused").get(0);
        assertThat(refused.path("file").asText()).isEqualTo("tampered.manifest.json");
        assertThat(refused.path("code").asText()).isEqualTo("detect.weights_mismatch");
        assertThat(api.get("/v1/detectors", ADMIN).status()).isEqualTo(200);
        assertThat(api.get("/v1/detectors", ingest).status()).isEqualTo(403);
        assertThat(api.get("/v1/detectors", null).status()).isEqualTo(401);
    }

    @Test
    void aRedUploadGoesToReviewWithTheModelVersionAndProbabilityInTheReasonsAndABlueOneIsAllowed() throws Exception {
        restartWithModels();
        ApiClient.Response red = uploadResponse(png(230, 2));
        assertThat(red.status()).as(red.raw()).isIn(200, 201);
        // 230/255 = 0.902; Platt 4x - 2 → 1 / (1 + e^-1.608) = 0.833 ≥ 0.7.
        assertThat(red.json().path("assessment").path("tier").asText()).isEqualTo("SUSPECTED_SYNTHETIC");
        assertThat(red.json().path("decision").path("decision").asText()).isEqualTo("REVIEW");
        JsonNode signal = null;
        for (JsonNode s : red.json().path("signals"))
            if (s.path("type").asText().equals("DETECTOR_SCORE")) signal = s;
        assertThat(signal).as(red.raw()).isNotNull();
        assertThat(signal.path("value").asText()).isEqualTo("0.833");
        assertThat(signal.path("attributes").path("raw").asDouble())
                .isCloseTo(0.902, org.assertj.core.data.Offset.offset(1e-3));
        String reasons = red.json().path("assessment").path("reasons").toString();
        assertThat(reasons)
                .contains("detector.synthetic", "red-mean", "0.3.1", "0.833", "region x=0.00 y=0.00 w=1.00 h=1.00");
        assertThat(reasons).contains("detector.review_only");
        // The audit entry of the screening names the model, its weights hash and the probability.
        String sha = red.json().path("sha256").asText();
        assertThat(app.audit().forSubject("media:" + sha))
                .anySatisfy(e -> assertThat(e.details())
                        .contains(
                                "red-mean 0.3.1 sha256:" + sha256(OnnxGraphs.channelMean(0, true, 8, 8)) + " p=0.833"));

        ApiClient.Response blue = uploadResponse(png(25, 3));
        assertThat(blue.json().path("assessment").path("tier").asText()).isEqualTo("NO_EVIDENCE");
        assertThat(blue.json().path("decision").path("decision").asText()).isEqualTo("ALLOW");
        assertThat(blue.raw()).contains("DETECTOR_SCORE", "\"0.167\"");
    }
}
