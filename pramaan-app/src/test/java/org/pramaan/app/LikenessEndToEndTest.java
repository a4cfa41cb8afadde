package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.FaceDetector.Face;
import org.pramaan.testkit.OnnxGraphs;
import org.pramaan.testkit.TestImages;

/**
 * Issue 16, the protected-persons (likeness) registry over real HTTP: a face-embedding model the
 * test builds (a fixed random projection of the aligned 24² crop, threshold 0.8) and the vendored
 * BlazeFace; the faces are two real men from the PDQ street photo, each pasted into new pictures.
 * Enrolling one man and uploading a different picture of him gives a LIKENESS_MATCH signal that
 * leaves the decision alone, puts the upload first in the review queue and is recorded on his
 * standing complaint; the other man does not match; after deletion nothing of him is stored and
 * nothing matches.
 */
class LikenessEndToEndTest extends ServerTestBase {
    static final double THRESHOLD = 0.8;

    @TempDir
    Path models;

    void installEmbedder(byte[] weights, String sha) throws Exception {
        Files.write(models.resolve("face-id.onnx"), weights);
        Files.writeString(models.resolve("face-id.manifest.json"), """
                {"id":"face-id","version":"1.0","weights":"face-id.onnx","sha256":"%s","licence":"Apache-2.0",
                 "modality":"face-embedding",
                 "input":{"name":"pixels","width":24,"height":24,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"embedding","kind":"embedding","meaning":"a face's identity (a test projection)"},
                 "threshold":%s,"intendedUse":"end-to-end tests"}
                """.formatted(sha, THRESHOLD));
    }

    /** A whole-image model that always says 0.993: every upload goes to REVIEW, so the queue order shows. */
    void installReviewEverything() throws Exception {
        byte[] w = OnnxGraphs.channelMean(0, true, 8, 8);
        Files.write(models.resolve("whole-red.onnx"), w);
        Files.writeString(models.resolve("whole-red.manifest.json"), """
                {"id":"whole-red","version":"2.0","weights":"whole-red.onnx","sha256":"%s","licence":"Apache-2.0","modality":"image",
                 "input":{"name":"pixels","width":8,"height":8,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"score","kind":"probability","meaning":"mean red value (a test model)"},
                 "calibration":{"method":"platt","a":0.0,"b":5.0,"fittedOn":"e2e labels"},
                 "operatingPoint":0.7,"intendedUse":"end-to-end tests"}
                """.formatted(DetectorsEndToEndTest.sha256(w)));
    }

    void restart() throws Exception {
        stop();
        start(Map.of("PRAMAAN_DETECT_MODELS_DIR", models.toString()));
        ingest = app.keys().create(org.pramaan.access.Role.INGEST, "uploads").secret();
        reviewer = app.keys()
                .create(org.pramaan.access.Role.REVIEWER, "trust & safety")
                .secret();
    }

    /** The two right-most faces BlazeFace finds in the street photo: the bald man and the man on the right. */
    static List<Face> men(BufferedImage street) throws Exception {
        try (org.pramaan.onnx.BlazeFace faces = org.pramaan.onnx.BlazeFace.load()) {
            List<Face> found = faces.faces(street).stream()
                    .sorted(Comparator.comparingDouble(f -> f.box().x()))
                    .toList();
            assertThat(found).hasSizeGreaterThanOrEqualTo(2);
            return found.subList(found.size() - 2, found.size());
        }
    }

