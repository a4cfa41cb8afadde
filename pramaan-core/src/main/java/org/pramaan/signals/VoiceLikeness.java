package org.pramaan.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.detect.DetectorFailure;
import org.pramaan.detect.Evidence;
import org.pramaan.detect.ModelManifest;
import org.pramaan.detect.VoiceEmbedder;
import org.pramaan.likeness.LikenessIndex;
import org.pramaan.likeness.LikenessModality;
import org.pramaan.likeness.Vector;
import org.pramaan.likeness.VoicePrints;
import org.pramaan.media.decode.AudioClip;

/**
 * Compares the voices in an audio file or a video's sound with the protected-persons registry
 * (issue 16). {@link AudioDetectorExtractor} hands it the sound it already decoded at the speaker
 * model's rate, so the file is decoded once for the audio detectors and the registry together. The
 * windows are embedded ({@link VoicePrints}: silent ones are skipped); each run of consecutive windows
 * spanning about {@value #AGGREGATE_MILLIS} ms is averaged (mean of its voiced windows' embeddings,
 * L2-normalised) and that aggregate is compared with the enrolled voices, so one noisy or odd window
 * neither makes nor misses a match. A person whose best aggregate reaches the model's threshold gives
 * one {@link SignalType#LIKENESS_MATCH} INFO signal (as a face does) with the best similarity and, as
 * evidence, the time range from the first to the last matching aggregate. At most {@value #MAX_WINDOWS}
 * windows are embedded, spread evenly over longer sound (an aggregate then spans the gaps between
 * them). A model that fails gives one {@code failed} signal and screening goes on.
 */
public final class VoiceLikeness {
    public static final int MAX_WINDOWS = 600;
    public static final long AGGREGATE_MILLIS = 3_000;
    public static final int MAX_MATCHES = 16;

    private final VoiceEmbedder model;
    private final LikenessIndex index;

    public VoiceLikeness(VoiceEmbedder model, LikenessIndex index) {
        this.model = Objects.requireNonNull(model, "model");
        this.index = Objects.requireNonNull(index, "index");
    }

    /** The rate the sound is decoded at for the model. */
    public int sampleRate() {
        return model.input().sampleRate();
    }

    /** Whether anyone is enrolled with a voice made by this model: otherwise nothing is decoded or run. */
    public boolean active() {
        ModelManifest m = model.manifest();
        return index.size(LikenessModality.VOICE, m.id(), m.version()) > 0;
    }

    /** One person's matches so far: the best similarity and the span of the aggregates that matched. */
    private record Hit(LikenessIndex.Match best, long startMillis, long endMillis) {}

    /** The match signals for one decoded clip (empty when no one matches), or one failed signal. */
    public List<Signal> match(AudioClip clip) {
        ModelManifest m = model.manifest();
        try {
            List<VoicePrints.Window> windows = VoicePrints.embed(model, clip.samples(), MAX_WINDOWS);
            ModelManifest.AudioInput in = model.input();
            long hop = Math.max(1, Math.round(in.hopSamples() * 1000.0 / in.sampleRate()));
            int size = (int) Math.max(1, 1 + (AGGREGATE_MILLIS - in.windowMillis()) / hop);
            size = Math.min(size, windows.size());
            Map<String, Hit> hits = new LinkedHashMap<>();
            for (int i = 0; i + size <= windows.size(); i++) {
                List<Vector> voiced = new ArrayList<>();
                long from = Long.MAX_VALUE;
                long to = 0;
                for (VoicePrints.Window w : windows.subList(i, i + size)) {
                    if (w.vector().isEmpty()) continue;
                    voiced.add(w.vector().get());
                    from = Math.min(from, w.startMillis());
                    to = Math.max(to, w.endMillis());
                }
                Optional<Vector> mean = VoicePrints.mean(voiced);
                if (mean.isEmpty()) continue;
                Optional<LikenessIndex.Match> found =
                        index.best(LikenessModality.VOICE, m.id(), m.version(), mean.get(), model.threshold());
                if (found.isEmpty()) continue;
                LikenessIndex.Match f = found.get();
                Hit h = hits.get(f.personId());
                hits.put(
                        f.personId(),
                        h == null
                                ? new Hit(f, from, to)
                                : new Hit(
                                        f.similarity() > h.best().similarity() ? f : h.best(),
                                        Math.min(h.startMillis(), from),
                                        Math.max(h.endMillis(), to)));
            }
            List<Hit> sorted = new ArrayList<>(hits.values());
            // Most similar first; among equals by person id, so the signals are the same on every run.
            sorted.sort(Comparator.comparingDouble((Hit h) -> -h.best().similarity())
                    .thenComparing(h -> h.best().personId()));
            List<Signal> out = new ArrayList<>();
            for (Hit h : sorted.subList(0, Math.min(MAX_MATCHES, sorted.size()))) out.add(signal(h));
            return out;
        } catch (DetectorFailure e) {
            return List.of(failed(e.code(), String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            // A plug-in's defect must not take screening down (issue 16: "no crash"); say so and go on.
            return List.of(failed("detect.run_failed", String.valueOf(e)));
        }
    }

    private Signal signal(Hit h) {
        ModelManifest m = model.manifest();
        Evidence.TimeRange range = new Evidence.TimeRange(h.startMillis(), h.endMillis());
        Map<String, String> a = new LinkedHashMap<>();
        a.put("matched", "true");
        a.put("person", h.best().personId());
        a.put("similarity", format(h.best().similarity()));
        a.put("threshold", format(model.threshold()));
        a.put("model", m.id());
        a.put("version", m.version());
        a.put("sha256", m.sha256());
        a.put("modality", LikenessModality.VOICE.wireName());
        a.put("startMillis", Long.toString(range.startMillis()));
        a.put("endMillis", Long.toString(range.endMillis()));
        a.put("evidence", "voice " + Evidence.describe(range));
        h.best().caseId().ifPresent(c -> a.put("caseId", c));
        a.put("synthetic", "false");
        String where = String.format(
                Locale.ROOT, "voice %.2f-%.2f s", range.startMillis() / 1000.0, range.endMillis() / 1000.0);
        return new Signal(SignalType.LIKENESS_MATCH, h.best().personId(), SignalStrength.INFO, where, a);
    }

    /** The registry could not be consulted for this sound: the model failed, or the sound cannot be decoded. */
    Signal failed(String code, String message) {
        ModelManifest m = model.manifest();
        return new Signal(
                SignalType.LIKENESS_MATCH,
                "failed",
                SignalStrength.INFO,
                "model " + m.id() + " " + m.version() + ", voice",
                Map.of(
                        "matched",
                        "false",
                        "model",
                        m.id(),
                        "version",
                        m.version(),
                        "modality",
                        LikenessModality.VOICE.wireName(),
                        "synthetic",
                        "false",
                        "error",
                        code,
                        "message",
                        message));
    }

    private static String format(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
