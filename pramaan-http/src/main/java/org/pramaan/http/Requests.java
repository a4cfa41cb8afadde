package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import org.pramaan.json.Json;

/** Request parsing shared by the route classes; problems become 400s that say what was wrong. */
final class Requests {
    private Requests() {}

    static JsonNode jsonObject(Context ctx) { return jsonObject(ctx.body()); }

    /**
     * A client's text field, refused (400 naming the field and the limit) when longer than its cap in
     * {@link org.pramaan.limits.TextLimits#forField}; checked before the value is trimmed, parsed or matched.
     */
    static String capped(String field, String value) { return cappedText(field, value); }

    /** Caps each of {@code fields} that {@code body} carries as text (see {@link #capped}); returns {@code body}. */
    static JsonNode cappedFields(JsonNode body, String... fields) {
        for (String f : fields) if (body.path(f).isTextual()) cappedText(f, body.path(f).asText());
        return body;
    }

    private static String cappedText(String field, String value) {
        int max = org.pramaan.limits.TextLimits.forField(field);
        if (value.length() > max) {
            throw new ApiException(400, "request.invalid", "'" + field + "' is " + value.length() + " characters long; the limit is " + max);
        }
        return value;
    }

    static JsonNode jsonObject(String text) {
        try {
            JsonNode n = Json.mapper().readTree(text);
            if (n == null || !n.isObject()) throw new ApiException(400, "request.invalid", "the request body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw new ApiException(400, "request.invalid", "the request body is not valid JSON: " + e.getMessage());
        }
    }
}
