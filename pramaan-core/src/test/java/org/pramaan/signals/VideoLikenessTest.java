package org.pramaan.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.pramaan.assessment.Assessor;
import org.pramaan.assessment.Tier;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.detect.ModelManifest;
import org.pramaan.likeness.Consent;
import org.pramaan.likeness.Embedding;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.ProtectedPerson;
import org.pramaan.likeness.Vector;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaSource;
import org.pramaan.media.MediaType;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoDecoder;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;
import org.pramaan.media.decode.VideoStreamInfo;

/**
 * Issue 16, the likeness registry on video, with known answers: a 10 s video at 5 fps (sampled once a
 * second) shows a blue "face" at the right throughout and the enrolled person's red "face" at the left
 * from 3 s to 7 s. The red track matches with the range 3000-7000 ms and its frames; the blue one does
 * not; the video is decoded once and faces are found once per sampled frame for the per-face model and
 * the registry together; each track is embedded at most {@value VideoLikeness#PER_TRACK} times.
 */
class VideoLikenessTest {
    static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
    static final Evidence.Region LEFT = new Evidence.Region(0.125, 0.25, 0.25, 0.5);
    static final Evidence.Region RIGHT = new Evidence.Region(0.625, 0.25, 0.25, 0.5);

    /** A decoder that draws its frames (64×32, 5 fps) and counts how often it is asked to decode. */
    static final class DrawnVideo implements VideoDecoder {
        final AtomicInteger decodes = new AtomicInteger();
        final int frames;
        final IntPredicate red;
        final IntPredicate blue;

        DrawnVideo(int frames, IntPredicate red, IntPredicate blue) {
            this.frames = frames;
            this.red = red;
            this.blue = blue;
        }

        @Override
        public DecodedVideo decode(Path file, DecodeLimits limits, int frameSide, VideoFrameSink sink) {
            decodes.incrementAndGet();
            VideoStreamInfo info = new VideoStreamInfo(64, 32, 5, frames / 5.0, "drawn");
            sink.begin(info);
            for (int n = 0; n < frames; n++) {
                if (!sink.wants(n)) continue;
                byte[] rgb = new byte[64 * 32 * 3];
                if (red.test(n)) fill(rgb, LEFT, 0);
                if (blue.test(n)) fill(rgb, RIGHT, 2);
                sink.accept(new VideoFrame(n, n / 5.0, 64, 32, rgb));
            }
            return new DecodedVideo(info, frames);
        }

        private static void fill(byte[] rgb, Evidence.Region r, int channel) {
            for (int y = (int) (r.y() * 32); y < (int) ((r.y() + r.height()) * 32); y++)
                for (int x = (int) (r.x() * 64); x < (int) ((r.x() + r.width()) * 64); x++)
                    rgb[(y * 64 + x) * 3 + channel] = (byte) 255;
        }
    }

    /** Finds the drawn squares (a face where the box's centre is not black), counting its calls. */
    static final class SquareFaces implements FaceDetector {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public List<Face> faces(BufferedImage image) {
            calls.incrementAndGet();
            List<Face> out = new ArrayList<>();
            for (Evidence.Region r : List.of(LEFT, RIGHT)) {
                int x = (int) ((r.x() + r.width() / 2) * image.getWidth());
                int y = (int) ((r.y() + r.height() / 2) * image.getHeight());
                if ((image.getRGB(x, y) & 0xffffff) != 0) out.add(new Face(r, 0.9, List.of()));
            }
            return out;
        }
    }

    /** The colour embedder of {@link LikenessExtractorTest}, counting its calls. */
    static final class Counted implements FaceEmbedder {
        final FaceEmbedder inner;
        final AtomicInteger calls = new AtomicInteger();

        Counted(boolean fail) {
            this.inner = new LikenessExtractorTest.ColourEmbedder(fail);
        }

        @Override
        public ModelManifest manifest() {
            return inner.manifest();
        }

