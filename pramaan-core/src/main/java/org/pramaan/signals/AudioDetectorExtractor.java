package org.pramaan.signals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.detect.Detector;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.DetectorScore;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.Modality;
import org.pramaan.detect.ModelManifest;
import org.pramaan.media.MediaKind;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.pramaan.media.decode.AudioClip;
import org.pramaan.media.decode.AudioDecoder;
import org.pramaan.media.decode.DecodeLimits;

/**
 * Runs the operator's audio models ({@link Modality#AUDIO}) on windows of an audio file or of a
 * video's sound (issue 16, "audio: windows, with the time ranges that drove the score"). The sound
 * is decoded once per sample rate the models ask for, through the audio decoder port (the same
 * duration limits as the audio fingerprint), to mono samples in -1..1. Windows of the model's length
 * start every hop, plus one ending at the last sample so the end is heard; a clip shorter than a
 * window is one window padded with silence. At most {@value #MAX_WINDOWS} windows are scored, spread
 * evenly over long media (as video samples at most 120 frames), so the cost is bounded whatever the
 * length. Each model gives one signal: the mean calibrated probability over its windows (one odd
 * window neither makes nor clears a file), the maximum beside it, and as evidence the time ranges of
 * the {@value #TOP_WINDOWS} windows with the highest probability. A model that fails on any window,
 * or sound that cannot be decoded, gives an INFO signal naming the failure and the other signals
 * decide; a video without a sound track gives no audio signal (silence is not a failure). The
 * assessment caps a model's say at SUSPECTED_SYNTHETIC as for every detector. The same decoded sound
 * feeds the protected-persons registry's voice comparison ({@link VoiceLikeness}) when a speaker
 * model is installed and someone is enrolled with a voice: one decode per rate serves both.
 */
public final class AudioDetectorExtractor implements SignalExtractor {
    public static final int MAX_WINDOWS = 120;
    public static final int TOP_WINDOWS = 3;
    /**
     * Most samples decoded for the models (60 Mi floats, 240 MiB): an hour at 16 kHz. The decoder
     * holds the whole clip, so a model asking for 192 kHz gets a shorter limit rather than gigabytes;
     * longer sound is refused for the models ({@code media.too_long}) and the other signals decide.
     */
    public static final long MAX_SAMPLES = 60L << 20;

    private final List<Detector> audio;
    private final Optional<AudioDecoder> decoder;
    private final DecodeLimits limits;
    private final Optional<VoiceLikeness> voice;

    public AudioDetectorExtractor(List<Detector> detectors, Optional<AudioDecoder> decoder, DecodeLimits limits) {
        this(detectors, decoder, limits, Optional.empty());
    }

    /** As above, with the registry's voice comparison on the same decoded sound (issue 16). */
    public AudioDetectorExtractor(
            List<Detector> detectors,
            Optional<AudioDecoder> decoder,
            DecodeLimits limits,
            Optional<VoiceLikeness> voice) {
        this.voice = Objects.requireNonNull(voice, "voice");
        this.audio = detectors.stream()
                .filter(d -> d.manifest().modality() == Modality.AUDIO
                        && d.manifest().audio().isPresent())
                .toList();
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** One window's score. */
    private record Scored(int window, Evidence.TimeRange range, DetectorScore score) {}

    @Override
    public List<Signal> extract(SignalInput input) throws IOException {
        MediaKind kind = input.info().kind();
        boolean voices = voice.isPresent() && voice.get().active();
        if (decoder.isEmpty() || (audio.isEmpty() && !voices) || (kind != MediaKind.AUDIO && kind != MediaKind.VIDEO))
            return List.of();
        Optional<Path> file = input.source().file();
        Path temp = null;
        try {
            if (file.isEmpty()) {
                temp = Files.createTempFile("pramaan-detect-audio", ".media");
                Files.write(temp, input.source().readAll());
            }
            return run(file.orElse(temp), kind, voices);
        } finally {
            if (temp != null) Files.deleteIfExists(temp);
        }
    }

    private List<Signal> run(Path file, MediaKind kind, boolean voices) {
        Map<Integer, AudioClip> clips = new HashMap<>();
        Map<Integer, MediaRejectedException> undecodable = new HashMap<>();
        List<Signal> out = new ArrayList<>();
        for (Detector d : audio) {
            int rate = d.manifest().audio().orElseThrow().sampleRate();
            decode(file, rate, clips, undecodable);
            MediaRejectedException e = undecodable.get(rate);
            if (e != null) {
                if (kind == MediaKind.VIDEO && e.code() == RejectionCode.NO_STREAM) continue;
                out.add(failed(d, new DetectorFailure(e.code().code(), undecodable(e, file))));
                continue;
            }
            out.add(score(d, clips.get(rate)));
        }
        if (voices) {
            VoiceLikeness v = voice.orElseThrow();
            decode(file, v.sampleRate(), clips, undecodable);
            MediaRejectedException e = undecodable.get(v.sampleRate());
            if (e == null) out.addAll(v.match(clips.get(v.sampleRate())));
            else if (kind != MediaKind.VIDEO || e.code() != RejectionCode.NO_STREAM)
                out.add(v.failed(e.code().code(), undecodable(e, file)));
        }
        return out;
    }

    /** Decodes the sound at {@code rate} unless it was already tried: once per rate, whoever asks. */
    private void decode(
            Path file, int rate, Map<Integer, AudioClip> clips, Map<Integer, MediaRejectedException> undecodable) {
        if (clips.containsKey(rate) || undecodable.containsKey(rate)) return;
        try {
            clips.put(rate, decoder.orElseThrow().decodeMono(file, rate, limitsAt(rate)));
        } catch (MediaRejectedException e) {
            undecodable.put(rate, e);
        } catch (RuntimeException e) {
            // A decoder defect must not stop screening: the models report it and the rest decide.
            undecodable.put(rate, new MediaRejectedException(RejectionCode.CORRUPT, String.valueOf(e)));
        }
    }

    /** Why the sound could not be decoded, without the temporary file's path. */
    private static String undecodable(MediaRejectedException e, Path file) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "the sound cannot be decoded: "
                + message.replace(file + ": ", "").replace(file.toString(), "the file");
    }

