package org.pramaan.cases;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.pramaan.errors.Invalid;

/**
 * The stored JSON of a {@link CaseEvent}, exactly as the string-typed record wrote it (properties
 * sorted: {@code at}, {@code details} with sorted keys, {@code type}), so case rows written before
 * and after the sealed events read and write the same bytes.
 */
final class CaseEventJson {
    private CaseEventJson() {}

    static final class Writer extends JsonSerializer<CaseEvent> {
        @Override
        public void serialize(CaseEvent e, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("at", e.at().toString());
            gen.writeObjectFieldStart("details");
            for (Map.Entry<String, String> d : new TreeMap<>(e.details()).entrySet())
                gen.writeStringField(d.getKey(), d.getValue());
            gen.writeEndObject();
            gen.writeStringField("type", e.wireName());
            gen.writeEndObject();
        }
    }

    static final class Reader extends JsonDeserializer<CaseEvent> {
        @Override
        public CaseEvent deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode n = p.readValueAsTree();
            if (n == null || !n.isObject()) throw new Invalid("events", "a case event must be a JSON object, got " + n);
            JsonNode type = n.path("type");
            JsonNode at = n.path("at");
            if (!type.isTextual()) throw new Invalid("type", "a case event needs its 'type' as a string, got " + type);
            if (!at.isTextual())
                throw new Invalid(
                        "at", "case event '" + type.asText() + "' needs 'at' as an ISO-8601 instant, got " + at);
            Instant when;
            try {
                when = Instant.parse(at.asText());
            } catch (DateTimeParseException ex) {
                throw new Invalid(
                        "at", "case event '" + type.asText() + "' has 'at' " + at + ", not an ISO-8601 instant");
            }
            Map<String, String> details = new LinkedHashMap<>();
            JsonNode d = n.path("details");
            if (!d.isMissingNode() && !d.isObject())
                throw new Invalid(
                        "details", "case event '" + type.asText() + "' needs 'details' as an object, got " + d);
            for (Map.Entry<String, JsonNode> f : d.properties()) {
                if (!f.getValue().isTextual())
                    throw new Invalid(
                            "details." + f.getKey(),
                            "case event detail '" + f.getKey() + "' must be a string, got " + f.getValue());
                details.put(f.getKey(), f.getValue().asText());
            }
            return CaseEvent.of(type.asText(), when, details);
        }
    }
}
