package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.hash.Bank;
import org.pramaan.hash.BankFiles;
import org.pramaan.hash.BankItem;
import org.pramaan.hash.BankKind;
import org.pramaan.hash.BankState;
import org.pramaan.hash.HashBanks;
import org.pramaan.hash.PdqResult;
import org.pramaan.json.Json;

/** Bank and item CRUD, import and export under {@code /v1/banks}. */
final class BankRoutes {
    private final ApiServices services;

    BankRoutes(ApiServices services) { this.services = services; }

    void list(Context ctx) { HttpApi.json(ctx, 200, services.banks().banks().banks().stream().map(this::view).toList()); }

    void get(Context ctx) { HttpApi.json(ctx, 200, view(bank(ctx))); }

    void create(Context ctx) {
        JsonNode b = body(ctx);
        Requests.cappedFields(b, "name", "kind", "state", "description");
        String name = b.path("name").asText("");
        if (name.isEmpty()) throw new ApiException(400, "request.invalid", "'name' is required");
        if (!b.hasNonNull("kind")) throw new ApiException(400, "request.invalid", "'kind' is required: removed, known-deepfake, ncii, allow-list or partner-feed");
        Bank created = services.banks().create(name, BankKind.parse(b.path("kind").asText()), BankState.parse(b.path("state").asText("enabled")),
                b.path("pdqThreshold").asInt(HashBanks.PDQ_MATCH_DISTANCE), b.path("qualityFloor").asInt(PdqResult.MATCHABLE_QUALITY),
                b.path("description").asText(""), actor(ctx));
        HttpApi.json(ctx, 201, view(created));
    }

    void update(Context ctx) {
        Bank old = bank(ctx);
        JsonNode b = body(ctx);
        Requests.cappedFields(b, "state", "description");
        Bank changed = old.with(b.hasNonNull("state") ? BankState.parse(b.path("state").asText()) : old.state(),
                b.path("pdqThreshold").asInt(old.pdqThreshold()), b.path("qualityFloor").asInt(old.qualityFloor()),
                b.path("description").asText(old.description()));
        HttpApi.json(ctx, 200, view(services.banks().update(changed, actor(ctx))));
    }

    void delete(Context ctx) {
        Bank b = bank(ctx);
        services.banks().delete(b.name(), actor(ctx));
        ctx.status(204);
    }

    void items(Context ctx) {
        Bank b = bank(ctx);
        int limit = Math.min(10_000, parseInt(ctx.queryParam("limit"), 1000, "limit"));
        long after = parseInt(ctx.queryParam("after"), 0, "after");
        List<BankItem> page = services.banks().banks().items(b.name()).stream().filter(i -> i.id() > after).limit(limit).toList();
        HttpApi.json(ctx, 200, Map.of("items", page.stream().map(BankFiles::view).toList(),
                "next", page.size() == limit ? Long.toString(page.get(page.size() - 1).id()) : ""));
    }

    /** JSON lines, CSV or a bare hash list in the body ({@code ?format=}); all items are stored or none. */
    void importItems(Context ctx) throws IOException {
        Bank b = bank(ctx);
        BankFiles.Format format = BankFiles.Format.parse(ctx.queryParamAsClass("format", String.class).getOrDefault(guessFormat(ctx.contentType())));
        List<BankItem> items;
        try (InputStreamReader in = new InputStreamReader(Idempotency.body(ctx), StandardCharsets.UTF_8)) {
            items = BankFiles.parse(format, b.name(), in, "api import by " + actor(ctx), actor(ctx), services.clock().instant());
        } catch (BankFiles.ImportException e) {
            throw new ApiException(400, "bank.import_invalid", e.getMessage() + " (nothing was imported)");
        }
        // caseId is server-owned: a match on an item with one is recorded as resurfacing in that case (and
        // notifies its complainant), so a client naming a case could write into any case. Cases bank content themselves.
        items.stream().filter(i -> i.caseId().isPresent()).findFirst().ifPresent(i -> {
            throw new ApiException(400, "bank.import_invalid", "item " + (items.indexOf(i) + 1) + " names caseId '" + i.caseId().get()
                    + "': caseId is set by the server when a case banks content; remove it (nothing was imported)");
        });
        List<BankItem> stored = services.banks().add(b.name(), items, actor(ctx));
        HttpApi.json(ctx, 201, Map.of("bank", b.name(), "imported", stored.size(), "ids", stored.stream().map(BankItem::id).toList()));
    }

    void deleteItem(Context ctx) {
        Bank b = bank(ctx);
        long id = parseInt(ctx.pathParam("id"), -1, "item id");
        if (!services.banks().removeItem(b.name(), id, actor(ctx))) throw new ApiException(404, "bank.item_not_found", "bank '" + b.name() + "' has no item " + id);
        ctx.status(204);
    }

    void export(Context ctx) throws IOException {
        Bank b = bank(ctx);
        BankFiles.Format format = BankFiles.Format.parse(ctx.queryParamAsClass("format", String.class).getOrDefault("jsonl"));
        StringWriter out = new StringWriter();
        BankFiles.write(format, services.banks().banks().items(b.name()), out);
        ctx.contentType(format == BankFiles.Format.CSV ? "text/csv" : format == BankFiles.Format.TSV ? "text/tab-separated-values" : format == BankFiles.Format.JSONL ? "application/x-ndjson" : "text/plain").result(out.toString());
    }

    private Bank bank(Context ctx) {
        String name = ctx.pathParam("name");
        return services.banks().banks().bank(name).orElseThrow(() -> new ApiException(404, "bank.not_found", "no bank named '" + name + "'"));
    }

    private Map<String, Object> view(Bank b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("kind", b.kind().wireName());
        m.put("state", b.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("pdqThreshold", b.pdqThreshold());
        m.put("qualityFloor", b.qualityFloor());
        m.put("description", b.description());
        m.put("createdAt", b.createdAt().toString());
        m.put("items", services.banks().banks().items(b.name()).size());
        return m;
    }

    private static String actor(Context ctx) { return "key:" + HttpApi.principal(ctx).keyId(); }

    private static String guessFormat(String contentType) {
        if (contentType == null) return "jsonl";
        if (contentType.startsWith("text/csv")) return "csv";
        if (contentType.startsWith("text/tab-separated-values")) return "tsv";
        if (contentType.startsWith("text/plain")) return "lines";
        return "jsonl";
    }

    private static int parseInt(String s, int dflt, String what) {
        if (s == null || s.isBlank()) return dflt;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "request.invalid", what + " '" + s + "' is not a whole number");
        }
    }

    private static JsonNode body(Context ctx) { return Requests.jsonObject(ctx); }
}
