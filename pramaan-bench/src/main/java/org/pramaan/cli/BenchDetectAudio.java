package org.pramaan.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorProvider;
import org.pramaan.detect.LoadedDetectors;
import org.pramaan.detect.Modality;
import org.pramaan.media.MediaInfo;
import org.pramaan.media.MediaLimits;
import org.pramaan.media.MediaProber;
import org.pramaan.media.MediaSource;
import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.DecodeLimits;
import org.pramaan.signals.AudioDetectorExtractor;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 16's audio pipeline: times, on {@code --audio} or a generated 60 s clip (chords and noise at
 * 44.1 kHz stereo, encoded to MP3 at 128 kbit/s, a common upload, when ffmpeg with libmp3lame is on
 * PATH, else 16-bit WAV), the decode to mono at each rate the models in {@code --models} ask for,
 * the decode at 11,025 Hz that the audio fingerprint already does at intake (the reference: what the
 * audio models add to it), and the whole screening path ({@link AudioDetectorExtractor}: decode,
 * windows, every audio model). The detector runtime comes through {@link DetectorProvider}, so
 * {@code pramaan-detect-onnx} must be on the class path.
 */
@Command(
        name = "detect-audio",
        description = "Audio detectors: decode and models on windows of a 60 s clip (issue 16).")
final class BenchDetectAudio implements Callable<Integer>, PramaanCli.RuntimeAware {
    private static final int GEN_RATE = 44_100;
    private final PramaanCli.LazyRuntime runtime;

    BenchDetectAudio(PramaanCli.LazyRuntime runtime) {
        this.runtime = runtime;
    }

    @Option(names = "--audio", description = "an audio or video file to time (default: a generated clip)")
    Optional<Path> audio;

    @Option(names = "--models", description = "a models folder (as detect.models-dir); default: none, decode only")
    Optional<Path> models;

    @Option(names = "--seconds", defaultValue = "60", description = "length of the generated clip")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3")
    int rounds;

