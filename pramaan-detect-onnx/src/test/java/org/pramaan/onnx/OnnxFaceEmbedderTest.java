package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.detect.FaceCrops;
import org.pramaan.detect.FaceDetector.Face;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.ManifestView;
import org.pramaan.detect.Modality;
import org.pramaan.likeness.Vector;
import org.pramaan.testkit.OnnxGraphs;

/**
 * Issue 16, the likeness registry's model: a {@code "modality":"face-embedding"} manifest loads an
 * embedder (verified like a detector), its output is L2-normalised, and with the test-built
 * projection model two crops of the same real face are within the threshold while two different
 * people's faces are not.
 */
class OnnxFaceEmbedderTest {
    static final int SIDE = 24;
    static final double THRESHOLD = 0.8;

    @TempDir
    Path dir;

    void install(String id, byte[] weights, String sha, String extra) throws IOException {
        Files.write(dir.resolve(id + ".onnx"), weights);
        Files.writeString(dir.resolve(id + ".manifest.json"), """
                {"id":"%s","version":"1.0","weights":"%s.onnx","sha256":"%s","licence":"Apache-2.0",
                 "modality":"face-embedding",
                 "input":{"name":"pixels","width":%d,"height":%d,"layout":"NCHW","channels":"RGB","mean":[0,0,0],"std":[1,1,1]},
                 "output":{"name":"embedding","kind":"embedding","meaning":"a face's identity (a test projection)"},
                 %s
                 "intendedUse":"tests"}
                """.formatted(
                        id, id, sha == null ? OnnxImageDetector.sha256(weights) : sha, SIDE, SIDE, extra));
    }

    static byte[] projection() {
        return OnnxGraphs.projection(SIDE, 64, 16);
    }

    @Test
    void aFaceEmbeddingManifestLoadsAnEmbedderListedWithItsThresholdThatGivesUnitVectors() throws Exception {
        install("face-id", projection(), null, "\"threshold\":" + THRESHOLD + ",");
        try (LoadedDetectors loaded = ModelFolder.load(dir)) {
            assertThat(loaded.refused()).isEmpty();
            assertThat(loaded.detectors()).isEmpty();
            assertThat(loaded.embedders()).hasSize(1);
            FaceEmbedder e = loaded.faceEmbedder().orElseThrow();
            assertThat(e.manifest().modality()).isEqualTo(Modality.FACE_EMBEDDING);
            assertThat(e.threshold()).isEqualTo(THRESHOLD);
            assertThat(ManifestView.of(e.manifest()))
                    .containsEntry("modality", "face-embedding")
                    .containsEntry("threshold", THRESHOLD)
                    .doesNotContainKeys("calibration", "operatingPoint");
            BufferedImage img = org.pramaan.testkit.TestImages.photo(SIDE, SIDE, 3);
            float[] v = e.embed(img);
            assertThat(v).hasSize(64);
            double norm = 0;
            for (float x : v) norm += x * x;
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            assertThat(Vector.of(v).cosine(Vector.of(e.embed(img))))
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(Vector.of(v).cosine(Vector.of(e.embed(org.pramaan.testkit.TestImages.photo(SIDE, SIDE, 4)))))
                    .isLessThan(THRESHOLD);
        }
    }

    @Test
    void anEmbedderWhoseWeightsDoNotMatchTheManifestIsRefusedWithItsReason() throws Exception {
        install("face-id", projection(), "0".repeat(64), "\"threshold\":0.8,");
        try (LoadedDetectors loaded = ModelFolder.load(dir)) {
            assertThat(loaded.embedders()).isEmpty();
            assertThat(loaded.faceEmbedder()).isEmpty();
            assertThat(loaded.refused()).singleElement().satisfies(r -> {
                assertThat(r.code()).isEqualTo("detect.weights_mismatch");
                assertThat(r.message()).contains("face-id.onnx", "sha256");
            });
        }
    }

