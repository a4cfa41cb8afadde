package org.pramaan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.FaceDetector.Face;
import org.pramaan.testkit.OnnxGraphs;
import org.pramaan.testkit.TestImages;

/**
 * Issue 16, the protected-persons registry on video over real HTTP: the test-built face-embedding model
 * of {@link LikenessEndToEndTest} and the vendored BlazeFace, on 10 s MPEG-4 videos (5 fps, sampled once
 * a second) made from the real faces of the PDQ street photo. A video showing the enrolled man from 3 s
 * to 7 s gives one LIKENESS_MATCH with that time range and the frames that matched, leaves the decision
 * alone, is first in the review queue and is recorded on his standing complaint; a video of the other
 * man does not match; a video without faces gives no likeness signal.
 */
class LikenessVideoEndToEndTest extends ServerTestBase {
    @TempDir
    Path models;

    void restart() throws Exception {
        byte[] w = OnnxGraphs.projection(24, 64, 16);
        Files.write(models.resolve("face-id.onnx"), w);
        Files.writeString(models.resolve("face-id.manifest.json"), """
                {"id":"face-id","version":"1.0","weights":"face-id.onnx","sha256":"%s","licence":"Apache-2.0",
                 "modality":"face-embedding",
                 "input":{"name":"pixels","width":24,"height":24,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"embedding","kind":"embedding","meaning":"a face's identity (a test projection)"},
                 "threshold":%s,"intendedUse":"end-to-end tests"}
                """.formatted(
                        DetectorsEndToEndTest.sha256(w), LikenessEndToEndTest.THRESHOLD));
        // A whole-image model that says 0.993 on every frame: every video goes to REVIEW, so the queue order shows.
        byte[] red = OnnxGraphs.channelMean(0, true, 8, 8);
        Files.write(models.resolve("whole-red.onnx"), red);
        Files.writeString(models.resolve("whole-red.manifest.json"), """
                {"id":"whole-red","version":"2.0","weights":"whole-red.onnx","sha256":"%s","licence":"Apache-2.0","modality":"image",
                 "input":{"name":"pixels","width":8,"height":8,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"score","kind":"probability","meaning":"mean red value (a test model)"},
                 "calibration":{"method":"platt","a":0.0,"b":5.0,"fittedOn":"e2e labels"},
                 "operatingPoint":0.7,"intendedUse":"end-to-end tests"}
                """.formatted(DetectorsEndToEndTest.sha256(red)));
        stop();
        start(Map.of("PRAMAAN_DETECT_MODELS_DIR", models.toString()));
        ingest = app.keys().create(org.pramaan.access.Role.INGEST, "uploads").secret();
    }

    /** 10 s at 5 fps of a grey canvas, showing {@code face} (a picture of it, when given) from frame 15 to 34. */
    byte[] video(String name, byte[] face) throws Exception {
        BufferedImage shown = face == null ? null : TestImages.decode(face);
        Path file = models.resolve(name + ".mp4");
        try (org.pramaan.ffmpeg.VideoWriter w = org.pramaan.ffmpeg.VideoWriter.open(
                file, org.pramaan.ffmpeg.VideoWriter.Format.MPEG4_MP4, 256, 256, 5, 2)) {
            for (int i = 0; i < 50; i++) {
                // 3-byte BGR frames: VideoWriter drops the red channel of TYPE_INT_RGB ones.
                BufferedImage f = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = f.createGraphics();
                g.setColor(Color.LIGHT_GRAY);
                g.fillRect(0, 0, 256, 256);
                if (shown != null && i >= 15 && i < 35) g.drawImage(shown, 0, 0, null);
                g.dispose();
                w.write(f);
            }
        }
        return Files.readAllBytes(file);
    }

