package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.access.Actor;
import org.pramaan.backscan.BackScans;
import org.pramaan.backscan.ObjectPrefix;
import org.pramaan.backscan.ScanJob;
import org.pramaan.backscan.ScanPolicy;
import org.pramaan.backscan.ScanResult;
import org.pramaan.backscan.ScanSource;
import org.pramaan.errors.Invalid;

/**
 * Back-scans (issue 17 part 2): {@code POST /v1/scans} starts one (admin), {@code GET /v1/scans/{id}}
 * shows its progress and ETA, {@code POST /v1/scans/{id}/pause|resume|cancel} steer it, and
 * {@code GET /v1/scans/{id}/results} pages its per-item results.
 */
public final class ScanRoutes {
    /** What the routes use; {@code scans} is empty where back-scans are not wired (503 {@code backscan.unavailable}). */
    public record Services(Optional<BackScans> scans, Clock clock) {
        public static Services unavailable() {
            return new Services(Optional.empty(), Clock.systemUTC());
        }
    }

    static final int MAX_RESULTS_PAGE = 1000;
    private static final Set<String> FIELDS =
            Set.of("kind", "folder", "items", "bucket", "prefix", "policy", "noticeType");
    private static final int MAX_ID = 64;

    private final Services services;

    ScanRoutes(Services services) {
        this.services = services;
    }

    private BackScans scans() {
        return services.scans()
                .orElseThrow(
                        () -> new ApiException(503, "backscan.unavailable", "back-scans are not wired in this server"));
    }

    void start(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        Requests.onlyFields(b, FIELDS);
        ScanSource.Kind kind =
                switch (text(b, "kind", 32).orElseThrow(() -> new Invalid("kind", "'kind' is required"))) {
                    case "stored-media" -> ScanSource.Kind.STORED_MEDIA;
                    case "folder" -> ScanSource.Kind.FOLDER;
                    case "list" -> ScanSource.Kind.LIST;
                    case "s3-prefix" -> ScanSource.Kind.OBJECT_PREFIX;
                    default -> throw new Invalid("kind", "'kind' must be stored-media, folder, list or s3-prefix");
                };
        ScanPolicy.Action action = switch (text(b, "policy", 16).orElse("review")) {
            case "review" -> ScanPolicy.Action.REVIEW;
            case "case" -> ScanPolicy.Action.CASE;
            default -> throw new Invalid("policy", "'policy' must be review or case");
        };
        ScanPolicy policy = new ScanPolicy(action, text(b, "noticeType", 64));
        Optional<String> bucket = text(b, "bucket", 63);
        Optional<ObjectPrefix> objects = bucket.isEmpty()
                ? Optional.empty()
                : Optional.of(ObjectPrefix.checked(
                        bucket.get(),
                        text(b, "prefix", ObjectPrefix.MAX_KEY_BYTES).orElse("")));
        if (kind == ScanSource.Kind.OBJECT_PREFIX && objects.isEmpty())
            throw new Invalid("bucket", "'bucket' is required with kind s3-prefix");
        ScanJob j = scans().start(
                        new BackScans.Request(kind, text(b, "folder", 4096), items(b), policy, objects),
                        Actor.of(HttpApi.principal(ctx)));
        HttpApi.json(ctx, 201, view(j));
    }

    private static Optional<String> text(JsonNode b, String field, int max) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw new Invalid(field, "'" + field + "' must be a string");
        if (v.asText().length() > max)
            throw new Invalid(field, "'" + field + "' is " + v.asText().length() + " characters; the limit is " + max);
        return Optional.of(v.asText());
    }

    private static List<String> items(JsonNode b) {
        JsonNode v = b.get("items");
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw new Invalid("items", "'items' must be an array of strings");
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw new Invalid("items[" + i + "]", "'items[" + i + "]' must be a string");
            out.add(v.get(i).asText());
        }
        return out;
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > MAX_ID) throw new Invalid("id", "a scan id is at most " + MAX_ID + " characters");
        return id;
    }

    void get(Context ctx) {
        HttpApi.json(ctx, 200, view(scans().get(id(ctx))));
    }

    void list(Context ctx) {
        HttpApi.json(
                ctx,
                200,
                Map.of("scans", scans().recent(50).stream().map(this::view).toList()));
    }

    void results(Context ctx) {
        String after = Optional.ofNullable(ctx.queryParam("after")).orElse("");
        if (after.length() > 4096) throw new Invalid("after", "'after' is at most 4096 characters");
        int limit = (int) Requests.queryLong(ctx, "limit", 100, 1, MAX_RESULTS_PAGE);
        List<ScanResult> page = scans().results(id(ctx), after, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", page);
        out.put("next", page.size() == limit ? page.get(page.size() - 1).itemKey() : "");
        HttpApi.json(ctx, 200, out);
    }

    void pause(Context ctx) {
        HttpApi.json(ctx, 200, view(scans().pause(id(ctx), Actor.of(HttpApi.principal(ctx)))));
    }

    void resume(Context ctx) {
        HttpApi.json(ctx, 200, view(scans().resume(id(ctx), Actor.of(HttpApi.principal(ctx)))));
    }

    void cancel(Context ctx) {
        HttpApi.json(ctx, 200, view(scans().cancel(id(ctx), Actor.of(HttpApi.principal(ctx)))));
    }

    private Map<String, Object> view(ScanJob j) {
        java.time.Instant now = services.clock().instant();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", j.id());
        v.put("state", j.state().name().toLowerCase(java.util.Locale.ROOT));
        v.put(
                "kind",
                j.source().kind() == ScanSource.Kind.OBJECT_PREFIX
                        ? "s3-prefix" // the wire name of the only object store adapter, as a client starts it
                        : j.source()
                                .kind()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'));
        j.source().folder().ifPresent(f -> v.put("folder", f));
        j.source().objects().ifPresent(o -> {
            v.put("bucket", o.bucket());
            v.put("prefix", o.prefix());
        });
        v.put("policy", j.policy().action().name().toLowerCase(java.util.Locale.ROOT));
        j.policy().noticeType().ifPresent(t -> v.put("noticeType", t));
        v.put("trigger", j.trigger());
        v.put("createdBy", j.createdBy());
        v.put("createdAt", j.createdAt().toString());
        v.put("updatedAt", j.updatedAt().toString());
        j.finishedAt().ifPresent(t -> v.put("finishedAt", t.toString()));
        j.failure().ifPresent(f -> v.put("failure", f));
        v.put("counts", j.counts());
        long total = j.counts().total();
        v.put(
                "percent",
                total == 0 ? 100.0 : Math.min(100.0, Math.floor(j.counts().done() * 1000.0 / total) / 10));
        v.put("ratePerSecond", Math.round(j.rate(now) * 10) / 10.0);
        j.eta(now).ifPresent(d -> v.put("etaSeconds", d.toSeconds()));
        v.put("checkpoint", j.checkpoint());
        return v;
    }
}
