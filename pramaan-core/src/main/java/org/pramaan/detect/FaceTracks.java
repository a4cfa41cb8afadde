package org.pramaan.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pramaan.detect.FaceDetector.Face;

/**
 * Follows faces across a video's sampled frames (issue 16, "face tracks"): a face in one frame
 * continues the track whose last box overlaps it most (IoU at least {@link #MIN_IOU}), best pairs
 * first, each track and face used once per frame; a face that continues none starts a new track; a
 * track not continued for more than {@link #MAX_GAP} sampled frames ends (the person left, or the
 * detector missed them too long to be sure it is the same face). This is the IoU tracker of
 * Bochinski, Eiselein and Sikora (AVSS 2017) with a gap allowance; at one frame a second a face
 * that moves less than about a third of its width between samples stays on one track.
 */
public final class FaceTracks {
    /** Least overlap for a face to continue a track. */
    public static final double MIN_IOU = 0.3;
    /** Sampled frames a track may miss and still continue. */
    public static final int MAX_GAP = 1;

    private FaceTracks() {}

    /** One sampled frame's faces. */
    public record FrameFaces(int frame, long timeMillis, List<Face> faces) {
        public FrameFaces {
            faces = List.copyOf(faces);
        }
    }

    /** A face in one frame of a track; {@code face} indexes the frame's face list. */
    public record Sighting(int frame, long timeMillis, int face, Face value) {}

    /** One person's face through the frames, in frame order. */
    public record Track(int id, List<Sighting> sightings) {
        public Track {
            sightings = List.copyOf(sightings);
            if (sightings.isEmpty()) throw new IllegalArgumentException("a track has at least one sighting");
        }

        public long startMillis() {
            return sightings.get(0).timeMillis();
        }

        public long endMillis() {
            return sightings.get(sightings.size() - 1).timeMillis();
        }
    }

    /** The tracks of {@code frames} (in frame order), numbered from 1 in order of their first sighting. */
    public static List<Track> track(List<FrameFaces> frames) {
        Tracker t = new Tracker();
        for (FrameFaces f : frames) t.add(f);
        return t.tracks();
    }

    /**
     * The same tracking one frame at a time, for a consumer that must know a face's track while the
     * frame's pixels are still at hand (the likeness registry keeps a track's best crops, not every
     * frame). A face's track id never changes as later frames are added: a track is numbered when it
     * starts, and tracks start in frame order.
     */
    public static final class Tracker {
        private final List<List<Sighting>> all = new ArrayList<>(); // by id - 1
        private final List<Integer> open = new ArrayList<>(); // ids of the tracks still open
        private final List<Integer> lastFrame = new ArrayList<>(); // beside open: the position last continued
        private int position;

        /** Adds the next sampled frame; returns the track id of each of its faces, in the frame's order. */
        public int[] add(FrameFaces f) {
            // Close the tracks that missed too many sampled frames.
            for (int t = open.size() - 1; t >= 0; t--) {
                if (position - lastFrame.get(t) > MAX_GAP + 1) {
                    open.remove(t);
                    lastFrame.remove(t);
                }
            }
            List<double[]> pairs = new ArrayList<>(); // iou, track, face
            for (int t = 0; t < open.size(); t++) {
                List<Sighting> tr = all.get(open.get(t) - 1);
                Evidence.Region last = tr.get(tr.size() - 1).value().box();
                for (int i = 0; i < f.faces().size(); i++) {
                    double iou = iou(last, f.faces().get(i).box());
                    if (iou >= MIN_IOU) pairs.add(new double[] {iou, t, i});
                }
            }
            pairs.sort(Comparator.comparingDouble((double[] p) -> p[0]).reversed());
            boolean[] trackUsed = new boolean[open.size()];
            int[] ids = new int[f.faces().size()];
            for (double[] p : pairs) {
                int t = (int) p[1];
                int i = (int) p[2];
                if (trackUsed[t] || ids[i] != 0) continue;
                trackUsed[t] = true;
                ids[i] = open.get(t);
                all.get(ids[i] - 1)
                        .add(new Sighting(
                                f.frame(), f.timeMillis(), i, f.faces().get(i)));
                lastFrame.set(t, position);
            }
            for (int i = 0; i < f.faces().size(); i++) {
                if (ids[i] != 0) continue;
                List<Sighting> tr = new ArrayList<>();
                tr.add(new Sighting(f.frame(), f.timeMillis(), i, f.faces().get(i)));
                all.add(tr);
                ids[i] = all.size();
                open.add(ids[i]);
                lastFrame.add(position);
            }
            position++;
            return ids;
        }

        /** Every track so far, numbered from 1 in order of their first sighting. */
        public List<Track> tracks() {
            List<Track> out = new ArrayList<>(all.size());
            for (List<Sighting> s : all) out.add(new Track(out.size() + 1, s));
            return out;
        }
    }

    /** Intersection over union of two boxes (0 when they do not overlap). */
    public static double iou(Evidence.Region a, Evidence.Region b) {
        double x0 = Math.max(a.x(), b.x());
        double y0 = Math.max(a.y(), b.y());
        double x1 = Math.min(a.x() + a.width(), b.x() + b.width());
        double y1 = Math.min(a.y() + a.height(), b.y() + b.height());
        double inner = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
        double union = a.width() * a.height() + b.width() * b.height() - inner;
        return union <= 0 ? 0 : inner / union;
    }
}