    @Option(
            names = "--enrolled",
            defaultValue = "1000",
            description =
                    "persons with three random voice embeddings each, when --models holds a voice-embedding model")
    int enrolled;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (seconds < 1 || seconds > 3600)
            throw new IllegalArgumentException("--seconds must be 1-3600, got " + seconds);
        if (rounds < 1 || rounds > 100) throw new IllegalArgumentException("--rounds must be 1-100, got " + rounds);
        List<DetectorProvider> runtimes = ServiceLoader.load(DetectorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (runtimes.isEmpty()) {
            out.println("skipped: no detector runtime on the class path (add the pramaan-detect-onnx jar)");
            return 0;
        }
        Optional<AudioDecoder> decoder = runtime.get().audioDecoder();
        if (decoder.isEmpty()) {
            out.println("skipped: no audio decoder (the FFmpeg module) in this build");
            return 0;
        }
        Path dir = Files.createTempDirectory("pramaan-bench-detect-audio");
        try {
            Path file = audio.isPresent() ? audio.get() : generate(dir);
            Path modelsDir = models.orElse(Files.createDirectories(dir.resolve("models")));
            String load = Files.isReadable(Path.of("/proc/loadavg"))
                    ? Files.readString(Path.of("/proc/loadavg")).trim()
                    : "n/a";
            try (LoadedDetectors loaded = runtimes.get(0).load(modelsDir);
                    MediaSource src = MediaSource.open(file)) {
                loaded.refused().stream()
                        .filter(r -> !r.file().equals("blazeface"))
                        .forEach(r -> out.printf("refused %s: %s%n", r.file(), r.message()));
                List<Detector> audioModels = loaded.detectors().stream()
                        .filter(d -> d.manifest().modality() == Modality.AUDIO)
                        .toList();
                MediaInfo info = MediaProber.standard().probe(src, MediaLimits.defaults());
                out.printf(
                        "machine: %s; load %s; file %s (%s, %.1f s, %d bytes); %d audio models: %s%n",
                        BenchCommand.machine(),
                        load,
                        file.getFileName(),
                        info.type(),
                        info.duration().map(d -> d.toMillis() / 1000.0).orElse(0.0),
                        info.sizeBytes(),
                        audioModels.size(),
                        audioModels.stream()
                                .map(d -> d.manifest().id() + " ("
                                        + d.manifest().audio().orElseThrow().windowSamples() + " samples at "
                                        + d.manifest().audio().orElseThrow().sampleRate() + " Hz, hop "
                                        + d.manifest().audio().orElseThrow().hopSamples() + ")")
                                .toList());
                out.printf("%-48s %-10s %-10s %-8s%n", "step", "mean s", "min s", "count");
                row(out, "decode mono 11025 Hz, fingerprint's (reference)", () -> decode(decoder.get(), file, 11_025));
                TreeSet<Integer> rates = new TreeSet<>();
                audioModels.forEach(
                        d -> rates.add(d.manifest().audio().orElseThrow().sampleRate()));
                if (rates.isEmpty()) rates.add(16_000);
                for (int rate : rates)
                    row(out, "decode mono " + rate + " Hz (count: seconds)", () -> decode(decoder.get(), file, rate));
                if (!audioModels.isEmpty()) {
                    AudioDetectorExtractor x = new AudioDetectorExtractor(audioModels, decoder, DecodeLimits.DEFAULT);
                    row(out, "screening path (count: windows)", () -> {
                        int windows = 0;
                        for (Signal s : x.extract(SignalInput.of(src, info)))
                            windows += Integer.parseInt(s.attributes().getOrDefault("windows", "0"));
                        return windows;
                    });
                    out.println("reference: issue 16's video target, <= 5 s for 60 s of media; at most "
                            + AudioDetectorExtractor.MAX_WINDOWS + " windows per model whatever the length");
                } else out.println("no audio model in --models: only decoding timed; Pramaan ships no model");
                if (loaded.voiceEmbedder().isPresent())
                    voiceRows(out, loaded.voiceEmbedder().get(), audioModels, decoder.get(), file, src, info);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        return 0;
    }

    /**
     * Issue 16, voice likeness: the speaker model on every window of the clip (decoded once outside the
     * timing), then the whole screening path with {@code --enrolled} persons in the registry (decode,
     * the audio models, the windows' embeddings, 3 s aggregates compared brute force with every voice),
     * beside the same path without the registry (the reference row above).
     */
    private void voiceRows(
            PrintWriter out,
            org.pramaan.detect.VoiceEmbedder model,
            List<Detector> audioModels,
            AudioDecoder decoder,
            Path file,
            MediaSource src,
            MediaInfo info)
            throws Exception {
        if (enrolled < 1 || enrolled > 1_000_000)
            throw new IllegalArgumentException("--enrolled must be 1-1000000, got " + enrolled);
        var in = model.input();
        float[] samples =
                decoder.decodeMono(file, in.sampleRate(), DecodeLimits.DEFAULT).samples();
        Random rnd = new Random(16);
        float[] probe = new float[in.windowSamples()]; // noise, not silence: silence has no direction to embed
        for (int i = 0; i < probe.length; i++) probe[i] = (float) (0.1 * rnd.nextGaussian());
        int dims = model.embed(probe).length;
        List<org.pramaan.likeness.ProtectedPerson> persons = new java.util.ArrayList<>();
        java.time.Instant t = java.time.Instant.EPOCH;
        for (int p = 0; p < enrolled; p++) {
            List<org.pramaan.likeness.Embedding> e = new java.util.ArrayList<>();
            for (int k = 0; k < 3; k++) {
                float[] v = new float[dims];
                for (int i = 0; i < dims; i++) v[i] = (float) rnd.nextGaussian();
                e.add(new org.pramaan.likeness.Embedding(
                        org.pramaan.likeness.LikenessModality.VOICE,
                        model.manifest().id(),
                        model.manifest().version(),
                        org.pramaan.likeness.Vector.of(org.pramaan.detect.FaceEmbedder.normalise(v, "bench"))));
            }
            persons.add(new org.pramaan.likeness.ProtectedPerson(
                    "pp_" + p,
                    "bench",
                    "",
                    new org.pramaan.likeness.Consent("bench", t, "bench"),
                    Optional.empty(),
                    e,
                    t,
                    t));
        }
        org.pramaan.likeness.LikenessIndex index = new org.pramaan.likeness.LikenessIndex(new FixedPersons(persons));
        index.reload();
        out.printf(
                "voice model %s (%d samples at %d Hz, hop %d, %d dims); %d persons x 3 voice embeddings%n",
                model.manifest().id(), in.windowSamples(), in.sampleRate(), in.hopSamples(), dims, enrolled);
        row(
                out,
                "voice: embed every window (count: windows)",
                () -> org.pramaan.likeness.VoicePrints.embed(
                                model, samples, org.pramaan.signals.VoiceLikeness.MAX_WINDOWS)
                        .size());
        AudioDetectorExtractor x = new AudioDetectorExtractor(
                audioModels,
                Optional.of(decoder),
                DecodeLimits.DEFAULT,
                Optional.of(new org.pramaan.signals.VoiceLikeness(model, index)));
        row(
                out,
                "voice: screening path with the registry (count: signals)",
                () -> x.extract(SignalInput.of(src, info)).size());
    }

    private void row(PrintWriter out, String name, TimedRows.Step step) throws Exception {
        TimedRows.row(out, rounds, 48, name, step);
    }

    private static int decode(AudioDecoder decoder, Path file, int rate) throws Exception {
        return (int)
                Math.round(decoder.decodeMono(file, rate, DecodeLimits.DEFAULT).seconds());
    }

    /** Chords and noise at 44.1 kHz stereo as WAV, then MP3 at 128 kbit/s when ffmpeg can encode it. */
    private Path generate(Path dir) throws Exception {
        Random rnd = new Random(16);
        int n = seconds * GEN_RATE;
        ByteArrayOutputStream pcm = new ByteArrayOutputStream(n * 4);
        double[] f = {220, 277, 330};
        for (int i = 0; i < n; i++) {
            if (i % GEN_RATE == 0) for (int k = 0; k < 3; k++) f[k] = 110 + rnd.nextInt(880); // a new chord each second
            double v = 0;
            for (double hz : f) v += 0.2 * Math.sin(2 * Math.PI * hz * i / GEN_RATE);
            v += 0.05 * rnd.nextGaussian();
            short s = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
            for (int c = 0; c < 2; c++) {
                pcm.write(s & 0xff);
                pcm.write((s >> 8) & 0xff);
            }
        }
        Path wav = dir.resolve("generated.wav");
        Files.write(wav, wav(pcm.toByteArray(), GEN_RATE, 2));
        Path mp3 = dir.resolve("generated.mp3");
        List<String> cmd = List.of(
                "ffmpeg",
                "-nostdin",
                "-y",
                "-loglevel",
                "error",
                "-i",
                wav.toString(),
                "-c:a",
                "libmp3lame",
                "-b:a",
                "128k",
                mp3.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] o = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0)
                throw new IllegalStateException(String.join(" ", cmd) + ": " + new String(o, StandardCharsets.UTF_8));
            return mp3;
        } catch (java.io.IOException e) {
            return wav; // no ffmpeg on PATH: time the WAV
        }
    }

    /** RIFF WAVE header (PCM, 16 bits) around little-endian samples. */
    private static byte[] wav(byte[] pcm, int rate, int channels) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + pcm.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.length);
        b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
        b.putShort((short) channels).putInt(rate).putInt(rate * channels * 2);
        b.putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.length).put(pcm);
        return b.array();
    }
}