    /** A new picture of one face: twice its box around it, scaled and pasted on a plain 256² canvas, as JPEG. */
    static byte[] picture(BufferedImage src, Face f, double scale, int x, int y, Color background) {
        int w = src.getWidth();
        int h = src.getHeight();
        double side = 2.0 * Math.max(f.box().width() * w, f.box().height() * h);
        int cx = (int) Math.round((f.box().x() + f.box().width() / 2) * w);
        int cy = (int) Math.round((f.box().y() + f.box().height() / 2) * h);
        int half = (int) Math.round(side / 2);
        int out = (int) Math.round(side * scale);
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, 256, 256);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, x, y, x + out, y + out, cx - half, cy - half, cx + half, cy + half, null);
        g.dispose();
        return TestImages.jpeg(img, 0.95f);
    }

    ApiClient.Response enrol(String person, List<byte[]> images, String key) throws Exception {
        String boundary = "pramaan-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"person\"\r\n\r\n" + person + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < images.size(); i++) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"ref" + i
                            + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(images.get(i));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.sendBytes("/v1/persons", key, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    static String person(String caseId) {
        return "{\"displayName\":\"Asha Verma\",\"reference\":\"ticket-77\",\"consent\":{\"consentedBy\":\"Asha Verma\","
                + "\"consentedAt\":\"2026-03-01T09:00:00Z\",\"document\":\"DOC-2026-0042\"}"
                + (caseId == null ? "" : ",\"caseId\":\"" + caseId + "\"") + "}";
    }

    static List<JsonNode> likeness(ApiClient.Response r) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : r.json().path("signals")) if (s.path("type").asText().equals("LIKENESS_MATCH")) out.add(s);
        return out;
    }

    @Test
    void anEnrolledPersonsFaceInANewPictureMatchesRaisesReviewPriorityAndIsRecordedOnTheirCase() throws Exception {
        BufferedImage street = TestImages.decode(PerFaceDetectorsEndToEndTest.streetPhoto());
        List<Face> men = men(street);
        Face asha = men.get(0);
        Face other = men.get(1);
        installEmbedder(
                OnnxGraphs.projection(24, 64, 16), DetectorsEndToEndTest.sha256(OnnxGraphs.projection(24, 64, 16)));
        installReviewEverything();
        restart();
        // The embedder is listed beside the detectors, with its threshold.
        ApiClient.Response detectors = api.get("/v1/detectors", reviewer);
        assertThat(detectors.raw()).contains("\"modality\":\"face-embedding\"", "\"threshold\":0.8");

        // Her standing complaint, about an earlier upload.
        String caseId = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(5)));
        ApiClient.Response enrolled =
                enrol(person(caseId), List.of(picture(street, asha, 2.0, 60, 50, Color.GRAY)), ADMIN);
        assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
        String id = enrolled.json().path("id").asText();
        assertThat(id).startsWith("pp_");
        assertThat(enrolled.json().path("embeddings").asInt()).isEqualTo(1);
        assertThat(enrolled.raw()).doesNotContain("vector").contains("DOC-2026-0042", caseId);

        // An upload of someone else first (older), then a different picture of her (newer).
        ApiClient.Response stranger = uploadResponse(picture(street, other, 2.0, 60, 50, Color.DARK_GRAY));
        assertThat(stranger.status()).as(stranger.raw()).isIn(200, 201);
        assertThat(likeness(stranger)).as(stranger.raw()).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(1));
        ApiClient.Response first = uploadResponse(picture(street, asha, 2.6, 100, 80, Color.LIGHT_GRAY));
        clock.advance(java.time.Duration.ofMinutes(1));
        ApiClient.Response newer = uploadResponse(picture(street, other, 2.4, 90, 70, Color.WHITE));
        assertThat(first.status()).as(first.raw()).isIn(200, 201);
        List<JsonNode> matches = likeness(first);
        assertThat(matches).as(first.raw()).hasSize(1);
        JsonNode a = matches.get(0).path("attributes");
        assertThat(matches.get(0).path("value").asText()).isEqualTo(id);
        assertThat(a.path("person").asText()).isEqualTo(id);
        assertThat(a.path("similarity").asDouble()).isGreaterThanOrEqualTo(THRESHOLD);
        assertThat(a.path("threshold").asText()).isEqualTo("0.800");
        assertThat(a.path("model").asText()).isEqualTo("face-id");
        assertThat(a.path("evidence").asText()).startsWith("face 1 region x=");
        assertThat(a.path("caseId").asText()).isEqualTo(caseId);
        // The reasons name the person id, never the name; the decision is the detector's REVIEW, unchanged.
        String reasons = first.json().path("assessment").path("reasons").toString();
        assertThat(reasons).contains("likeness.match", id, "face-id").doesNotContain("Asha");
        assertThat(first.json().path("decision").path("decision").asText()).isEqualTo("REVIEW");
        assertThat(likeness(newer)).as(newer.raw()).isEmpty();

        // The review queue: her picture first, although the stranger's newer upload would otherwise lead.
        ApiClient.Response queue = api.get("/v1/queues/screening", reviewer);
        assertThat(queue.status()).as(queue.raw()).isEqualTo(200);
        List<String> order = new ArrayList<>();
        for (JsonNode u : queue.json().path("uploads"))
            order.add(u.path("mediaId").asText());
        assertThat(order).as(queue.raw()).startsWith(first.json().path("id").asText());
        assertThat(order.indexOf(newer.json().path("id").asText())).isGreaterThan(0);
        assertThat(queue.json().path("uploads").get(0).path("likenessMatch").asBoolean())
                .isTrue();
        assertThat(queue.json().path("uploads").get(1).path("likenessMatch").asBoolean())
                .isFalse();

        // Her case records where her face turned up.
        ApiClient.Response c = api.get("/v1/cases/" + caseId, reviewer);
        assertThat(c.raw()).contains("likeness_matched", first.json().path("id").asText(), id);
        assertThat(app.audit().forSubject("person:" + id))
                .extracting(e -> e.type())
                .containsExactly("likeness.enrolled");
        assertThat(app.audit().forSubject("case:" + caseId))
                .extracting(e -> e.type())
                .contains("case.likeness_matched");

        // Deleted: nothing of her is stored, the deletion is audited, and her face matches no more.
        assertThat(api.send("DELETE", "/v1/persons/" + id, ADMIN, null, null).status())
                .isEqualTo(204);
        assertThat(api.get("/v1/persons/" + id, ADMIN).status()).isEqualTo(404);
        assertThat(app.persons().all()).isEmpty();
        assertThat(app.audit().forSubject("person:" + id))
                .extracting(e -> e.type())
                .containsExactly("likeness.enrolled", "likeness.deleted");
        assertThat(app.audit().forSubject("person:" + id).toString()).doesNotContain("Asha");
        ApiClient.Response after = uploadResponse(picture(street, asha, 2.2, 40, 30, Color.GRAY));
        assertThat(likeness(after)).as(after.raw()).isEmpty();
    }

    @Test
    void enrolmentRefusesHostileInputByNameAndOnlyAdminsMayEnrol() throws Exception {
        BufferedImage street = TestImages.decode(PerFaceDetectorsEndToEndTest.streetPhoto());
        List<Face> men = men(street);
        byte[] projection = OnnxGraphs.projection(24, 64, 16);
        installEmbedder(projection, DetectorsEndToEndTest.sha256(projection));
        restart();
        byte[] one = picture(street, men.get(0), 2.0, 60, 50, Color.GRAY);
        // The whole street (several faces), and a flat picture (none): each refused naming the image.
        ApiClient.Response several = enrol(person(null), List.of(one, TestImages.jpeg(street, 0.95f)), ADMIN);
        assertThat(several.status()).as(several.raw()).isEqualTo(400);
        assertThat(several.raw()).contains("images[1]", "faces");
        ApiClient.Response none =
                enrol(person(null), List.of(TestImages.jpeg(TestImages.photo(128, 128, 1), 0.9f)), ADMIN);
        assertThat(none.status()).as(none.raw()).isEqualTo(400);
        assertThat(none.raw()).contains("images[0]", "no face");
        ApiClient.Response noConsent = enrol("{\"displayName\":\"X\"}", List.of(one), ADMIN);
        assertThat(noConsent.status()).as(noConsent.raw()).isEqualTo(400);
        assertThat(noConsent.raw()).contains("consent");
        ApiClient.Response tooMany = enrol(person(null), java.util.Collections.nCopies(11, one), ADMIN);
        assertThat(tooMany.status()).as(tooMany.raw()).isEqualTo(400);
        assertThat(tooMany.raw()).contains("images", "1..10");
        ApiClient.Response noCase = enrol(person("IN-20990101-NOSUCH"), List.of(one), ADMIN);
        assertThat(noCase.status()).as(noCase.raw()).isEqualTo(400);
        assertThat(noCase.raw()).contains("caseId", "IN-20990101-NOSUCH");
        assertThat(enrol(person(null), List.of(one), reviewer).status()).isEqualTo(403);
        assertThat(api.get("/v1/persons", reviewer).status()).isEqualTo(403);
        assertThat(app.persons().all()).isEmpty();
        assertThat(app.audit().forSubject("person:x")).isEmpty();
    }

    @Test
    void anEmbedderWithTheWrongHashIsRefusedAndScreeningGoesOnWithoutLikeness() throws Exception {
        BufferedImage street = TestImages.decode(PerFaceDetectorsEndToEndTest.streetPhoto());
        List<Face> men = men(street);
        installEmbedder(OnnxGraphs.projection(24, 64, 16), "0".repeat(64));
        restart();
        ApiClient.Response detectors = api.get("/v1/detectors", reviewer);
        assertThat(detectors.raw()).contains("face-id.manifest.json", "detect.weights_mismatch");
        byte[] one = picture(street, men.get(0), 2.0, 60, 50, Color.GRAY);
        ApiClient.Response refused = enrol(person(null), List.of(one), ADMIN);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.raw()).contains("likeness.unavailable", "face-embedding");
        ApiClient.Response r = uploadResponse(one);
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        assertThat(likeness(r)).isEmpty();
    }
}
