package org.pramaan.signals;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceCrops;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.FaceEmbedder;
import org.pramaan.detect.FaceTracks;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.Vector;

/**
 * The protected-persons registry on video (issue 16): each face track is compared, not each frame.
 * It runs inside {@link VideoDetectorExtractor}'s single pass, on the faces its face detector already
 * found in each sampled frame (the video is decoded once and the face detector runs once per frame
 * for the per-face models and the registry together). While a frame's pixels are at hand, each face
 * is put on its track ({@link FaceTracks.Tracker}) and, when it is among the {@value #PER_TRACK}
 * best of its track so far (largest and most frontal), its aligned crop is kept; frames themselves
 * are not. After the last frame the {@value #MAX_TRACKS} longest tracks are embedded, at most
 * {@value #PER_TRACK} crops each, so at most {@value #MAX_EMBEDDINGS} embeddings per video whatever
 * its length. A track whose crop reaches an enrolled person's threshold gives one
 * {@link SignalType#LIKENESS_MATCH} signal, as a face in a still image does, with the track's time
 * range and the frames (time, face box) that matched.
 */
public final class VideoLikeness {
    /** Crops embedded per track: one odd frame (blur, a turned head) is outvoted by the others. */
    public static final int PER_TRACK = 3;
    /** Tracks compared per video: the longest, as the per-face models report. */
    public static final int MAX_TRACKS = VideoDetectorExtractor.MAX_TRACKS;

    public static final int MAX_EMBEDDINGS = PER_TRACK * MAX_TRACKS;
    /** Tracks whose crops are held while decoding (a crowd beyond it is compared on its first tracks). */
    static final int MAX_HELD_TRACKS = 64;
    /** Memory the held crops may take: 64 tracks of 3 crops of 112² take 9.6 MB; a model's 1024² crop, 12 MB each. */
    static final long HELD_BYTES = 64L << 20;

    private final FaceEmbedder embedder;
    private final LikenessIndex index;

