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
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.FaceCrops;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.FaceTracks;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoDecoder;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;
import org.pramaan.media.decode.VideoStreamInfo;

/**
 * Runs the operator's detector models on a video's sampled frames (issue 16, "video: sampled frames,
 * face tracks, a per-track score with the frames that drove it"). Frames are sampled as intake
 * samples them for vPDQ (one a second by default), at most {@value #MAX_FRAMES} spread over the whole
 * video. A whole-image model scores every sampled frame and gives one signal; a per-face model scores
 * each face in each frame, faces are followed across frames ({@link FaceTracks}), and each track
 * gives one signal. A signal's probability is the mean calibrated probability over its frames (one
 * odd frame neither makes nor clears a video), its maximum is kept beside it, and its evidence is the
 * time range and the {@value #TOP_FRAMES} frames with the highest probability. With a
 * {@link VideoLikeness} the same pass also compares each face track with the protected-persons registry:
 * the faces found once per frame serve both, so the video is decoded and its faces found once.
 */
public final class VideoDetectorExtractor implements SignalExtractor {
    public static final int MAX_FRAMES = 120;
    public static final int TOP_FRAMES = 3;
    /** Tracks reported per model: the longest, so a crowd scene stays bounded. */
    public static final int MAX_TRACKS = 16;

    private final List<Detector> image;
    private final List<Detector> perFace;
    private final Optional<FaceDetector> faces;
    private final Optional<VideoDecoder> decoder;
    private final DecodeLimits limits;
    private final double secondsPerFrame;
    private final Optional<VideoLikeness> likeness;

    public VideoDetectorExtractor(
            List<Detector> detectors,
            Optional<FaceDetector> faces,
            Optional<VideoDecoder> decoder,
            DecodeLimits limits,
            double secondsPerFrame) {
        this(detectors, faces, decoder, limits, secondsPerFrame, Optional.empty());
    }

    /** As above, with the likeness registry's per-track comparison (needs the face detector). */
    public VideoDetectorExtractor(
            List<Detector> detectors,
            Optional<FaceDetector> faces,
            Optional<VideoDecoder> decoder,
            DecodeLimits limits,
            double secondsPerFrame,
            Optional<VideoLikeness> likeness) {
        this.likeness = faces.isEmpty() ? Optional.empty() : Objects.requireNonNull(likeness, "likeness");
        this.image = detectors.stream()
                .filter(d -> d.manifest().modality() == Modality.IMAGE)
                .toList();
        this.perFace = faces.isEmpty()
                ? List.of()
                : detectors.stream()
                        .filter(d -> d.manifest().modality() == Modality.FACE)
                        .toList();
        this.faces = Objects.requireNonNull(faces, "faces");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (!(secondsPerFrame >= 0) || secondsPerFrame > 3600)
            throw new IllegalArgumentException("secondsPerFrame must be 0..3600, got " + secondsPerFrame);
        this.secondsPerFrame = secondsPerFrame;
    }

    /** A model's score of one frame (or one face in it). */
    private record Scored(int frame, long timeMillis, DetectorScore score, Optional<Evidence.Region> box) {}

    @Override
    public List<Signal> extract(SignalInput input) throws MediaRejectedException {
        // The registry is read once per video: an enrolment during the decode waits for the next upload.
        Optional<VideoLikeness> compare = likeness.filter(VideoLikeness::active);
        if (decoder.isEmpty()
                || input.info().kind() != MediaKind.VIDEO
                || (image.isEmpty() && perFace.isEmpty() && compare.isEmpty())) return List.of();
        Sink sink;
        try (FramePipeline pipeline = new FramePipeline()) {
            sink = new Sink(pipeline, compare);
            VideoPass.decode(decoder.get(), input, limits, sink);
            pipeline.drain();
        }
        List<Signal> out = new ArrayList<>();
        for (Detector d : image) out.add(signal(d, sink.scores.get(d), sink, "", Optional.empty()));
        for (Detector d : perFace) {
            if (sink.failures.containsKey(d)) {
                out.add(failed(d, sink.failures.get(d)));
                continue;
            }
            List<FaceTracks.Track> tracks = new ArrayList<>(FaceTracks.track(sink.frames));
            tracks.sort(Comparator.comparingInt(
                    (FaceTracks.Track t) -> -t.sightings().size()));
            for (FaceTracks.Track t : tracks.subList(0, Math.min(MAX_TRACKS, tracks.size()))) {
                List<Scored> s = new ArrayList<>();
                for (FaceTracks.Sighting x : t.sightings()) {
                    Scored one = sink.faceScores.get(key(d, x.frame(), x.face()));
                    if (one != null) s.add(one);
                }
                out.add(signal(d, s, sink, ", track " + t.id(), Optional.of(t)));
            }
        }
        if (sink.likeness.isPresent())
            out.addAll(sink.likeness.get().signals(Math.max(1, Math.round(sink.secondsPerSample * 1000))));
        return out;
    }

