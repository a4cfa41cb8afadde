package org.pramaan.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a model manifest (JSON) as hostile input: the operator's folder may hold a file someone
 * else put there. The size is checked before parsing, nesting and string lengths are capped by the
 * parser, duplicate and unknown keys are refused by name (a misspelt {@code "mean"} must not
 * silently become the default), numbers must be JSON numbers in range, never coerced from strings.
 * Every refusal is a {@link DetectorFailure} with code {@code detect.manifest_invalid} naming the key.
 */
public final class ManifestReader {
    /** A manifest is a page of text; anything larger is not one. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Largest input the preprocessing will build (4096² pixels × 3 channels of float is 192 MiB). */
    public static final int MAX_SIDE = 4096;
    /** Isotonic tables fitted on large label sets stay well below this. */
    public static final int MAX_POINTS = 10_000;

    static final String CODE = "detect.manifest_invalid";
    private static final Set<String> TOP = Set.of(
            "id",
            "version",
            "weights",
            "sha256",
            "licence",
            "modality",
            "input",
            "output",
            "calibration",
            "operatingPoint",
            "intendedUse",
            "knownFailureModes",
            "timeLimitMillis",
            "threshold");
    private static final Set<String> INPUT = Set.of("name", "width", "height", "layout", "channels", "mean", "std");
    private static final Set<String> AUDIO_INPUT =
            Set.of("name", "sampleRate", "channels", "windowSamples", "hopSamples", "layout");
    /** Highest rate an audio model may ask for: studio audio; the decoder resamples to it. */
    public static final int MAX_SAMPLE_RATE = 192_000;
    /** Longest audio window (2 Mi samples, 8 MiB of float: 131 s at 16 kHz). */
    public static final int MAX_WINDOW_SAMPLES = 1 << 21;

    private static final Set<String> OUTPUT = Set.of("name", "index", "kind", "meaning");
    private static final Set<String> PLATT = Set.of("method", "a", "b", "fittedOn");
    private static final Set<String> ISOTONIC = Set.of("method", "points", "fittedOn");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(8)
                            .maxStringLength(4096)
                            .maxNumberLength(40)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ManifestReader() {}

    /** Parses one manifest; {@code origin} names it in messages (its file name). */
    public static ModelManifest read(byte[] json, String origin) throws DetectorFailure {
        if (json.length > MAX_BYTES)
            throw fail(origin, "", "is " + json.length + " bytes; a manifest is at most " + MAX_BYTES);
        JsonNode root;
        try {
            root = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw fail(origin, "", "is not valid JSON: " + ManifestFields.firstLine(e.getMessage()));
        }
        ManifestFields f = new ManifestFields(origin);
        f.object(root, "", TOP);
        String id = f.text(root, "id", 64);
        if (!ManifestFields.isIdentifier(id, false)) throw f.bad("id", "is lower-case letters, digits, '.', '_', '-'");
        String version = f.text(root, "version", 32);
        if (!ManifestFields.isIdentifier(version, true))
            throw f.bad("version", "is letters, digits, '.', '_', '-', '+'");
        String weights = f.text(root, "weights", 128);
        if (!ManifestFields.isIdentifier(weights, true) || weights.startsWith("."))
            throw f.bad("weights", "is a plain file name in the models folder (no path), got '" + weights + "'");
        String sha = f.text(root, "sha256", 64);
        if (!org.pramaan.limits.PlainText.isHex(sha, 64, true)) throw f.bad("sha256", "is 64 lower-case hex digits");
        String licence = f.text(root, "licence", 64);
        Modality modality = f.choice(root, "modality", Modality.class);
        java.util.Optional<ModelManifest.AudioInput> audio = java.util.Optional.empty();
        ModelManifest.InputSpec input;
        if (modality.audio()) {
            JsonNode in = f.object(root.get("input"), "input", AUDIO_INPUT);
            audio = java.util.Optional.of(audio(f, in));
            // Image fields do not apply: the input carries its tensor's name, the rest stays neutral.
            input = new ModelManifest.InputSpec(
                    f.text(in, "input.name", "name", 128),
                    audio.get().windowSamples(),
                    1,
                    ModelManifest.Layout.NCHW,
                    ModelManifest.ChannelOrder.RGB,
                    List.of(0.0, 0.0, 0.0),
                    List.of(1.0, 1.0, 1.0));
        } else input = input(f, f.object(root.get("input"), "input", INPUT));
        ModelManifest.OutputSpec output = output(f, f.object(root.get("output"), "output", OUTPUT));
        Calibration calibration;
        double operatingPoint;
        if (modality.embedding()) {
            // An embedder's only calibration is its cosine threshold, fitted by the operator on pairs
            // of their own faces; a probability table would mean nothing for a vector.
            if (output.kind() != ModelManifest.OutputKind.EMBEDDING)
                throw f.bad("output.kind", "is 'embedding' for a " + modality.wireName() + " model");
            for (String k : List.of("calibration", "operatingPoint"))
                if (root.has(k))
                    throw f.bad(k, "is not used by a " + modality.wireName() + " model; its 'threshold' decides");
            calibration = new Calibration.Platt(1, 0, "threshold");
            operatingPoint = f.number(root, "", "threshold", 0, 1);
            if (operatingPoint <= 0 || operatingPoint >= 1)
                throw f.bad("threshold", "is a cosine similarity strictly between 0 and 1, got " + operatingPoint);
        } else {
            if (output.kind() == ModelManifest.OutputKind.EMBEDDING)
                throw f.bad("output.kind", "'embedding' is for modality 'face-embedding' or 'voice-embedding'");
            if (root.has("threshold"))
                throw f.bad("threshold", "is for embedding models; this one has an operatingPoint");
            calibration = calibration(f, root.get("calibration"));
            operatingPoint = f.number(root, "", "operatingPoint", 0, 1);
            if (operatingPoint <= 0 || operatingPoint >= 1)
                throw f.bad("operatingPoint", "lies strictly between 0 and 1, got " + operatingPoint);
        }
        String intendedUse = f.text(root, "intendedUse", 1000);
        List<String> failures = f.texts(root, "knownFailureModes", 32, 500);
        long timeLimit = root.has("timeLimitMillis") ? f.integer(root, "", "timeLimitMillis", 1, 60_000) : 5_000;
        return new ModelManifest(
                id,
                version,
                weights,
                sha,
                licence,
                modality,
                input,
                output,
                calibration,
                operatingPoint,
                intendedUse,
                failures,
                timeLimit,
                audio);
    }

