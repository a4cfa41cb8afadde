package org.pramaan.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.detect.FaceDetector.Face;
import org.pramaan.detect.FaceTracks.FrameFaces;
import org.pramaan.detect.FaceTracks.Sighting;
import org.pramaan.detect.FaceTracks.Track;

/** Issue 16: faces are followed across sampled frames by overlap, with known answers. */
class FaceTracksTest {
    static Face at(double x, double y) {
        return new Face(new Evidence.Region(x, y, 0.2, 0.2), 0.9, List.of());
    }

    static List<Integer> frames(Track t) {
        return t.sightings().stream().map(Sighting::frame).toList();
    }

    @Test
    void twoPeopleWalkingPastEachOtherKeepTheirTracks() {
        // A walks right from x=0.1, B walks left from x=0.7, 0.05 per frame; their boxes overlap at
        // frames 5-7 but each stays nearest its own previous box. The face lists swap order half-way.
        List<FrameFaces> frames = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Face a = at(0.1 + 0.05 * i, 0.3);
            Face b = at(0.7 - 0.05 * i, 0.35);
            frames.add(new FrameFaces(i, 1000L * i, i < 6 ? List.of(a, b) : List.of(b, a)));
        }
        List<Track> tracks = FaceTracks.track(frames);
        assertThat(tracks).hasSize(2);
        Track a = tracks.get(0);
        Track b = tracks.get(1);
        assertThat(frames(a)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(frames(b)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        for (Sighting s : a.sightings())
            assertThat(s.value().box().x())
                    .isCloseTo(0.1 + 0.05 * s.frame(), org.assertj.core.data.Offset.offset(1e-9));
        for (Sighting s : b.sightings())
            assertThat(s.value().box().x())
                    .isCloseTo(0.7 - 0.05 * s.frame(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.startMillis()).isZero();
        assertThat(a.endMillis()).isEqualTo(11_000);
    }

    @Test
    void aOneFrameMissContinuesATrackALongerOneOrAJumpStartsANewOne() {
        Face here = at(0.4, 0.4);
        List<FrameFaces> frames = List.of(
                new FrameFaces(0, 0, List.of(here)),
                new FrameFaces(1, 1000, List.of()), // missed once: the track goes on
                new FrameFaces(2, 2000, List.of(here)),
                new FrameFaces(3, 3000, List.of()),
                new FrameFaces(4, 4000, List.of()), // missed twice: the track ends
                new FrameFaces(5, 5000, List.of(here)),
                new FrameFaces(6, 6000, List.of(at(0.0, 0.0)))); // no overlap: a new face
        List<Track> tracks = FaceTracks.track(frames);
        assertThat(tracks).extracting(FaceTracksTest::frames).containsExactly(List.of(0, 2), List.of(5), List.of(6));
        assertThat(tracks).extracting(Track::id).containsExactly(1, 2, 3);
    }

    @Test
    void noFacesNoTracks() {
        assertThat(FaceTracks.track(List.of(new FrameFaces(0, 0, List.of())))).isEmpty();
        assertThat(FaceTracks.track(List.of())).isEmpty();
    }

    @Test
    void theTrackerNamesEachFacesTrackAsItsFrameArrivesAndTheIdsMatchTheFinalTracks() {
        // Issue 16, likeness on video: a face's track id is known while its frame's pixels are at hand, and
        // never changes later. Three faces: one steady, one that leaves for two frames (a new track on return),
        // one that appears at frame 2.
        FaceTracks.Tracker tracker = new FaceTracks.Tracker();
        List<FrameFaces> frames = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            List<Face> faces = new ArrayList<>();
            faces.add(at(0.1, 0.1));
            if (i < 2 || i > 4) faces.add(at(0.7, 0.1));
            if (i >= 2) faces.add(at(0.4, 0.6));
            FrameFaces f = new FrameFaces(i, 1000L * i, faces);
            frames.add(f);
            ids.add(tracker.add(f));
        }
        List<Track> tracks = FaceTracks.track(frames);
        assertThat(tracker.tracks()).isEqualTo(tracks);
        assertThat(tracks)
                .extracting(FaceTracksTest::frames)
                .containsExactly(
                        List.of(0, 1, 2, 3, 4, 5, 6, 7), List.of(0, 1), List.of(2, 3, 4, 5, 6, 7), List.of(5, 6, 7));
        for (Track t : tracks)
            for (Sighting s : t.sightings())
                assertThat(ids.get(s.frame())[s.face()]).isEqualTo(t.id());
    }
}