    private static String key(Detector d, int frame, int face) {
        return System.identityHashCode(d) + "/" + frame + "/" + face;
    }

    private Signal signal(Detector d, List<Scored> s, Sink sink, String suffix, Optional<FaceTracks.Track> track) {
        ModelManifest m = d.manifest();
        if (sink.failures.containsKey(d) || s == null || s.isEmpty())
            return failed(d, sink.failures.getOrDefault(d, new DetectorFailure("detect.no_frames", "no frame scored")));
        double raw = s.stream().mapToDouble(x -> x.score().raw()).average().orElse(0);
        double p =
                s.stream().mapToDouble(x -> x.score().probability()).average().orElse(0);
        double max = s.stream().mapToDouble(x -> x.score().probability()).max().orElse(0);
        long step = Math.max(1, Math.round(sink.secondsPerSample * 1000));
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence.TimeRange(
                s.get(0).timeMillis(), s.get(s.size() - 1).timeMillis() + step));
        List<Scored> top = new ArrayList<>(s);
        top.sort(Comparator.comparingDouble((Scored x) -> -x.score().probability()));
        StringBuilder drove = new StringBuilder();
        for (Scored x : top.subList(0, Math.min(TOP_FRAMES, top.size()))) {
            evidence.add(new Evidence.Frame(x.frame(), x.timeMillis()));
            if (!drove.isEmpty()) drove.append("; ");
            drove.append("frame ")
                    .append(x.frame())
                    .append(" at ")
                    .append(x.timeMillis())
                    .append(" ms p=");
            drove.append(DetectorSignalExtractor.format(x.score().probability()));
            x.box().ifPresent(b -> drove.append(" ").append(Evidence.describe(b)));
        }
        DetectorScore mean = new DetectorScore(m.id(), m.version(), m.sha256(), raw, p, m.operatingPoint(), evidence);
        Signal base = DetectorSignalExtractor.signal(mean, m, "model " + m.id() + " " + m.version() + suffix);
        Map<String, String> a = new LinkedHashMap<>(base.attributes());
        track.ifPresent(t -> a.put("track", Integer.toString(t.id())));
        a.put("frames", Integer.toString(s.size()));
        a.put("maxProbability", DetectorSignalExtractor.format(max));
        a.put("drivingFrames", drove.toString());
        a.put("evidence", (track.isPresent() ? "track " + track.get().id() + ", " : "") + a.get("evidence"));
        return new Signal(base.type(), base.value(), base.strength(), base.location(), a);
    }

    private static Signal failed(Detector d, DetectorFailure e) {
        ModelManifest m = d.manifest();
        return new Signal(
                SignalType.DETECTOR_SCORE,
                "failed",
                SignalStrength.INFO,
                "model " + m.id() + " " + m.version(),
                Map.of(
                        "model", m.id(),
                        "version", m.version(),
                        "synthetic", "false",
                        "error", e.code(),
                        "message", e.getMessage() == null ? e.code() : e.getMessage()));
    }

    /** Scores each sampled frame as it is decoded, so no frame is kept. */
    private final class Sink implements VideoFrameSink {
        final FramePipeline pipeline;
        /** Frames handed to the pipeline (the decoder's thread); the lists below are the worker's until drained. */
        int submitted;

        final List<FaceTracks.FrameFaces> frames = new ArrayList<>();
        final Map<Detector, List<Scored>> scores = new HashMap<>();
        final Map<String, Scored> faceScores = new HashMap<>();
        final Map<Detector, DetectorFailure> failures = new HashMap<>();
        final Optional<VideoLikeness> compare;
        Optional<VideoLikeness.Tracks> likeness;
        long mod = 1;
        double secondsPerSample = 1;

        Sink(FramePipeline pipeline, Optional<VideoLikeness> compare) {
            this.pipeline = pipeline;
            this.compare = compare;
            this.likeness = compare.map(VideoLikeness::start);
        }

        @Override
        public void begin(VideoStreamInfo info) {
            double fps = info.frameRate() > 0 ? info.frameRate() : 25;
            mod = Math.max(1, Math.round(secondsPerFrame * fps));
            double total = info.declaredSeconds() * fps;
            if (total > 0) mod = Math.max(mod, (long) Math.ceil(total / MAX_FRAMES)); // long videos: spread out
            secondsPerSample = mod / fps;
        }

        @Override
        public boolean wants(long frameNumber) {
            return frameNumber % mod == 0 && submitted < MAX_FRAMES;
        }

        @Override
        public boolean allowsSkipping() {
            return true;
        }

        @Override
        public void restart() {
            pipeline.drain();
            submitted = 0;
            frames.clear();
            scores.clear();
            faceScores.clear();
            failures.clear();
            likeness = compare.map(VideoLikeness::start);
        }

        @Override
        public void accept(VideoFrame frame) {
            if (submitted >= MAX_FRAMES) return;
            int index = submitted++;
            long time = Math.max(0, Math.round(frame.ptsSeconds() * 1000));
            BufferedImage img = VideoPass.image(frame); // here: the decoder may reuse the frame's buffer
            pipeline.submit(() -> detect(index, time, img));
        }

        /** The models on one frame, on the pipeline's worker, in frame order. */
        private void detect(int index, long time, BufferedImage img) {
            for (Detector d : image)
                score(d, img)
                        .ifPresent(s -> scores.computeIfAbsent(d, k -> new ArrayList<>())
                                .add(new Scored(index, time, s, Optional.empty())));
            List<FaceDetector.Face> found = List.of();
            if (!perFace.isEmpty() || likeness.isPresent()) {
                try {
                    found = faces.orElseThrow().faces(img);
                    found = found.subList(0, Math.min(DetectorSignalExtractor.MAX_FACES, found.size()));
                } catch (DetectorFailure e) {
                    for (Detector d : perFace) failures.putIfAbsent(d, e);
                    likeness.ifPresent(l -> l.failed(e));
                }
            }
            if (likeness.isPresent()) likeness.get().frame(index, time, img, found);
            for (int i = 0; i < found.size(); i++) {
                FaceDetector.Face f = found.get(i);
                for (Detector d : perFace) {
                    ModelManifest.InputSpec in = d.manifest().input();
                    int side = Math.min(FaceCrops.MAX_SIDE, Math.max(8, Math.max(in.width(), in.height())));
                    int face = i;
                    score(d, FaceCrops.align(img, f, side))
                            .ifPresent(s -> faceScores.put(
                                    key(d, index, face), new Scored(index, time, s, Optional.of(f.box()))));
                }
            }
            frames.add(new FaceTracks.FrameFaces(index, time, found));
        }

        /** A model's score, or none once it has failed (it is then reported failed, and not run again). */
        private Optional<DetectorScore> score(Detector d, BufferedImage img) {
            if (failures.containsKey(d)) return Optional.empty();
            try {
                return Optional.of(d.score(img));
            } catch (DetectorFailure e) {
                failures.put(d, e);
            } catch (RuntimeException e) {
                failures.put(d, new DetectorFailure("detect.run_failed", String.valueOf(e)));
            }
            return Optional.empty();
        }
    }
}
