package org.pramaan.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Typed, bounded reads of one manifest's JSON; every refusal names the key. */
final class ManifestFields {
    private final String origin;

    ManifestFields(String origin) {
        this.origin = origin;
    }

    DetectorFailure bad(String key, String message) {
        return ManifestReader.fail(origin, key, message);
    }

    /** An object whose keys are all known; the first unknown one is refused by name. */
    JsonNode object(JsonNode node, String key, Set<String> known) throws DetectorFailure {
        if (node == null || !node.isObject()) throw bad(key, "is required: a JSON object");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                String where = key.isEmpty() ? name : key + "." + name;
                throw bad(
                        abbreviate(where),
                        "is not a manifest key; known here: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        return node;
    }

    String text(JsonNode node, String key, int max) throws DetectorFailure {
        return text(node, key, key, max);
    }

    String text(JsonNode node, String path, String key, int max) throws DetectorFailure {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) throw bad(path, "is required: a string");
        String s = v.asText();
        if (s.isBlank() || s.length() > max) throw bad(path, "is 1.." + max + " characters, got " + s.length());
        for (int i = 0; i < s.length(); i++)
            if (Character.isISOControl(s.charAt(i))) throw bad(path, "holds a control character at " + i);
        return s;
    }

    List<String> texts(JsonNode node, String key, int maxItems, int maxLength) throws DetectorFailure {
        JsonNode v = node.get(key);
        if (v == null) return List.of();
        if (!v.isArray() || v.size() > maxItems) throw bad(key, "is an array of at most " + maxItems + " strings");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String path = key + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength)
                throw bad(path, "is a string of 1.." + maxLength + " characters");
            out.add(item.asText());
        }
        return out;
    }

    <E extends Enum<E>> E choice(JsonNode node, String key, Class<E> type) throws DetectorFailure {
        return choice(node, key, key, type);
    }

    <E extends Enum<E>> E choice(JsonNode node, String path, String key, Class<E> type) throws DetectorFailure {
        JsonNode v = node.get(key);
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants())
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (v != null && v.isTextual() && v.asText().length() <= 32) {
            // Wire names use '-' where the constant has '_' (face-embedding); both spellings are read.
            String given = v.asText().replace('-', '_');
            for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(given)) return e;
        }
        throw bad(path, "is one of " + String.join(", ", names));
    }

    double number(JsonNode node, String parent, String key, double min, double max) throws DetectorFailure {
        return value(node.get(key), parent.isEmpty() ? key : parent + "." + key, min, max);
    }

    /** A JSON number (never a string holding one) that is finite and within min..max. */
    double value(JsonNode v, String path, double min, double max) throws DetectorFailure {
        if (v == null || !v.isNumber()) throw bad(path, "is required: a JSON number");
        double d = v.asDouble();
        if (!Double.isFinite(d) || d < min || d > max) throw bad(path, "lies in " + min + ".." + max + ", got " + d);
        return d;
    }

    long integer(JsonNode node, String parent, String key, long min, long max) throws DetectorFailure {
        String path = parent.isEmpty() ? key : parent + "." + key;
        JsonNode v = node.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong())
            throw bad(path, "is required: a whole JSON number");
        long n = v.asLong();
        if (n < min || n > max) throw bad(path, "lies in " + min + ".." + max + ", got " + n);
        return n;
    }

    List<Double> numbers(JsonNode node, String parent, String key, int count, double min, double max)
            throws DetectorFailure {
        String path = parent + "." + key;
        JsonNode v = node.get(key);
        if (v == null || !v.isArray() || v.size() != count) throw bad(path, "is an array of " + count + " numbers");
        List<Double> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(value(v.get(i), path + "[" + i + "]", min, max));
        return out;
    }

    /** Lower-case letters, digits and {@code . _ -} (and upper case and {@code +} when {@code loose}). */
    static boolean isIdentifier(String s, boolean loose) {
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) || s.charAt(0) > 127) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-'
                    || (loose && ((c >= 'A' && c <= 'Z') || c == '+'));
            if (!ok) return false;
        }
        return !s.contains("..");
    }

    static String firstLine(String message) {
        if (message == null) return "";
        int nl = message.indexOf('\n');
        return abbreviate(nl < 0 ? message : message.substring(0, nl));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