    @Test
    void anEnrolledPersonInAVideoMatchesWithTheTrackTimeRangeOthersAndFacelessVideosDoNot() throws Exception {
        BufferedImage street = TestImages.decode(PerFaceDetectorsEndToEndTest.streetPhoto());
        List<Face> men = LikenessEndToEndTest.men(street);
        restart();
        String caseId = notice("IN_3_2_B_COMPLAINT", upload(TestMedia.cameraJpeg(5)));
        LikenessEndToEndTest enrolment = new LikenessEndToEndTest();
        enrolment.api = api;
        ApiClient.Response enrolled = enrolment.enrol(
                LikenessEndToEndTest.person(caseId),
                List.of(LikenessEndToEndTest.picture(street, men.get(0), 2.0, 60, 50, Color.GRAY)),
                ADMIN);
        assertThat(enrolled.status()).as(enrolled.raw()).isEqualTo(201);
        String id = enrolled.json().path("id").asText();

        ApiClient.Response his = uploadResponse(
                video("his", LikenessEndToEndTest.picture(street, men.get(0), 2.6, 100, 80, Color.LIGHT_GRAY)));
        assertThat(his.status()).as(his.raw()).isIn(200, 201);
        List<JsonNode> matches = LikenessEndToEndTest.likeness(his);
        assertThat(matches).as(his.raw()).hasSize(1);
        JsonNode a = matches.get(0).path("attributes");
        assertThat(matches.get(0).path("value").asText()).isEqualTo(id);
        assertThat(matches.get(0).path("location").asText()).startsWith("track ");
        assertThat(a.path("similarity").asDouble()).isGreaterThanOrEqualTo(LikenessEndToEndTest.THRESHOLD);
        assertThat(a.path("startMillis").asText()).isEqualTo("3000");
        assertThat(a.path("endMillis").asText()).isEqualTo("7000");
        assertThat(a.path("caseId").asText()).isEqualTo(caseId);
        assertThat(a.path("evidence").asText())
                .startsWith("track " + a.path("track").asText() + ", time 3000-7000 ms; frame ")
                .contains(" region x=");
        assertThat(a.path("matchedFrames").asText()).containsPattern("at [3-6]000 ms region x=");
        assertThat(his.json().path("assessment").path("reasons").toString())
                .contains("likeness.match", id, "time 3000-7000 ms");
        // Decides nothing: the decision is the whole-image model's REVIEW, as for every video here.
        assertThat(his.json().path("decision").path("decision").asText()).isEqualTo("REVIEW");
        clock.advance(java.time.Duration.ofMinutes(1));

        ApiClient.Response other = uploadResponse(
                video("other", LikenessEndToEndTest.picture(street, men.get(1), 2.6, 100, 80, Color.LIGHT_GRAY)));
        assertThat(other.status()).as(other.raw()).isIn(200, 201);
        assertThat(LikenessEndToEndTest.likeness(other)).as(other.raw()).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(1));
        ApiClient.Response faceless = uploadResponse(video("faceless", null));
        assertThat(faceless.status()).as(faceless.raw()).isIn(200, 201);
        assertThat(LikenessEndToEndTest.likeness(faceless)).as(faceless.raw()).isEmpty();
        assertThat(faceless.raw()).doesNotContain("LIKENESS_MATCH");

        // The review queue puts his video first, although the two later uploads would otherwise lead.
        ApiClient.Response queue = api.get("/v1/queues/screening", ADMIN);
        assertThat(queue.status()).as(queue.raw()).isEqualTo(200);
        JsonNode first = queue.json().path("uploads").get(0);
        assertThat(first.path("mediaId").asText())
                .as(queue.raw())
                .isEqualTo(his.json().path("id").asText());
        assertThat(first.path("likenessMatch").asBoolean()).isTrue();
        assertThat(queue.json().path("uploads").get(1).path("likenessMatch").asBoolean())
                .isFalse();

        // The same path as a still image's match: recorded on his case, audited.
        ApiClient.Response c = api.get("/v1/cases/" + caseId, ADMIN);
        assertThat(c.raw()).contains("likeness_matched", his.json().path("id").asText(), id, "time 3000-7000 ms");
        assertThat(c.raw()).doesNotContain(other.json().path("id").asText());
        assertThat(app.audit().forSubject("case:" + caseId))
                .extracting(e -> e.type())
                .contains("case.likeness_matched");
    }
}
