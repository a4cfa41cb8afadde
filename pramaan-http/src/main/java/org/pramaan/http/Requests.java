package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import org.pramaan.json.Json;

/** Request parsing shared by the route classes; problems become 400s that say what was wrong. */
final class Requests {
    private Requests() {}

    static JsonNode jsonObject(Context ctx) { return jsonObject(ctx.body()); }

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