    /** The duration limit, shortened so that the decoded clip holds at most {@link #MAX_SAMPLES}. */
    DecodeLimits limitsAt(int rate) {
        java.time.Duration cap = java.time.Duration.ofMillis(MAX_SAMPLES * 1000 / rate);
        return cap.compareTo(limits.maxDuration()) >= 0
                ? limits
                : new DecodeLimits(cap, limits.maxFrames(), limits.maxFramePixels());
    }

    private static Signal score(Detector d, AudioClip clip) {
        ModelManifest m = d.manifest();
        ModelManifest.AudioInput in = m.audio().orElseThrow();
        float[] samples = clip.samples();
        List<Integer> starts = starts(samples.length, in.windowSamples(), in.hopSamples(), MAX_WINDOWS);
        List<Scored> scored = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            org.pramaan.limits.WorkBudget.check(); // per window, as the decoders' loops (issue 11)
            int start = starts.get(i);
            float[] window = new float[in.windowSamples()];
            int len = Math.min(window.length, samples.length - start);
            System.arraycopy(samples, start, window, 0, len); // the rest stays 0: silence pads a short clip
            Evidence.TimeRange range = range(start, start + len, clip.sampleRate());
            try {
                scored.add(new Scored(i, range, d.score(window, range)));
            } catch (DetectorFailure e) {
                return failed(d, e); // a model that failed once is not run on the rest (a hang costs one time limit)
            } catch (RuntimeException e) {
                return failed(d, new DetectorFailure("detect.run_failed", String.valueOf(e)));
            }
        }
        return signal(m, scored, samples.length, clip.sampleRate());
    }

    /**
     * Window starts: every {@code hop} while a whole window fits, then one ending at the last sample;
     * {@code [0]} for a clip shorter than a window; at most {@code max}, spread evenly when there are more.
     */
    static List<Integer> starts(int samples, int window, int hop, int max) {
        if (samples <= window) return List.of(0);
        long onGrid = (samples - window) / hop + 1L;
        boolean tail = (samples - window) % hop != 0;
        long count = onGrid + (tail ? 1 : 0);
        List<Integer> out = new ArrayList<>();
        if (count <= max) {
            for (long k = 0; k < count; k++) out.add(startAt(k, onGrid, hop, samples - window));
            return out;
        }
        for (int i = 0; i < max; i++) {
            long k = Math.round(i * (count - 1) / (double) (max - 1));
            out.add(startAt(k, onGrid, hop, samples - window));
        }
        return out;
    }

    private static int startAt(long k, long onGrid, int hop, int last) {
        return k < onGrid ? (int) (k * hop) : last;
    }

    /** Samples {@code from..to} as milliseconds, widened outwards so even one sample has a non-empty range. */
    static Evidence.TimeRange range(long from, long to, int rate) {
        long start = from * 1000 / rate;
        long end = Math.max(start + 1, (to * 1000 + rate - 1) / rate);
        return new Evidence.TimeRange(start, end);
    }

    private static Signal signal(ModelManifest m, List<Scored> s, int samples, int rate) {
        double raw = s.stream().mapToDouble(x -> x.score().raw()).average().orElse(0);
        double p =
                s.stream().mapToDouble(x -> x.score().probability()).average().orElse(0);
        double max = s.stream().mapToDouble(x -> x.score().probability()).max().orElse(0);
        List<Scored> top = new ArrayList<>(s);
        // Highest first; among equals the earliest, so the evidence is the same on every run.
        top.sort(Comparator.comparingDouble((Scored x) -> -x.score().probability())
                .thenComparingInt(Scored::window));
        top = top.subList(0, Math.min(TOP_WINDOWS, top.size()));
        List<Evidence> evidence = new ArrayList<>();
        StringBuilder drove = new StringBuilder();
        for (Scored x : top) {
            evidence.add(x.range());
            if (!drove.isEmpty()) drove.append("; ");
            drove.append(String.format(
                    Locale.ROOT,
                    "%.2f-%.2f s p=%s",
                    x.range().startMillis() / 1000.0,
                    x.range().endMillis() / 1000.0,
                    DetectorSignalExtractor.format(x.score().probability())));
        }
        DetectorScore mean = new DetectorScore(m.id(), m.version(), m.sha256(), raw, p, m.operatingPoint(), evidence);
        Signal base = DetectorSignalExtractor.signal(mean, m, "model " + m.id() + " " + m.version() + ", audio");
        Map<String, String> a = new LinkedHashMap<>(base.attributes());
        a.put("windows", Integer.toString(s.size()));
        a.put("audioSeconds", String.format(Locale.ROOT, "%.2f", samples / (double) rate));
        a.put("maxProbability", DetectorSignalExtractor.format(max));
        a.put("drivingWindows", drove.toString());
        return new Signal(base.type(), base.value(), base.strength(), base.location(), a);
    }

    private static Signal failed(Detector d, DetectorFailure e) {
        ModelManifest m = d.manifest();
        return new Signal(
                SignalType.DETECTOR_SCORE,
                "failed",
                SignalStrength.INFO,
                "model " + m.id() + " " + m.version() + ", audio",
                Map.of(
                        "model", m.id(),
                        "version", m.version(),
                        "synthetic", "false",
                        "error", e.code(),
                        "message", e.getMessage() == null ? e.code() : e.getMessage()));
    }
}