    /** An audio model's input; every value is checked here, before any decoding is sized by it. */
    private static ModelManifest.AudioInput audio(ManifestFields f, JsonNode in) throws DetectorFailure {
        int rate = (int) f.integer(in, "input", "sampleRate", 1000, MAX_SAMPLE_RATE);
        JsonNode ch = in.get("channels");
        if (ch == null || !ch.isTextual() || !ch.asText().equals("mono"))
            throw f.bad("input.channels", "is 'mono' (channels are averaged; no stereo model is run)");
        int window = (int) f.integer(in, "input", "windowSamples", 16, MAX_WINDOW_SAMPLES);
        // Windows overlap or abut: a hop longer than the window would leave audio no model hears.
        int hop = (int) f.integer(in, "input", "hopSamples", 1, window);
        return new ModelManifest.AudioInput(
                rate, window, hop, f.choice(in, "input.layout", "layout", ModelManifest.AudioLayout.class));
    }

    private static ModelManifest.InputSpec input(ManifestFields f, JsonNode in) throws DetectorFailure {
        List<Double> mean = f.numbers(in, "input", "mean", 3, -1000, 1000);
        List<Double> std = f.numbers(in, "input", "std", 3, -1000, 1000);
        for (double s : std) if (s <= 0) throw f.bad("input.std", "values are positive, got " + s);
        return new ModelManifest.InputSpec(
                f.text(in, "input.name", "name", 128),
                (int) f.integer(in, "input", "width", 1, MAX_SIDE),
                (int) f.integer(in, "input", "height", 1, MAX_SIDE),
                f.choice(in, "input.layout", "layout", ModelManifest.Layout.class),
                f.choice(in, "input.channels", "channels", ModelManifest.ChannelOrder.class),
                mean,
                std);
    }

    private static ModelManifest.OutputSpec output(ManifestFields f, JsonNode out) throws DetectorFailure {
        return new ModelManifest.OutputSpec(
                f.text(out, "output.name", "name", 128),
                (int) (out.has("index") ? f.integer(out, "output", "index", 0, 1_000_000) : 0),
                f.choice(out, "output.kind", "kind", ModelManifest.OutputKind.class),
                f.text(out, "output.meaning", "meaning", 1000));
    }

    private static Calibration calibration(ManifestFields f, JsonNode c) throws DetectorFailure {
        if (c == null || !c.isObject()) throw f.bad("calibration", "is required: an object with a method");
        JsonNode m = c.get("method");
        String method = m != null && m.isTextual() ? m.asText().toLowerCase(Locale.ROOT) : "";
        switch (method) {
            case "platt" -> {
                f.object(c, "calibration", PLATT);
                return new Calibration.Platt(
                        f.number(c, "calibration", "a", -1e6, 1e6),
                        f.number(c, "calibration", "b", -1e6, 1e6),
                        f.text(c, "calibration.fittedOn", "fittedOn", 200));
            }
            case "isotonic" -> {
                f.object(c, "calibration", ISOTONIC);
                JsonNode pts = c.get("points");
                if (pts == null || !pts.isArray() || pts.size() < 2 || pts.size() > MAX_POINTS)
                    throw f.bad("calibration.points", "is an array of 2.." + MAX_POINTS + " [x, p] pairs");
                List<Calibration.Point> points = new ArrayList<>(pts.size());
                for (int i = 0; i < pts.size(); i++) {
                    String key = "calibration.points[" + i + "]";
                    JsonNode pt = pts.get(i);
                    if (!pt.isArray() || pt.size() != 2) throw f.bad(key, "is an [x, p] pair");
                    double x = f.value(pt.get(0), key + "[0]", -1e6, 1e6);
                    double p = f.value(pt.get(1), key + "[1]", 0, 1);
                    points.add(new Calibration.Point(x, p));
                }
                try {
                    return new Calibration.Isotonic(points, f.text(c, "calibration.fittedOn", "fittedOn", 200));
                } catch (IllegalArgumentException e) {
                    throw f.bad("calibration.points", e.getMessage());
                }
            }
            default -> throw f.bad("calibration.method", "is 'platt' or 'isotonic'");
        }
    }

    static DetectorFailure fail(String origin, String key, String message) {
        return new DetectorFailure(CODE, origin + (key.isEmpty() ? "" : ": '" + key + "'") + " " + message);
    }
}