    public VideoLikeness(FaceEmbedder embedder, LikenessIndex index) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.index = Objects.requireNonNull(index, "index");
    }

    /** Tracks whose crops may be held for a model taking {@code side}² crops: at most {@link #HELD_BYTES}. */
    static int heldTracks(int side) {
        long perTrack = (long) PER_TRACK * side * side * Integer.BYTES;
        return (int) Math.max(1, Math.min(MAX_HELD_TRACKS, HELD_BYTES / perTrack));
    }

    /** Whether anyone is enrolled (else faces need not be found for the registry). */
    boolean active() {
        return index.size() > 0;
    }

    /** A fresh collector for one video (or one restart of its decoding). */
    Tracks start() {
        return new Tracks();
    }

    /** A face crop kept for embedding. */
    private record Crop(int frame, long timeMillis, Evidence.Region box, double quality, BufferedImage pixels) {}

    /** One video's tracks and their best crops; {@link #frame} runs on the pipeline's worker, in frame order. */
    final class Tracks {
        private final FaceTracks.Tracker tracker = new FaceTracks.Tracker();
        private final int maxHeld = heldTracks(embedder.cropSide());
        private final Map<Integer, List<Crop>> held = new HashMap<>();
        private Optional<Exception> failure = Optional.empty();

        /** One sampled frame's faces, with its pixels (cropped now, not kept). */
        void frame(int index, long timeMillis, BufferedImage img, List<FaceDetector.Face> faces) {
            if (failure.isPresent()) return;
            int[] ids = tracker.add(new FaceTracks.FrameFaces(index, timeMillis, faces));
            for (int i = 0; i < faces.size(); i++) {
                List<Crop> kept = held.get(ids[i]);
                if (kept == null) {
                    if (held.size() >= maxHeld) continue;
                    held.put(ids[i], kept = new ArrayList<>(PER_TRACK + 1));
                }
                FaceDetector.Face f = faces.get(i);
                double q = quality(f, img.getWidth(), img.getHeight());
                if (kept.size() == PER_TRACK && q <= kept.get(PER_TRACK - 1).quality()) continue;
                try {
                    kept.add(new Crop(index, timeMillis, f.box(), q, FaceCrops.align(img, f, embedder.cropSide())));
                } catch (RuntimeException e) {
                    failure = Optional.of(e);
                    return;
                }
                kept.sort(Comparator.comparingDouble((Crop c) -> -c.quality()));
                if (kept.size() > PER_TRACK) kept.remove(PER_TRACK);
            }
        }

        /** The face detector failed: the registry cannot compare this video. */
        void failed(DetectorFailure e) {
            if (failure.isEmpty()) failure = Optional.of(e);
        }

        /**
         * The matches, one per matching track; or one {@code failed} signal when the face detector or
         * the embedder failed (screening goes on without the registry).
         *
         * @param stepMillis time between sampled frames: a track's range ends one step after its last sighting
         */
        List<Signal> signals(long stepMillis) {
            if (failure.isPresent()) return List.of(LikenessSignals.failed(embedder, failure.get()));
            List<FaceTracks.Track> tracks = new ArrayList<>(tracker.tracks());
            tracks.removeIf(t -> !held.containsKey(t.id()));
            tracks.sort(Comparator.comparingInt(
                    (FaceTracks.Track t) -> -t.sightings().size()));
            List<Signal> out = new ArrayList<>();
            try {
                for (FaceTracks.Track t : tracks.subList(0, Math.min(MAX_TRACKS, tracks.size())))
                    match(t, held.get(t.id()), stepMillis).ifPresent(out::add);
            } catch (DetectorFailure | RuntimeException e) {
                return List.of(LikenessSignals.failed(embedder, e));
            }
            out.sort(
                    Comparator.comparingInt(s -> Integer.parseInt(s.attributes().get("track"))));
            return out;
        }

        /** The track's crops embedded and compared; the person the best of them matches, with every crop that did. */
        private Optional<Signal> match(FaceTracks.Track t, List<Crop> crops, long stepMillis) throws DetectorFailure {
            String model = embedder.manifest().id();
            String version = embedder.manifest().version();
            List<Crop> inOrder = new ArrayList<>(crops);
            inOrder.sort(Comparator.comparingInt(Crop::frame));
            Map<Crop, LikenessIndex.Match> matched = new LinkedHashMap<>();
            LikenessIndex.Match best = null;
            for (Crop c : inOrder) {
                Vector v = Vector.of(embedder.embed(c.pixels()));
                Optional<LikenessIndex.Match> m =
                        index.best(LikenessModality.FACE, model, version, v, embedder.threshold());
                if (m.isEmpty()) continue;
                matched.put(c, m.get());
                if (best == null || m.get().similarity() > best.similarity()) best = m.get();
            }
            if (best == null) return Optional.empty();
            long start = t.startMillis();
            long end = t.endMillis() + Math.max(1, stepMillis);
            StringBuilder frames = new StringBuilder();
            for (Map.Entry<Crop, LikenessIndex.Match> e : matched.entrySet()) {
                if (!e.getValue().personId().equals(best.personId())) continue;
                Crop c = e.getKey();
                if (!frames.isEmpty()) frames.append("; ");
                frames.append(Evidence.describe(new Evidence.Frame(c.frame(), c.timeMillis())))
                        .append(' ')
                        .append(Evidence.describe(c.box()))
                        .append(" similarity ")
                        .append(LikenessSignals.format(e.getValue().similarity()));
            }
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("track", Integer.toString(t.id()));
            extra.put("startMillis", Long.toString(start));
            extra.put("endMillis", Long.toString(end));
            extra.put("frames", Integer.toString(t.sightings().size()));
            extra.put("compared", Integer.toString(crops.size()));
            extra.put("matchedFrames", frames.toString());
            String evidence =
                    "track " + t.id() + ", " + Evidence.describe(new Evidence.TimeRange(start, end)) + "; " + frames;
            return Optional.of(LikenessSignals.match(embedder, best, "track " + t.id(), evidence, extra));
        }
    }

    /**
     * Larger and more frontal faces embed best: the box's area in pixels times how centred the nose
     * tip is between the eyes (BlazeFace key points 0, 1 and 2; 1 for a face without them).
     */
    static double quality(FaceDetector.Face f, int width, int height) {
        double area = f.box().width() * width * f.box().height() * height;
        if (f.keyPoints().size() < 3) return area;
        FaceDetector.Point r = f.keyPoints().get(0);
        FaceDetector.Point l = f.keyPoints().get(1);
        FaceDetector.Point nose = f.keyPoints().get(2);
        double eyes = Math.abs(l.x() - r.x()) * width;
        if (eyes < 1) return area * 0.1;
        double offset = Math.abs(nose.x() - (r.x() + l.x()) / 2) * width / eyes; // 0 frontal, 0.5 a profile
        return area * Math.max(0.1, 1 - 2 * offset);
    }
}
