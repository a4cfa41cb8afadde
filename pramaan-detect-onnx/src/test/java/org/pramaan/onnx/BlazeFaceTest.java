package org.pramaan.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.detect.FaceDetector.Face;

/** Issue 16: the vendored BlazeFace finds the people in the PDQ reference photos and nothing in empty ones. */
class BlazeFaceTest {
    static BlazeFace faces;

    @BeforeAll
    static void load() throws Exception {
        faces = BlazeFace.load();
    }

    @AfterAll
    static void close() {
        faces.close();
    }

    /** ../shared/testdata/pdq (DEV-GUIDELINES 8): skipped when absent, a failure under CI=true. */
    static BufferedImage pdq(String path) throws IOException {
        Path p = Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"), "pdq", path);
        if (!Files.isRegularFile(p)) {
            if ("true".equals(System.getenv("CI"))) throw new IOException("reference data missing under CI: " + p);
            Assumptions.abort("reference data not found at " + p.toAbsolutePath() + " (set -Dpramaan.testdata=PATH)");
        }
        return ImageIO.read(p.toFile());
    }

    static BufferedImage flat(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void findsTheFacesOfThePeopleInThePdqStreetPhoto() throws Exception {
        // labelme q0291 (256×256): three men walking out of a doorway, heads in the top fifth of the frame.
        List<Face> found = faces.faces(pdq("reg-test-input/labelme-subset/q0291.jpg"));
        assertThat(found).hasSizeGreaterThanOrEqualTo(2);
        for (Face f : found) {
            double cy = f.box().y() + f.box().height() / 2;
            assertThat(cy).as("face centre height in %s", f).isBetween(0.1, 0.35);
            assertThat(f.box().width()).as("face width in %s", f).isBetween(0.03, 0.2);
            assertThat(f.score()).isGreaterThanOrEqualTo(BlazeFace.DEFAULT_THRESHOLD);
            assertThat(f.keyPoints()).hasSize(6);
        }
        // The bald man in the middle (head near x=129, y=50 px) and the man on the right (near x=166, y=51 px).
        assertThat(found).anySatisfy(f -> assertCentre(f, 129 / 256.0, 50 / 256.0));
        assertThat(found).anySatisfy(f -> assertCentre(f, 166 / 256.0, 51 / 256.0));
    }

    static void assertCentre(Face f, double x, double y) {
        assertThat(f.box().x() + f.box().width() / 2).isCloseTo(x, org.assertj.core.data.Offset.offset(0.04));
        assertThat(f.box().y() + f.box().height() / 2).isCloseTo(y, org.assertj.core.data.Offset.offset(0.04));
    }

    @Test
    void theTilePlanFindsTheSameFacesAsTheOldPyramidOnTheStreetPhoto() throws Exception {
        BufferedImage street = pdq("reg-test-input/labelme-subset/q0291.jpg");
        List<Face> reference = faces.pyramidFaces(street);
        assertThat(reference).hasSizeGreaterThanOrEqualTo(2);
        assertThat(FaceRecall.matched(reference.stream().map(Face::box).toList(), faces.faces(street)))
                .isEqualTo(reference.size());
    }

    @Test
    void generatedFacesAreFoundAtTheirKnownBoxesOnA1024Image() throws Exception {
        // Real faces (the street photo's) pasted at known places into a 1024² textured background, at
        // 8-20 % of its side: the tile plan's levels cover these sizes.
        BufferedImage street = pdq("reg-test-input/labelme-subset/q0291.jpg");
        List<FaceRecall.Crop> crops = faces.pyramidFaces(street).stream()
                .map(f -> FaceRecall.crop(street, f, 2.0))
                .toList();
        int known = 0;
        int found = 0;
        int byPyramid = 0;
        for (long seed = 0; seed < 4; seed++) {
            FaceRecall.Generated g = FaceRecall.generate(texture(1024), crops, 4, seed, 0.08, 0.2);
            List<Face> got = faces.faces(g.image());
            known += g.faces().size();
            found += FaceRecall.matched(g.faces(), got);
            byPyramid += FaceRecall.matched(g.faces(), faces.pyramidFaces(g.image()));
            // Nothing is found where no face was pasted.
            for (Face f : got)
                assertThat(g.faces())
                        .as("found %s, seed %d", f, seed)
                        .anySatisfy(
                                box -> assertThat(FaceRecall.iou(box, f.box())).isGreaterThanOrEqualTo(0.3));
        }
        assertThat(known).isGreaterThanOrEqualTo(12);
        // Measured: 13 of 16, as many as the old pyramid (one upscaled crop is too blurred for either).
        assertThat((double) found / known)
                .as("%d of %d generated faces found", found, known)
                .isGreaterThanOrEqualTo(0.75);
        assertThat(found).as("tile plan vs pyramid").isGreaterThanOrEqualTo(byPyramid - 1);
    }

    @Test
    void everySmallFaceLiesWhollyInsideOneFinestWindowOfThePlan() {
        // The plan's guarantee: neighbouring finest windows overlap by a tenth of the shorter side, so a
        // face box no larger than that, anywhere, fits inside one of them.
        java.util.Random r = new java.util.Random(7);
        for (int[] size : new int[][] {{1024, 1024}, {1600, 1004}, {1004, 1600}, {1280, 720}}) {
            List<BlazeFace.Window> plan = BlazeFace.plan(size[0], size[1]);
            assertThat(plan.size()).as("windows for %dx%d", size[0], size[1]).isLessThanOrEqualTo(30);
            assertThat(plan.get(0).side()).isEqualTo(Math.max(size[0], size[1]));
            double face = 0.1 * Math.min(size[0], size[1]);
            for (int i = 0; i < 2000; i++) {
                double x = r.nextDouble() * (size[0] - face);
                double y = r.nextDouble() * (size[1] - face);
                assertThat(plan)
                        .as("a %.0f px face at %.0f,%.0f of %dx%d", face, x, y, size[0], size[1])
                        .anySatisfy(w -> {
                            assertThat(w.finest()).isTrue();
                            assertThat(x).isBetween(w.x(), w.x() + w.side() - face);
                            assertThat(y).isBetween(w.y(), w.y() + w.side() - face);
                        });
            }
        }
        assertThat(BlazeFace.plan(1024, 1024)).hasSize(1 + 4 + 9);
    }

    /** A deterministic textured background (no faces): smooth colour bands and noise. */
    static BufferedImage texture(int side) {
        java.util.Random r = new java.util.Random(3);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++) {
                int red = (int) (120 + 60 * Math.sin(x / 90.0) + r.nextInt(20));
                int green = (int) (110 + 50 * Math.cos(y / 70.0) + r.nextInt(20));
                int blue = (int) (100 + 40 * Math.sin((x + y) / 120.0) + r.nextInt(20));
                img.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        return img;
    }

    @Test
    void findsNoFaceInAFlatImageOrInPhotosWithoutPeople() throws Exception {
        assertThat(faces.faces(flat(256, 256, new Color(128, 128, 128)))).isEmpty();
        assertThat(faces.faces(flat(300, 200, new Color(230, 190, 160)))).isEmpty(); // skin-coloured, still no face
        assertThat(faces.faces(pdq("reg-test-input/labelme-subset/q0122.jpg"))).isEmpty(); // sea and sky
        assertThat(faces.faces(pdq("reg-test-input/labelme-subset/q1050.jpg"))).isEmpty(); // canal houses
    }

    @Test
    void smallFacesOfFourToEightPercentOfTheSideAreFoundAsOftenAsByTheOldPyramid() throws Exception {
        // The tile plan's weak spot before second looks: faces of 4-8 % of the side (40-80 px at 1024) were found
        // 53 % of the time against the pyramid's 85 % (docs/performance.md).
        BufferedImage street = pdq("reg-test-input/labelme-subset/q0291.jpg");
        List<FaceRecall.Crop> crops = faces.pyramidFaces(street).stream()
                .map(f -> FaceRecall.crop(street, f, 2.0))
                .toList();
        int known = 0;
        int found = 0;
        int byPyramid = 0;
        for (long seed = 0; seed < 4; seed++) {
            FaceRecall.Generated g = FaceRecall.generate(texture(1024), crops, 6, seed, 0.04, 0.08);
            List<Face> got = faces.faces(g.image());
            known += g.faces().size();
            found += FaceRecall.matched(g.faces(), got);
            byPyramid += FaceRecall.matched(g.faces(), faces.pyramidFaces(g.image()));
            for (Face f : got)
                assertThat(g.faces())
                        .as("found %s, seed %d: second looks add no face where none was pasted", f, seed)
                        .anySatisfy(
                                box -> assertThat(FaceRecall.iou(box, f.box())).isGreaterThanOrEqualTo(0.3));
        }
        assertThat(known).isGreaterThanOrEqualTo(16);
        assertThat((double) found / known)
                .as("%d of %d small generated faces found (pyramid: %d)", found, known, byPyramid)
                .isGreaterThanOrEqualTo(0.7);
        assertThat(found).as("tile plan with second looks vs pyramid").isGreaterThanOrEqualTo(byPyramid - 1);
    }

    @Test
    void secondLooksSkipCoveredFacesStayInsideTheImageAndAreCapped() {
        BlazeFace.Raw face = new BlazeFace.Raw(500, 500, 60, 60, 0.9, new double[12]);
        BlazeFace.Raw sameFaceWeakly = new BlazeFace.Raw(505, 498, 58, 62, 0.3, new double[12]);
        BlazeFace.Raw inTheCorner = new BlazeFace.Raw(10, 1010, 20, 20, 0.4, new double[12]);
        List<BlazeFace.Window> zooms = BlazeFace.zooms(List.of(face), List.of(sameFaceWeakly, inTheCorner), 1024, 1024);
        assertThat(zooms)
                .as("a weak detection of a face already found gets no second look")
                .hasSize(1);
        BlazeFace.Window z = zooms.get(0);
        assertThat(z.side()).isEqualTo(BlazeFace.ZOOM * 20);
        assertThat(z.x()).isZero();
        assertThat(z.y() + z.side()).as("clamped inside the image").isEqualTo(1024);
        assertThat(z.finest()).isTrue();
        List<BlazeFace.Raw> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) many.add(new BlazeFace.Raw(25 + 25 * i, 300, 4, 4, 0.25, new double[12]));
        List<BlazeFace.Window> capped = BlazeFace.zooms(List.of(), many, 1024, 1024);
        assertThat(capped).as("a busy image costs at most MAX_ZOOMS more runs").hasSize(BlazeFace.MAX_ZOOMS);
        assertThat(capped).allSatisfy(w -> assertThat(w.side()).isEqualTo(BlazeFace.MIN_ZOOM));
    }
}
