package org.pramaan.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.json.Json;

/**
 * The GB 45438-2025 Appendix E implicit label: a JSON object under the key {@code AIGC} with exactly
 * seven fields. {@code Label} is "1" (generated), "2" (possibly generated) or "3" (suspected); values
 * are any Unicode text without control characters: Appendix E asks for the producer's name or code,
 * and Chinese producers write names such as 某某科技有限公司, with spaces in English ones. Some producers spell the reserved fields {@code ReserveCode1/2};
 * those are accepted on read and written as {@code ReservedCode1/2}.
 */
public record Aigc(
        String label,
        String contentProducer,
        String produceId,
        String reservedCode1,
        String contentPropagator,
        String propagateId,
        String reservedCode2) {
    public static final List<String> FIELDS = List.of(
            "Label",
            "ContentProducer",
            "ProduceID",
            "ReservedCode1",
            "ContentPropagator",
            "PropagateID",
            "ReservedCode2");

    /**
     * Validates for writing: Label in {"1","2","3"}; every value at most 2048 characters of Unicode
     * text without control characters (C0, DEL, C1) or unpaired surrogates. The producer fields are required unless a platform added the label to content that
     * had none (Labeling Measures art.6: "possibly"/"suspected"), in which case the propagator fields are.
     */
    public Aigc {
        if (!List.of("1", "2", "3").contains(label))
            throw new IllegalArgumentException("AIGC Label must be \"1\", \"2\" or \"3\", got \"" + label + "\"");
        boolean platformAdded = contentPropagator != null
                && !contentPropagator.isEmpty()
                && (contentProducer == null || contentProducer.isEmpty());
        requireText("ContentProducer", contentProducer, !platformAdded);
        requireText("ProduceID", produceId, !platformAdded);
        requireText("ReservedCode1", reservedCode1, false);
        requireText("ContentPropagator", contentPropagator, platformAdded);
        requireText("PropagateID", propagateId, platformAdded);
        requireText("ReservedCode2", reservedCode2, false);
    }

    /** A label a platform adds to content that arrived without one; the producer fields stay empty. */
    public static Aigc addedByPlatform(String label, String propagator, String propagateId, String reservedCode2) {
        return new Aigc(label, "", "", "", propagator, propagateId, reservedCode2);
    }

    /** A label read from a file, by field name (either reserved-code spelling); validated like a new one. */
    public static Aigc fromFields(Map<String, String> fields) {
        java.util.function.Function<String, String> f =
                k -> fields.getOrDefault(k, fields.getOrDefault(k.replace("Reserved", "Reserve"), ""));
        return new Aigc(
                f.apply("Label"),
                f.apply("ContentProducer"),
                f.apply("ProduceID"),
                f.apply("ReservedCode1"),
                f.apply("ContentPropagator"),
                f.apply("PropagateID"),
                f.apply("ReservedCode2"));
    }

    /** A platform's propagation step (Labeling Measures art.6): adds its fields, never touches the producer's. */
    public Aigc propagatedBy(String propagator, String propagateId) {
        return new Aigc(label, contentProducer, produceId, reservedCode1, propagator, propagateId, reservedCode2);
    }

    /** As {@link #propagatedBy(String, String)}, with this platform's own integrity data (a previous platform's is dropped). */
    public Aigc propagatedBy(String propagator, String propagateId, String propagatorReservedCode) {
        return new Aigc(
                label, contentProducer, produceId, reservedCode1, propagator, propagateId, propagatorReservedCode);
    }

    /** The seven fields in the standard's order (the shared mapper would sort them). */
    public String toJson() {
        String[] v = {label, contentProducer, produceId, reservedCode1, contentPropagator, propagateId, reservedCode2};
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < FIELDS.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"')
                    .append(FIELDS.get(i))
                    .append("\":\"")
                    .append(v[i].replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return sb.append('}').toString();
    }

    /** What a read found: the fields present, and the problem if the label is not valid. */
    public record Parsed(Map<String, String> fields, Optional<String> problem) {
        public String label() {
            return fields.getOrDefault("Label", "");
        }
    }

    public static Parsed parse(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode n;
        try {
            n = Json.mapper().readTree(json);
        } catch (Exception e) {
            return new Parsed(fields, Optional.of("AIGC value is not valid JSON"));
        }
        if (n == null || !n.isObject()) return new Parsed(fields, Optional.of("AIGC value is not a JSON object"));
        n.fields().forEachRemaining(e -> {
            String key = e.getKey().replace("ReserveCode", "ReservedCode");
            fields.put(
                    key,
                    e.getValue().isTextual()
                            ? e.getValue().asText()
                            : e.getValue().toString());
        });
        JsonNode label = n.get("Label");
        if (label == null) return new Parsed(fields, Optional.of("AIGC has no Label"));
        if (!label.isTextual())
            return new Parsed(fields, Optional.of("AIGC Label must be a string \"1\", \"2\" or \"3\", got " + label));
        if (!List.of("1", "2", "3").contains(label.asText()))
            return new Parsed(fields, Optional.of("AIGC Label \"" + label.asText() + "\" is not 1, 2 or 3"));
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!text(f.getValue()))
                return new Parsed(
                        fields,
                        Optional.of("AIGC " + f.getKey() + " has control characters or is not well-formed text"));
        }
        return new Parsed(fields, Optional.empty());
    }

    /**
     * Any Unicode text but control characters (U+0000–U+001F, U+007F–U+009F), which would break the
     * carriers' text (XMP, ID3, RIFF ZSTR) or hide in a display, and unpaired surrogates, which
     * UTF-8 cannot encode. Spaces and CJK are fine.
     */
    static boolean text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) return false;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void requireText(String field, String value, boolean required) {
        if (value == null || (required && value.isEmpty()))
            throw new IllegalArgumentException("AIGC " + field + " is required");
        // The limit first, so a huge value is refused before it is scanned.
        if (value.length() > 2048)
            throw new IllegalArgumentException("AIGC " + field + " is longer than 2048 characters");
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i)))
                throw new IllegalArgumentException("AIGC " + field + " has a control character U+"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) value.charAt(i)) + " at position " + i);
        }
        if (!text(value))
            throw new IllegalArgumentException("AIGC " + field + " is not well-formed Unicode (unpaired surrogate)");
    }
}
