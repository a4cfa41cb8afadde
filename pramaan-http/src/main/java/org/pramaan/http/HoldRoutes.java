package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pramaan.cases.Hold;

/** Legal holds on media and the retention purge. */
public final class HoldRoutes {
    /** Holds and the retention purge. */
    public record Services(
            org.pramaan.cases.Retention retention,
            org.pramaan.intake.MediaRepository media,
            org.pramaan.audit.AuditLog audit,
            java.time.Clock clock)
            implements Idempotency.Audited {
        public Services {
            java.util.Objects.requireNonNull(retention, "retention");
            java.util.Objects.requireNonNull(media, "media");
            java.util.Objects.requireNonNull(audit, "audit");
            java.util.Objects.requireNonNull(clock, "clock");
        }
    }

    private final Services services;

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    HoldRoutes(Services services) {
        this.services = services;
    }

    void list(Context ctx) {
        String media = ctx.pathParam("id");
        if (services.media().find(media).isEmpty())
            throw new ApiException(404, "media.not_found", "no media with id '" + media + "'");
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "holds",
                        services.retention().holds(media).stream()
                                .map(h -> view(h, services.clock().instant()))
                                .toList()));
    }

    void place(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        String media = b.path("mediaId").asText("");
        if (media.isEmpty()) throw new ApiException(400, "request.invalid", "'mediaId' is required");
        // A hold that ends before it starts is a mistake; past year 9999 the ISO form (and some readers) break.
        Optional<Instant> until =
                Requests.instantField(b, "until", services.clock().instant(), LATEST);
        Optional<String> caseId = Optional.ofNullable(b.get("caseId")).map(JsonNode::asText);
        String reason = Requests.capped("reason", b.path("reason").asText(""));
        org.pramaan.access.Actor actor = org.pramaan.access.Actor.of(HttpApi.principal(ctx));
        Idempotency.respond(
                ctx,
                services,
                201,
                () -> view(
                        services.retention().place(media, caseId, reason, until, actor),
                        services.clock().instant()));
    }

    void release(Context ctx) {
        long id = Requests.pathLong(ctx, "id", "hold id", 1, Long.MAX_VALUE);
        org.pramaan.access.Actor actor = org.pramaan.access.Actor.of(HttpApi.principal(ctx));
        Idempotency.respond(
                ctx,
                services,
                200,
                () -> view(
                        services.retention().release(id, actor),
                        services.clock().instant()));
    }

    void purge(Context ctx) {
        HttpApi.json(ctx, 200, Map.of("purged", services.retention().purge()));
    }

    private static Map<String, Object> view(Hold h, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("mediaId", h.mediaId());
        h.caseId().ifPresent(c -> m.put("caseId", c));
        m.put("reason", h.reason());
        m.put("createdBy", h.createdBy());
        m.put("createdAt", h.createdAt().toString());
        h.until().ifPresent(u -> m.put("until", u.toString()));
        h.releasedAt().ifPresent(r -> m.put("releasedAt", r.toString()));
        m.put("active", h.activeAt(now));
        return m;
    }
}