    @Test
    void aFaceEmbeddingManifestNeedsAThresholdAndNoCalibrationEachRefusedByName() throws Exception {
        install("no-threshold", projection(), null, "");
        install(
                "with-calibration",
                projection(),
                null,
                "\"threshold\":0.8,\"calibration\":{\"method\":\"platt\",\"a\":1,\"b\":0,\"fittedOn\":\"x\"},");
        install("threshold-one", projection(), null, "\"threshold\":1.0,");
        try (LoadedDetectors loaded = ModelFolder.load(dir)) {
            assertThat(loaded.embedders()).isEmpty();
            assertThat(loaded.refused())
                    .extracting(r -> r.file() + " " + r.message())
                    .anySatisfy(m -> assertThat(m).startsWith("no-threshold.").contains("'threshold'"))
                    .anySatisfy(
                            m -> assertThat(m).startsWith("with-calibration.").contains("'calibration'"))
                    .anySatisfy(m -> assertThat(m).startsWith("threshold-one.").contains("'threshold'", "strictly"));
        }
    }

    /**
     * A new picture of one face of {@code src}: the square of twice the face box's side around it,
     * scaled by {@code scale} and pasted at ({@code x}, {@code y}) on a plain grey 256² canvas.
     */
    static BufferedImage picture(BufferedImage src, Face f, double scale, int x, int y) {
        int w = src.getWidth();
        int h = src.getHeight();
        double side = 2.0 * Math.max(f.box().width() * w, f.box().height() * h);
        int cx = (int) Math.round((f.box().x() + f.box().width() / 2) * w);
        int cy = (int) Math.round((f.box().y() + f.box().height() / 2) * h);
        int half = (int) Math.round(side / 2);
        int out = (int) Math.round(side * scale);
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(128, 128, 128));
        g.fillRect(0, 0, 256, 256);
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, x, y, x + out, y + out, cx - half, cy - half, cx + half, cy + half, null);
        g.dispose();
        return img;
    }

    /** The faces BlazeFace finds in the street photo, left to right. */
    static List<Face> streetFaces(BlazeFace faces, BufferedImage street) throws Exception {
        return faces.faces(street).stream()
                .sorted(java.util.Comparator.comparingDouble(f -> f.box().x()))
                .toList();
    }

    static float[] embedOnlyFace(BlazeFace faces, FaceEmbedder e, BufferedImage img) throws Exception {
        List<Face> found = faces.faces(img);
        assertThat(found).as("faces in the crop").hasSize(1);
        return e.embed(FaceCrops.align(img, found.get(0), e.cropSide()));
    }

    @Test
    void twoDifferentCropsOfTheSameRealFaceMatchAndTwoPeopleDoNot() throws Exception {
        // The PDQ street photo (q0291): the bald man near (129, 50) px, the man on the right near (166, 51).
        BufferedImage street = BlazeFaceTest.pdq("reg-test-input/labelme-subset/q0291.jpg");
        install("face-id", projection(), null, "\"threshold\":" + THRESHOLD + ",");
        try (LoadedDetectors loaded = ModelFolder.load(dir);
                BlazeFace faces = BlazeFace.load()) {
            FaceEmbedder e = loaded.faceEmbedder().orElseThrow();
            List<Face> people = streetFaces(faces, street);
            assertThat(people).hasSizeGreaterThanOrEqualTo(2);
            Face one = people.get(people.size() - 2);
            Face other = people.get(people.size() - 1);
            Vector bald = Vector.of(embedOnlyFace(faces, e, picture(street, one, 2.0, 60, 50)));
            Vector baldAgain = Vector.of(embedOnlyFace(faces, e, picture(street, one, 2.6, 110, 90)));
            Vector right = Vector.of(embedOnlyFace(faces, e, picture(street, other, 2.0, 60, 50)));
            double same = bald.cosine(baldAgain);
            double different = bald.cosine(right);
            System.out.printf(
                    "likeness: same face %.3f, different people %.3f (threshold %.2f)%n", same, different, THRESHOLD);
            assertThat(same).isGreaterThanOrEqualTo(THRESHOLD);
            assertThat(different).isLessThan(THRESHOLD);
        }
    }
}
