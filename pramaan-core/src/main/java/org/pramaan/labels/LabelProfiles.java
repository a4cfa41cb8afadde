package org.pramaan.labels;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pramaan.json.Json;

/**
 * Reads label profiles: the bundled ones ({@code labels/profiles/CN.json}, IN, EU, US) or an operator's
 * own file. A profile is capped before parsing and every missing or malformed rule is refused with a
 * message naming the file and the field (DEV-GUIDELINES 3, 5).
 */
public final class LabelProfiles {
    /** The bundled jurisdictions. */
    public static final List<String> BUNDLED = List.of("CN", "IN", "EU", "US");

    /** A profile is a page of JSON; anything larger is not one. */
    static final int MAX_BYTES = 64 * 1024;

    /** Label text and markers longer than this are no label a person reads at a glance. */
    static final int MAX_TEXT_CHARS = 200;

    private LabelProfiles() {}

    /** A bundled profile by its jurisdiction code (case-insensitive). */
    public static LabelProfile bundled(String jurisdiction) {
        String j = jurisdiction.toUpperCase(Locale.ROOT);
        if (!BUNDLED.contains(j))
            throw new IllegalArgumentException(
                    "no label profile for '" + jurisdiction + "'; bundled profiles: " + BUNDLED);
        String name = "/labels/profiles/" + j + ".json";
        try (InputStream in = LabelProfiles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("bundled label profile missing: " + name);
            return parse(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** Parses a profile; {@code origin} names it in every error message. */
    public static LabelProfile parse(byte[] json, String origin) {
        if (json.length > MAX_BYTES)
            throw new IllegalArgumentException(
                    origin + ": a label profile is at most " + MAX_BYTES + " bytes, got " + json.length);
        JsonNode root;
        try {
            root = Json.mapper().readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(origin + ": not a JSON object");
        String j = text(root, "jurisdiction", origin);
        LabelProfile.Visual image = visual(root.path("image"), origin + ": image");
        JsonNode v = root.path("video");
        String vw = origin + ": video";
        String duration = text(v, "duration", vw);
        LabelProfile.VideoDuration d = switch (duration) {
            case "start" -> LabelProfile.VideoDuration.START;
            case "continuous" -> LabelProfile.VideoDuration.CONTINUOUS;
            default ->
                throw new IllegalArgumentException(
                        vw + ".duration must be start or continuous, got '" + duration + "'");
        };
        double minSeconds = number(v, "minSeconds", vw, 0, 60);
        LabelProfile.Video video = new LabelProfile.Video(visual(v, vw), d, minSeconds, text(v, "source", vw));
        JsonNode a = root.path("audio");
        String aw = origin + ": audio";
        String prompt = text(a, "prompt", aw);
        if (!List.of(AudioPrompt.RHYTHM, AudioPrompt.SPOKEN, AudioPrompt.SPOKEN_THEN_RHYTHM)
                .contains(prompt))
            throw new IllegalArgumentException(
                    aw + ".prompt must be rhythm-ai, spoken or spoken-then-rhythm-ai, got '" + prompt + "'");
        List<LabelProfile.AudioPlacement> places = new ArrayList<>();
        for (JsonNode p : a.path("placement"))
            places.add(enumOf(LabelProfile.AudioPlacement.class, p.asText(), aw + ".placement"));
        if (places.isEmpty() || places.size() > 3)
            throw new IllegalArgumentException(aw + ".placement needs 1 to 3 of start, middle, end");
        JsonNode t = root.path("text");
        String tw = origin + ": text";
        LabelProfile.TextMarker marker = new LabelProfile.TextMarker(
                texts(t.path("marker"), tw + ".marker"),
                enumOf(LabelProfile.TextPlacement.class, text(t, "placement", tw), tw + ".placement"),
                text(t, "source", tw));
        return new LabelProfile(
                j,
                text(root, "title", origin),
                bool(root, "required", origin),
                text(root, "source", origin),
                text(root, "defaultLanguage", origin),
                image,
                video,
                new LabelProfile.Audio(prompt, places, text(a, "source", aw)),
                marker,
                rule(root.path("unlabelledExport"), "allowed", origin + ": unlabelledExport"),
                rule(root.path("filingNumber"), "shown", origin + ": filingNumber"));
    }

    private static LabelProfile.Visual visual(JsonNode n, String where) {
        if (!n.isObject()) throw new IllegalArgumentException(where + " is missing");
        LabelProfile.Position pos;
        try {
            pos = LabelProfile.Position.parse(text(n, "position", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        // GB 45438 §4 sets 5 % for images; a profile may ask for more, never for a label that is not there.
        double min = number(n, "minTextHeight", where, 0.01, 0.5);
        return new LabelProfile.Visual(texts(n.path("text"), where + ".text"), pos, min, text(n, "source", where));
    }

    private static Map<String, String> texts(JsonNode n, String where) {
        if (!n.isObject() || n.isEmpty())
            throw new IllegalArgumentException(where + " needs at least one language: text");
        if (n.size() > 32) throw new IllegalArgumentException(where + " has more than 32 languages");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            String lang = e.getKey();
            if (lang.isEmpty() || lang.length() > 8 || !lang.chars().allMatch(c -> c >= 'a' && c <= 'z'))
                throw new IllegalArgumentException(where + ": '" + lang + "' is not a lower-case language tag");
            out.put(lang, VisibleText.check(e.getValue().asText(), where + "." + lang));
        }
        return out;
    }

    private static LabelProfile.Rule rule(JsonNode n, String field, String where) {
        return new LabelProfile.Rule(bool(n, field, where), text(n, "source", where));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String wire, String where) {
        for (E e : type.getEnumConstants())
            if (e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(wire)) return e;
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants())
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        throw new IllegalArgumentException(where + " must be one of " + names + ", got '" + wire + "'");
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank())
            throw new IllegalArgumentException(where + "." + field + " is missing or not a string");
        if (v.asText().length() > 1000)
            throw new IllegalArgumentException(where + "." + field + " is longer than 1000 characters");
        return v.asText();
    }

    private static boolean bool(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isBoolean()) throw new IllegalArgumentException(where + "." + field + " must be true or false");
        return v.asBoolean();
    }

    private static double number(JsonNode n, String field, String where, double min, double max) {
        JsonNode v = n.path(field);
        if (!v.isNumber()) throw new IllegalArgumentException(where + "." + field + " must be a number");
        double d = v.asDouble();
        if (!(d >= min && d <= max))
            throw new IllegalArgumentException(
                    where + "." + field + " must be between " + min + " and " + max + ", got " + d);
        return d;
    }
}
