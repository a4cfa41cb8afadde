package org.pramaan.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorProvider;
import org.pramaan.detect.FaceDetector;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.media.decode.VideoFrame;
import org.pramaan.media.decode.VideoFrameSink;
import org.pramaan.media.decode.VideoStreamInfo;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalInput;
import org.pramaan.signals.VideoDetectorExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 16's video target: a 60 s 720p video at one frame a second through decode, face detection
 * and the detectors in at most 5 s. Times, on {@code --video} or a generated clip (the PDQ street
 * photo on a 1280×720 canvas with film grain, x264 at 3 Mbit/s, a common 720p upload rate, 25 fps; needs
 * ffmpeg on PATH), the decode of the
 * sampled frames alone, decode + BlazeFace on each, and the whole screening path
 * ({@link VideoDetectorExtractor}: decode, faces, tracks, every model in {@code --models}). The
 * detector runtime comes through {@link DetectorProvider}, so {@code pramaan-detect-onnx} must be on
 * the class path. A last row adds the protected-persons registry on each face track ({@code --persons}
 * enrolled; the face-embedding model from {@code --models}, else a stand-in of ArcFace's size).
 */
@Command(
        name = "detect-video",
        description = "Video detectors: decode, faces and models at 1 frame/s on a 60 s 720p clip (issue 16).")
final class BenchDetectVideo implements Callable<Integer>, PramaanCli.RuntimeAware {
    private final PramaanCli.LazyRuntime runtime;

    BenchDetectVideo(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Option(names = "--video", description = "a video to time (default: a generated 60 s 720p clip)")
    Optional<Path> video;

    @Option(names = "--models", description = "a models folder (as detect.models-dir); default: none, faces only")
    Optional<Path> models;

    @Option(names = "--seconds", defaultValue = "60", description = "length of the generated clip")
    int seconds;

    @Option(
            names = "--persons",
            defaultValue = "1000",
            description = "protected persons enrolled for the likeness row (a face-embedding model in --models,"
                    + " else a stand-in)")
    int persons;

    @Option(names = "--rounds", defaultValue = "3")
    int rounds;

    @Option(names = "--testdata", description = "the shared test data folder (default: ../shared/testdata)")
    Path testdata;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 2 || seconds > 600) throw new IllegalArgumentException("--seconds must be 2-600, got " + seconds);
        if (rounds < 1 || rounds > 100) throw new IllegalArgumentException("--rounds must be 1-100, got " + rounds);
        List<DetectorProvider> runtimes = ServiceLoader.load(DetectorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (runtimes.isEmpty()) {
            out.println("skipped: no detector runtime on the class path (add the pramaan-detect-onnx jar)");
            return 0;
        }
        Path dir = Files.createTempDirectory("pramaan-bench-detect");
        try {
            Path file;
            if (video.isPresent()) file = video.get();
            else {
                Path root = testdata != null
                        ? testdata
                        : Path.of(System.getProperty("pramaan.testdata", "../shared/testdata"));
                Path photo = root.resolve("pdq/reg-test-input/labelme-subset/q0291.jpg");
                if (!Files.isRegularFile(photo)) {
                    out.println("skipped: " + photo + " not found (give --video or --testdata)");
                    return 0;
                }
                file = dir.resolve("street-720p.mp4");
                if (!generate(photo, file)) {
                    out.println("skipped: ffmpeg with libx264 not on PATH (give --video)");
                    return 0;
                }
            }
            Path modelsDir = models.orElse(Files.createDirectories(dir.resolve("models")));
            String load = Files.isReadable(Path.of("/proc/loadavg"))
                    ? Files.readString(Path.of("/proc/loadavg")).trim()
                    : "n/a";
            try (LoadedDetectors loaded = runtimes.get(0).load(modelsDir);
                    MediaSource src = MediaSource.open(file)) {
                loaded.refused().forEach(r -> out.printf("refused %s: %s%n", r.file(), r.message()));
                var decoder = runtime.get().videoDecoder();
                MediaInfo info = MediaProber.standard().probe(src, MediaLimits.defaults());
                out.printf(
                        "machine: %s; load %s; video %s (%s, %.1f s); %d models: %s%n",
                        BenchCommand.machine(),
                        load,
                        file.getFileName(),
                        info.dimensions().map(d -> d.width() + "x" + d.height()).orElse("?"),
                        info.duration().map(d -> d.toMillis() / 1000.0).orElse(0.0),
                        loaded.detectors().size(),
                        loaded.detectors().stream()
                                .map(d -> d.manifest().id() + " ("
                                        + d.manifest().modality().wireName() + ")")
                                .toList());
                out.printf("%-44s %-10s %-10s %-8s%n", "step (1 frame/s)", "mean s", "min s", "count");
                Optional<FaceDetector> faces = loaded.faces();
                row(out, "decode sampled frames (count: frames)", () -> decode(decoder, file, Optional.empty()));
                if (faces.isPresent()) row(out, "decode + blazeface per frame", () -> decode(decoder, file, faces));
                VideoDetectorExtractor x = new VideoDetectorExtractor(
                        loaded.detectors(), faces, Optional.of(decoder), DecodeLimits.DEFAULT, 1.0);
                if (!loaded.detectors().isEmpty()) {
                    row(out, "screening path (count: signals)", () -> {
                        List<Signal> s = x.extract(SignalInput.of(src, info));
                        return s.size();
                    });
                    out.println("target: <= 5 s for a 60 s 720p video at 1 frame/s (issue 16)");
                } else out.println("no --models given: the screening path needs a model; Pramaan ships none");
                if (faces.isPresent()) likenessRow(out, loaded, decoder, src, info);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        return 0;
    }

    /**
     * The screening path with the likeness registry on each face track (issue 16): the operator's
     * face-embedding model from {@code --models}, else the bench's stand-in, and {@code --persons}
     * random persons enrolled; the count is the embeddings the video cost.
     */
    private void likenessRow(
            PrintWriter out,
            LoadedDetectors loaded,
            org.pramaan.media.decode.VideoDecoder decoder,
            MediaSource src,
            MediaInfo info)
            throws Exception {
        if (persons < 1 || persons > 100_000)
            throw new IllegalArgumentException("--persons must be 1-100000, got " + persons);
        VideoLikenessBench.Counting embedder =
                new VideoLikenessBench.Counting(loaded.faceEmbedder().orElseGet(VideoLikenessBench.StandIn::new));
        VideoDetectorExtractor x = new VideoDetectorExtractor(
                loaded.detectors(),
                loaded.faces(),
                Optional.of(decoder),
                DecodeLimits.DEFAULT,
                1.0,
                Optional.of(new org.pramaan.signals.VideoLikeness(
                        embedder, VideoLikenessBench.enrolled(embedder, persons))));
        row(out, "screening + likeness (count: embeddings)", () -> {
            embedder.calls.set(0);
            x.extract(SignalInput.of(src, info));
            return embedder.calls.get();
        });
        out.printf(
                "likeness: face-embedding model %s, %d persons enrolled (3 embeddings each); at most %d embeddings a"
                        + " video%n",
                embedder.manifest().id(), persons, org.pramaan.signals.VideoLikeness.MAX_EMBEDDINGS);
    }

    private void row(PrintWriter out, String name, TimedRows.Step step) throws Exception {
        TimedRows.row(out, rounds, 44, name, step);
    }

    /** Decodes the frames a 1 frame/s sampling takes (as the screening path does) and optionally finds faces. */
    private static int decode(org.pramaan.media.decode.VideoDecoder decoder, Path file, Optional<FaceDetector> faces)
            throws Exception {
        List<Integer> found = new ArrayList<>();
        decoder.decode(file, DecodeLimits.DEFAULT, 0, new VideoFrameSink() {
            long mod = 25;

            @Override
            public void begin(VideoStreamInfo info) {
                mod = Math.max(1, Math.round(info.frameRate() > 0 ? info.frameRate() : 25));
            }

            @Override
            public boolean wants(long n) {
                return n % mod == 0;
            }

            @Override
            public boolean allowsSkipping() {
                return true;
            }

            @Override
            public void restart() {
                found.clear();
            }

            @Override
            public void accept(VideoFrame f) {
                BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
                int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
                byte[] rgb = f.rgb();
                for (int i = 0, p = 0; i < px.length; i++, p += 3)
                    px[i] = (rgb[p] & 0xff) << 16 | (rgb[p + 1] & 0xff) << 8 | (rgb[p + 2] & 0xff);
                try {
                    found.add(faces.isPresent() ? faces.get().faces(img).size() : 0);
                } catch (DetectorFailure e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        return found.size();
    }

    /** The street photo centred on a 1280×720 canvas with temporal film grain, x264 at 25 fps. */
    private boolean generate(Path photo, Path file) throws Exception {
        List<String> cmd = List.of(
                "ffmpeg",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-loop",
                "1",
                "-framerate",
                "25",
                "-i",
                photo.toString(),
                "-t",
                Integer.toString(seconds),
                "-vf",
                "scale=720:720,pad=1280:720:280:0,noise=alls=12:allf=t,format=yuv420p",
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-b:v",
                "3M",
                file.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] o = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0)
                throw new IllegalStateException(String.join(" ", cmd) + ": " + new String(o, StandardCharsets.UTF_8));
            return true;
        } catch (java.io.IOException e) {
            return false; // no ffmpeg on PATH
        }
    }
}