        @Override
        public float[] embed(BufferedImage face) throws DetectorFailure {
            calls.incrementAndGet();
            return inner.embed(face);
        }

        @Override
        public void close() {}
    }

    static LikenessIndex redEnrolled(FaceEmbedder e) throws DetectorFailure {
        float[] red = FaceEmbedder.normalise(new float[] {0.7f, -0.3f, -0.3f}, "colour-id");
        ProtectedPerson p = new ProtectedPerson(
                "pp_red",
                "Red",
                "",
                new Consent("Red", T, "doc-1"),
                Optional.of("case-7"),
                List.of(new Embedding(
                        LikenessModality.FACE, "colour-id", e.manifest().version(), Vector.of(red))),
                T,
                T);
        LikenessIndex index = new LikenessIndex(LikenessExtractorTest.enrolled(p));
        index.reload();
        return index;
    }

    static List<Signal> screen(DrawnVideo video, SquareFaces faces, Counted embedder, boolean perFaceModel)
            throws Exception {
        VideoDetectorExtractor x = new VideoDetectorExtractor(
                perFaceModel ? List.of(new PerFaceDetectorTest.RedFace()) : List.of(),
                Optional.of(faces),
                Optional.of(video),
                DecodeLimits.DEFAULT,
                1.0,
                Optional.of(new VideoLikeness(embedder, redEnrolled(embedder))));
        byte[] bytes = new byte[64];
        MediaInfo info = new MediaInfo(
                MediaType.MP4, bytes.length, Optional.empty(), Optional.of(Duration.ofMillis(video.frames * 200L)));
        return x.extract(SignalInput.of(MediaSource.of(bytes), info));
    }

    static List<Signal> likeness(List<Signal> s) {
        return s.stream().filter(x -> x.type() == SignalType.LIKENESS_MATCH).toList();
    }

