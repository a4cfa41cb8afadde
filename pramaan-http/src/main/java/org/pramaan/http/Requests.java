package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.pramaan.errors.Invalid;
import org.pramaan.json.Json;

/**
 * Request parsing shared by the route classes; problems become 400s that say what was wrong
 * ({@link Invalid} naming the field where there is one, so the body carries {@code error.field}).
 * Every number a client sends goes through {@link #longField}, {@link #queryLong} or {@link #pathLong}:
 * the type must be an integral number, the value within the field's range; nothing is coerced
 * (issue 11 defect 5: {@code asInt()} turned 4294967327 into 31 and "31abc" into 0).
 */
final class Requests {
    /** JSON bodies are small descriptions, never content; the same figure as Javalin's maxRequestSize in {@link HttpApi}. */
    static final int MAX_JSON_BYTES = 1024 * 1024;
    /** Longer than any long in decimal (19 digits and a sign): anything longer is refused before parsing. */
    private static final int MAX_NUMBER_CHARS = 20;
    /** ISO-8601 durations and instants a person would write are far shorter; capped before parsing. */
    private static final int MAX_TEMPORAL_CHARS = 64;

    private Requests() {}

    /**
     * The body as a JSON object. Javalin caches the bytes (so a filter that read them first does not
     * leave this empty) and counts them as they arrive against {@code maxRequestSize}, chunked bodies
     * too; past it, the 413 handler in {@link HttpApi} answers {@code request.too_large}.
     */
    static JsonNode jsonObject(Context ctx) {
        return jsonObject(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
    }

    /**
     * A client's text field, refused (400 naming the field and the limit) when longer than its cap in
     * {@link org.pramaan.limits.TextLimits#forField}; checked before the value is trimmed, parsed or matched.
     */
    static String capped(String field, String value) {
        return cappedText(field, value);
    }

    /** Caps each of {@code fields} that {@code body} carries as text (see {@link #capped}); returns {@code body}. */
    static JsonNode cappedFields(JsonNode body, String... fields) {
        for (String f : fields)
            if (body.path(f).isTextual()) cappedText(f, body.path(f).asText());
        return body;
    }

    private static String cappedText(String field, String value) {
        int max = org.pramaan.limits.TextLimits.forField(field);
        if (value.length() > max) {
            throw new Invalid(field, "'" + field + "' is " + value.length() + " characters long; the limit is " + max);
        }
        return value;
    }

    static JsonNode jsonObject(String text) {
        try {
            JsonNode n = Json.mapper().readTree(text);
            if (n == null || !n.isObject())
                throw new ApiException(400, "request.invalid", "the request body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw new ApiException(400, "request.invalid", "the request body is not valid JSON: " + e.getMessage());
        }
    }

    /** Refuses fields the route does not know, naming the first: a misspelt "pdqThresold" must not be silently ignored. */
    static void onlyFields(JsonNode body, Set<String> allowed) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new Invalid(
                        abbreviate(f),
                        "unknown field '" + abbreviate(f) + "'; this route accepts "
                                + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    /**
     * A JSON integer field within {@code min..max}, or empty when absent or null. Strings ("31"),
     * fractions (31.9, 31.0), NaN/Infinity and numbers beyond a long are refused, never converted.
     */
    static OptionalLong longField(JsonNode body, String field, long min, long max) {
        return longField(body, field, field, min, max);
    }

    /** As {@link #longField(JsonNode, String, long, long)}, naming the field as {@code label} (e.g. {@code pdq[2].quality}). */
    static OptionalLong longField(JsonNode body, String field, String label, long min, long max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return OptionalLong.empty();
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new Invalid(
                    label, "'" + label + "' must be a whole number in " + min + ".." + max + ", got " + shown(v));
        }
        return OptionalLong.of(inRange(label, v.longValue(), min, max));
    }

    static int intField(JsonNode body, String field, int dflt, int min, int max) {
        return (int) longField(body, field, min, max).orElse(dflt);
    }

    static int intField(JsonNode body, String field, String label, int dflt, int min, int max) {
        return (int) longField(body, field, label, min, max).orElse(dflt);
    }

    /** A JSON number (fractions allowed) within {@code min..max}; NaN and infinities are refused. */
    static Optional<Double> decimalField(JsonNode body, String field, double min, double max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        double d = v.isNumber() ? v.doubleValue() : Double.NaN;
        if (!v.isNumber() || !Double.isFinite(d) || d < min || d > max) {
            throw new Invalid(field, "'" + field + "' must be a number in " + min + ".." + max + ", got " + shown(v));
        }
        return Optional.of(d);
    }

    /** A query parameter that must be a whole number in {@code min..max}; {@code dflt} when absent. */
    static long queryLong(Context ctx, String name, long dflt, long min, long max) {
        String s = ctx.queryParam(name);
        return s == null ? dflt : parseLong("query parameter '" + name + "'", s, min, max);
    }

    /** A path parameter that must be a whole number in {@code min..max}. */
    static long pathLong(Context ctx, String name, String what, long min, long max) {
        return parseLong(what, ctx.pathParam(name), min, max);
    }

    /** Plain digits with an optional leading minus; no '+', spaces, exponents or fractions. */
    static long parseLong(String what, String s, long min, long max) {
        String range = " must be a whole number in " + min + ".." + max + ", got '" + abbreviate(s) + "'";
        if (s.isEmpty() || s.length() > MAX_NUMBER_CHARS) throw new ApiException(400, "request.invalid", what + range);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-' && s.length() > 1))
                throw new ApiException(400, "request.invalid", what + range);
        }
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) { // beyond a long
            throw new ApiException(400, "request.invalid", what + range);
        }
        if (v < min || v > max) throw new ApiException(400, "request.invalid", what + range);
        return v;
    }

    private static long inRange(String field, long v, long min, long max) {
        if (v < min || v > max)
            throw new Invalid(field, "'" + field + "' must be a whole number in " + min + ".." + max + ", got " + v);
        return v;
    }

    /** An ISO-8601 duration within {@code min..max}; empty when absent. */
    static Optional<Duration> queryDuration(Context ctx, String name, Duration min, Duration max) {
        String s = ctx.queryParam(name);
        if (s == null) return Optional.empty();
        String range = "query parameter '" + name + "' must be an ISO-8601 duration from " + min + " to " + max
                + " (e.g. PT1H), got '" + abbreviate(s) + "'";
        if (s.length() > MAX_TEMPORAL_CHARS) throw new ApiException(400, "request.invalid", range);
        Duration d;
        try {
            d = Duration.parse(s);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new ApiException(400, "request.invalid", range);
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) throw new ApiException(400, "request.invalid", range);
        return Optional.of(d);
    }

    /** An ISO-8601 instant (text) within {@code earliest..latest}; empty when absent, null or blank. */
    static Optional<Instant> instantField(JsonNode body, String field, Instant earliest, Instant latest) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) return Optional.empty();
        String range = "'" + field + "' must be an ISO-8601 instant from " + earliest + " to " + latest
                + " (e.g. 2026-03-01T10:00:00Z), got " + shown(v);
        if (!v.isTextual() || v.asText().length() > MAX_TEMPORAL_CHARS) throw new Invalid(field, range);
        Instant t;
        try {
            t = Instant.parse(v.asText().trim());
        } catch (DateTimeParseException e) {
            throw new Invalid(field, range);
        }
        if (t.isBefore(earliest) || t.isAfter(latest)) throw new Invalid(field, range);
        return Optional.of(t);
    }

    /** The value as the client sent it (strings quoted), shortened for the message. */
    private static String shown(JsonNode v) {
        return abbreviate(v.toString());
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
