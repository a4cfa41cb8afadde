package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessor;
import org.pramaan.assessment.Tier;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.detect.ModelManifest;
import org.pramaan.likeness.Consent;
import org.pramaan.likeness.Embedding;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.ProtectedPersons;
import org.pramaan.likeness.Vector;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.image.StandardStillImageDecoder;

/**
 * Issue 16: each face is compared with the registry; the red face matches the person enrolled with
 * a "red" embedding, the blue one does not; a match is INFO evidence that changes no tier; an
 * embedder that fails gives one {@code failed} signal and a {@code likeness.failed} reason, no crash.
 */
class LikenessExtractorTest {
    static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    /** Embeds a crop as its mean (red, green, blue) minus grey: a red face points along red. */
    static final class ColourEmbedder implements FaceEmbedder {
        final boolean fail;

        ColourEmbedder(boolean fail) {
            this.fail = fail;
        }

        @Override
        public ModelManifest manifest() {
            ModelManifest m = PerFaceDetectorTest.face("colour-id");
            return new ModelManifest(
                    m.id(),
                    m.version(),
                    m.weights(),
                    m.sha256(),
                    m.licence(),
                    org.pramaan.detect.Modality.FACE_EMBEDDING,
                    m.input(),
                    m.output(),
                    m.calibration(),
                    0.9,
                    m.intendedUse(),
                    m.knownFailureModes(),
                    m.timeLimitMillis());
        }

        @Override
        public float[] embed(BufferedImage crop) throws DetectorFailure {
            if (fail) throw new DetectorFailure("detect.timeout", "model colour-id ran past its time limit");
            double[] sum = new double[3];
            for (int y = 0; y < crop.getHeight(); y++)
                for (int x = 0; x < crop.getWidth(); x++)
                    for (int c = 0; c < 3; c++) sum[c] += (crop.getRGB(x, y) >> (16 - 8 * c)) & 0xff;
            float[] v = new float[3];
            double n = crop.getWidth() * crop.getHeight();
            for (int c = 0; c < 3; c++) v[c] = (float) (sum[c] / n / 255.0 - 0.3);
            return FaceEmbedder.normalise(v, "colour-id");
        }

        @Override
        public void close() {}
    }

    static ProtectedPersons enrolled(ProtectedPerson p) {
        return new ProtectedPersons() {
            @Override
            public void save(ProtectedPerson person) {}

            @Override
            public Optional<ProtectedPerson> find(String id) {
                return Optional.of(p);
            }

            @Override
            public List<ProtectedPerson> all() {
                return List.of(p);
            }

            @Override
            public boolean delete(String id) {
                return false;
            }

            @Override
            public long revision() {
                return 0;
            }
        };
    }

    static List<Signal> run(FaceEmbedder embedder) throws Exception {
        // The person was enrolled from a pure red face: colour (1, 0, 0) minus grey 0.3.
        float[] red = FaceEmbedder.normalise(new float[] {0.7f, -0.3f, -0.3f}, "colour-id");
        ProtectedPerson p = new ProtectedPerson(
                "pp_red",
                "Red",
                "",
                new Consent("Red", T, "doc-1"),
                Optional.of("case-7"),
                List.of(new Embedding(
                        LikenessModality.FACE, "colour-id", embedder.manifest().version(), Vector.of(red))),
                T,
                T);
        LikenessIndex index = new LikenessIndex(enrolled(p));
        index.reload();
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(8, 8, 16, 16);
        g.setColor(Color.BLUE);
        g.fillRect(40, 8, 16, 16);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        MediaSource src = MediaSource.of(png.toByteArray());
        return new LikenessExtractor(PerFaceDetectorTest.TWO, embedder, index, new StandardStillImageDecoder())
                .extract(src, MediaProber.standard().probe(src, MediaLimits.defaults()));
    }

    @Test
    void theEnrolledPersonsFaceMatchesTheOtherDoesNotAndTheTierIsUnchanged() throws Exception {
        List<Signal> out = run(new ColourEmbedder(false));
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.LIKENESS_MATCH);
            assertThat(s.value()).isEqualTo("pp_red");
            assertThat(s.strength()).isEqualTo(SignalStrength.INFO);
            assertThat(s.attributes())
                    .containsEntry("person", "pp_red")
                    .containsEntry("caseId", "case-7")
                    .containsEntry("face", "1")
                    .containsEntry("threshold", "0.900")
                    .containsEntry("model", "colour-id")
                    .containsEntry("evidence", "face 1 region x=0.13 y=0.25 w=0.25 h=0.50");
            assertThat(Double.parseDouble(s.attributes().get("similarity"))).isGreaterThanOrEqualTo(0.9);
            assertThat(LikenessExtractor.isMatch(s)).isTrue();
        });
        var a = new Assessor().assess(out);
        assertThat(a.tier()).isEqualTo(Tier.NO_EVIDENCE);
        assertThat(a.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("likeness.match");
            assertThat(r.message()).contains("pp_red", "colour-id").doesNotContain("Red ");
        });
    }

    @Test
    void aFailingEmbedderGivesOneFailedSignalAndAReasonAndNoCrash() throws Exception {
        List<Signal> out = run(new ColourEmbedder(true));
        assertThat(out).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("failed");
            assertThat(s.attributes()).containsEntry("error", "detect.timeout");
            assertThat(LikenessExtractor.isMatch(s)).isFalse();
        });
        assertThat(new Assessor().assess(out).reasons())
                .anySatisfy(r -> assertThat(r.code()).isEqualTo("likeness.failed"));
    }
}