    @Test
    void theEnrolledFaceMatchesOverItsTimeRangeInOneDecodeWithFacesFoundOncePerFrame() throws Exception {
        DrawnVideo video = new DrawnVideo(50, n -> n >= 15 && n < 35, n -> true);
        SquareFaces faces = new SquareFaces();
        Counted embedder = new Counted(false);
        List<Signal> out = screen(video, faces, embedder, true);

        assertThat(likeness(out)).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("pp_red");
            assertThat(s.strength()).isEqualTo(SignalStrength.INFO);
            assertThat(s.location()).isEqualTo("track 2");
            assertThat(LikenessExtractor.isMatch(s)).isTrue();
            assertThat(s.attributes())
                    .containsEntry("person", "pp_red")
                    .containsEntry("caseId", "case-7")
                    .containsEntry("track", "2")
                    .containsEntry("startMillis", "3000")
                    .containsEntry("endMillis", "7000")
                    .containsEntry("frames", "4")
                    .containsEntry("compared", "3")
                    .containsEntry("synthetic", "false");
            assertThat(s.attributes().get("evidence"))
                    .startsWith("track 2, time 3000-7000 ms; frame 3 at 3000 ms region x=0.13 y=0.25 w=0.25 h=0.50");
            assertThat(s.attributes().get("matchedFrames"))
                    .contains("at 3000 ms", "similarity 1.000")
                    .doesNotContain("at 2000 ms", "at 7000 ms");
        });
        // One decode for the per-face model and the registry; the faces of each of the 10 sampled frames found once.
        assertThat(video.decodes).hasValue(1);
        assertThat(faces.calls).hasValue(10);
        // Blue's track (10 sightings) and red's (4): three crops embedded each, not one per sighting.
        assertThat(embedder.calls).hasValue(2 * VideoLikeness.PER_TRACK);
        assertThat(out).filteredOn(s -> s.type() == SignalType.DETECTOR_SCORE).hasSize(2);
        // A likeness decides nothing: the registry's signal alone leaves the tier where it was.
        var a = new Assessor().assess(likeness(out));
        assertThat(a.tier()).isEqualTo(Tier.NO_EVIDENCE);
        assertThat(a.reasons())
                .filteredOn(r -> r.code().startsWith("likeness"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.code()).isEqualTo("likeness.match");
                    assertThat(r.message()).contains("track 2, time 3000-7000 ms", "pp_red");
                });
    }

    @Test
    void anotherPersonsFaceIsComparedButDoesNotMatch() throws Exception {
        DrawnVideo video = new DrawnVideo(50, n -> false, n -> true);
        Counted embedder = new Counted(false);
        List<Signal> out = screen(video, new SquareFaces(), embedder, false);
        assertThat(likeness(out)).isEmpty();
        assertThat(embedder.calls).hasValue(VideoLikeness.PER_TRACK);
        assertThat(video.decodes).hasValue(1);
    }

    @Test
    void aVideoWithoutFacesGivesNoLikenessSignalAndEmbedsNothing() throws Exception {
        DrawnVideo video = new DrawnVideo(50, n -> false, n -> false);
        SquareFaces faces = new SquareFaces();
        Counted embedder = new Counted(false);
        assertThat(screen(video, faces, embedder, false)).isEmpty();
        assertThat(faces.calls).hasValue(10);
        assertThat(embedder.calls).hasValue(0);
    }

    @Test
    void aFailingEmbedderGivesOneFailedSignalAndThePerFaceModelStillReports() throws Exception {
        DrawnVideo video = new DrawnVideo(50, n -> n >= 15 && n < 35, n -> true);
        List<Signal> out = screen(video, new SquareFaces(), new Counted(true), true);
        assertThat(likeness(out)).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo("failed");
            assertThat(s.attributes()).containsEntry("error", "detect.timeout");
            assertThat(LikenessExtractor.isMatch(s)).isFalse();
        });
        assertThat(out).filteredOn(s -> s.type() == SignalType.DETECTOR_SCORE).hasSize(2);
        assertThat(new Assessor().assess(likeness(out)).reasons())
                .filteredOn(r -> r.code().startsWith("likeness"))
                .singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo("likeness.failed"));
    }

    @Test
    void withNobodyEnrolledNoFaceIsSoughtForTheRegistry() throws Exception {
        DrawnVideo video = new DrawnVideo(50, n -> true, n -> true);
        SquareFaces faces = new SquareFaces();
        Counted embedder = new Counted(false);
        LikenessIndex empty = new LikenessIndex(new org.pramaan.likeness.ProtectedPersons() {
            @Override
            public void save(ProtectedPerson person) {}

            @Override
            public Optional<ProtectedPerson> find(String id) {
                return Optional.empty();
            }

            @Override
            public List<ProtectedPerson> all() {
                return List.of();
            }

            @Override
            public boolean delete(String id) {
                return false;
            }

            @Override
            public long revision() {
                return 0; // never changes: nothing is enrolled after start
            }
        });
        empty.reload();
        VideoDetectorExtractor x = new VideoDetectorExtractor(
                List.of(),
                Optional.of(faces),
                Optional.of(video),
                DecodeLimits.DEFAULT,
                1.0,
                Optional.of(new VideoLikeness(embedder, empty)));
        MediaInfo info = new MediaInfo(MediaType.MP4, 64, Optional.empty(), Optional.of(Duration.ofSeconds(10)));
        assertThat(x.extract(SignalInput.of(MediaSource.of(new byte[64]), info)))
                .isEmpty();
        assertThat(video.decodes).hasValue(0);
        assertThat(faces.calls).hasValue(0);
    }

    @Test
    void theLargestMostFrontalFacesOfATrackAreTheOnesEmbedded() {
        FaceDetector.Face small = new FaceDetector.Face(new Evidence.Region(0.1, 0.1, 0.1, 0.1), 0.9, List.of());
        FaceDetector.Face large = new FaceDetector.Face(new Evidence.Region(0.1, 0.1, 0.3, 0.3), 0.9, List.of());
        FaceDetector.Face frontal = face(0.5);
        FaceDetector.Face turned = face(0.58);
        assertThat(VideoLikeness.quality(large, 100, 100)).isGreaterThan(VideoLikeness.quality(small, 100, 100));
        assertThat(VideoLikeness.quality(frontal, 100, 100)).isGreaterThan(VideoLikeness.quality(turned, 100, 100));
    }

    @Test
    void aCrowdCostsAtMostTheCappedEmbeddingsAndHeldCropsStayWithinTheirMemoryBudget() throws Exception {
        // 20 faces side by side in each of 10 frames: 20 tracks of 10 sightings, more than are compared.
        Counted embedder = new Counted(false);
        VideoLikeness.Tracks tracks = new VideoLikeness(embedder, redEnrolled(embedder)).start();
        BufferedImage img = new BufferedImage(400, 40, BufferedImage.TYPE_INT_RGB);
        List<FaceDetector.Face> crowd = new ArrayList<>();
        for (int i = 0; i < 20; i++)
            crowd.add(new FaceDetector.Face(new Evidence.Region(0.05 * i, 0.25, 0.04, 0.5), 0.9, List.of()));
        for (int f = 0; f < 10; f++) tracks.frame(f, 1000L * f, img, crowd);
        assertThat(tracks.signals(1000)).isEmpty(); // black faces match no one
        assertThat(embedder.calls).hasValue(VideoLikeness.MAX_EMBEDDINGS);
        assertThat(VideoLikeness.MAX_EMBEDDINGS).isEqualTo(48);
        // A model taking 112² crops may hold every track's crops; one taking 1024² crops only a few.
        assertThat(VideoLikeness.heldTracks(112)).isEqualTo(VideoLikeness.MAX_HELD_TRACKS);
        assertThat(VideoLikeness.heldTracks(1024)).isEqualTo(5);
        assertThat((long) VideoLikeness.heldTracks(1024) * VideoLikeness.PER_TRACK * 1024 * 1024 * 4)
                .isLessThanOrEqualTo(VideoLikeness.HELD_BYTES);
    }

    @Test
    void aTracksThreeLargestFacesAreTheOnesEmbeddedAndNamed() throws Exception {
        // The enrolled (red) person walks towards the camera: the box grows each sampled frame.
        Counted embedder = new Counted(false);
        VideoLikeness.Tracks tracks = new VideoLikeness(embedder, redEnrolled(embedder)).start();
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        for (int f = 0; f < 6; f++) {
            double side = 0.1 + 0.04 * f;
            tracks.frame(
                    f,
                    1000L * f,
                    img,
                    List.of(new FaceDetector.Face(new Evidence.Region(0.1, 0.1, side, side), 0.9, List.of())));
        }
        assertThat(tracks.signals(1000)).singleElement().satisfies(s -> {
            assertThat(s.attributes())
                    .containsEntry("startMillis", "0")
                    .containsEntry("endMillis", "6000")
                    .containsEntry("frames", "6")
                    .containsEntry("compared", "3");
            assertThat(s.attributes().get("matchedFrames"))
                    .contains("frame 3 at 3000 ms", "frame 4 at 4000 ms", "frame 5 at 5000 ms")
                    .doesNotContain("frame 0 ", "frame 1 ", "frame 2 ");
        });
        assertThat(embedder.calls).hasValue(3);
    }

    /** A face with eyes at x 0.4 and 0.6 and the nose tip at {@code noseX}. */
    static FaceDetector.Face face(double noseX) {
        return new FaceDetector.Face(
                new Evidence.Region(0.3, 0.3, 0.4, 0.4),
                0.9,
                List.of(
                        new FaceDetector.Point(0.4, 0.4),
                        new FaceDetector.Point(0.6, 0.4),
                        new FaceDetector.Point(noseX, 0.5)));
    }
}
