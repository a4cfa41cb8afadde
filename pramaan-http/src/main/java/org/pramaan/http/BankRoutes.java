package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankFiles;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankState;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.PdqResult;

/** Bank and item CRUD, import and export under {@code /v1/banks}. */
public final class BankRoutes {
    /** Bank curation; {@code bankImports} are the size limits of one import ({@code banks.max-import-bytes}, {@code banks.max-import-items}). */
    public record Services(
            org.pramaan.banks.BankCuration banks,
            BankFiles.Limits bankImports,
            org.pramaan.audit.AuditLog audit,
            java.nio.file.Path uploadDir,
            java.time.Clock clock)
            implements Idempotency.Audited {
        public Services {
            java.util.Objects.requireNonNull(banks, "banks");
            java.util.Objects.requireNonNull(bankImports, "bankImports");
            java.util.Objects.requireNonNull(audit, "audit");
            java.util.Objects.requireNonNull(uploadDir, "uploadDir");
            java.util.Objects.requireNonNull(clock, "clock");
        }
    }

    private final Services services;

    static final int MAX_PDQ_THRESHOLD = 128;
    static final int MAX_PAGE = 10_000;
    /** What a client may set; everything else in a bank's view (createdAt, items) is the server's, and unknown fields are refused. */
    private static final java.util.Set<String> CREATE_FIELDS =
            java.util.Set.of("name", "kind", "state", "pdqThreshold", "qualityFloor", "description");

    private static final java.util.Set<String> UPDATE_FIELDS =
            java.util.Set.of("state", "pdqThreshold", "qualityFloor", "description");

    BankRoutes(Services services) {
        this.services = services;
    }

    void list(Context ctx) {
        HttpApi.json(
                ctx,
                200,
                services.banks().banks().banks().stream().map(this::view).toList());
    }

    void get(Context ctx) {
        HttpApi.json(ctx, 200, view(bank(ctx)));
    }

    void create(Context ctx) {
        JsonNode b = body(ctx);
        Requests.onlyFields(b, CREATE_FIELDS);
        Requests.cappedFields(b, "name", "kind", "state", "description");
        String name = b.path("name").asText("");
        if (name.isEmpty()) throw new ApiException(400, "request.invalid", "'name' is required");
        if (!b.hasNonNull("kind"))
            throw new ApiException(
                    400,
                    "request.invalid",
                    "'kind' is required: removed, known-deepfake, ncii, allow-list or partner-feed");
        BankKind kind = BankKind.parse(b.path("kind").asText());
        BankState state = BankState.parse(b.path("state").asText("enabled"));
        int threshold = pdqThreshold(b, HashBanks.PDQ_MATCH_DISTANCE);
        int floor = qualityFloor(b, PdqResult.MATCHABLE_QUALITY);
        String actor = actor(ctx);
        Idempotency.respond(
                ctx,
                services,
                201,
                () -> view(services.banks()
                        .create(
                                name,
                                kind,
                                state,
                                threshold,
                                floor,
                                b.path("description").asText(""),
                                actor)));
    }

    void update(Context ctx) {
        Bank old = bank(ctx);
        JsonNode b = body(ctx);
        Requests.onlyFields(b, UPDATE_FIELDS);
        Requests.cappedFields(b, "state", "description");
        Bank changed = old.with(
                b.hasNonNull("state") ? BankState.parse(b.path("state").asText()) : old.state(),
                pdqThreshold(b, old.pdqThreshold()),
                qualityFloor(b, old.qualityFloor()),
                b.path("description").asText(old.description()));
        HttpApi.json(ctx, 200, view(services.banks().update(changed, actor(ctx))));
    }

    /**
     * PDQ hashes are 256 bits, so distances run 0..256; past 128 (half the bits) two unrelated
     * pictures match more often than not, so {@link Bank} allows 0..128 (Meta's PDQ description,
     * ThreatExchange {@code pdq/README.md} and {@code hashing.pdf}, recommends 31 as the match threshold).
     */
    private static int pdqThreshold(JsonNode b, int dflt) {
        return Requests.intField(b, "pdqThreshold", dflt, 0, MAX_PDQ_THRESHOLD);
    }

    /** PDQ quality is the hasher's own 0..100 metric (same documents: hashes below 50 are too featureless to match on). */
    private static int qualityFloor(JsonNode b, int dflt) {
        return Requests.intField(b, "qualityFloor", dflt, 0, 100);
    }

    void delete(Context ctx) {
        Bank b = bank(ctx);
        services.banks().delete(b.name(), actor(ctx));
        ctx.status(204);
    }

    void items(Context ctx) {
        Bank b = bank(ctx);
        int limit = (int) Requests.queryLong(ctx, "limit", 1000, 1, MAX_PAGE);
        long after = Requests.queryLong(ctx, "after", 0, 0, Long.MAX_VALUE);
        List<BankItem> page = services.banks().banks().items(b.name()).stream()
                .filter(i -> i.id() > after)
                .limit(limit)
                .toList();
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "items",
                        page.stream().map(BankFiles::view).toList(),
                        "next",
                        page.size() == limit
                                ? Long.toString(page.get(page.size() - 1).id())
                                : ""));
    }

    /**
     * JSON lines, CSV or a bare hash list in the body ({@code ?format=}); all items are stored or none.
     * The body is streamed to a spool file under the byte limit (a chunked body has no Content-Length
     * to check first), then parsed in one pass that stops at the first bad line or past the item
     * limit, so the items held in memory are never more than that limit.
     */
    void importItems(Context ctx) throws IOException {
        Bank b = bank(ctx);
        BankFiles.Format format = BankFiles.Format.parse(
                ctx.queryParamAsClass("format", String.class).getOrDefault(guessFormat(ctx.contentType())));
        BankFiles.Limits limits = services.bankImports();
        if (ctx.contentLength() > limits.maxBytes())
            throw importTooLarge("the body is " + ctx.contentLength() + " bytes", limits);
        java.nio.file.Files.createDirectories(services.uploadDir());
        java.nio.file.Path spool = java.nio.file.Files.createTempFile(services.uploadDir(), "import-", ".bin");
        try {
            try (java.io.InputStream in = Idempotency.body(ctx);
                    java.io.OutputStream out = java.nio.file.Files.newOutputStream(spool)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > limits.maxBytes()) throw importTooLarge("the body is larger", limits);
                    out.write(buf, 0, n);
                }
            }
            String source = "api import by " + actor(ctx);
            java.time.Instant at = services.clock().instant();
            List<BankItem> items;
            try {
                // One pass: parse refuses at the first bad line or past the item limit, so the list it holds is bounded
                // by that limit.
                try (java.io.Reader in = java.nio.file.Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                    items = BankFiles.parse(format, b.name(), in, source, actor(ctx), at, limits.maxItems());
                }
            } catch (BankFiles.ImportException e) {
                if (e.tooLarge()) throw importTooLarge(e.getMessage(), limits);
                throw new ApiException(400, "bank.import_invalid", e.getMessage() + " (nothing was imported)");
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new ApiException(400, "bank.import_invalid", "the body is not UTF-8 text (nothing was imported)");
            }
            // caseId is server-owned: a match on an item with one is recorded as resurfacing in that case (and
            // notifies its complainant), so a client naming a case could write into any case. Cases bank content
            // themselves.
            items.stream().filter(i -> i.caseId().isPresent()).findFirst().ifPresent(i -> {
                throw new ApiException(
                        400,
                        "bank.import_invalid",
                        "item " + (items.indexOf(i) + 1) + " names caseId '"
                                + i.caseId().get()
                                + "': caseId is set by the server when a case banks content; remove it (nothing was imported)");
            });
            Idempotency.respond(ctx, services, 201, () -> {
                List<BankItem> stored = services.banks().add(b.name(), items, actor(ctx));
                return Map.of(
                        "bank",
                        b.name(),
                        "imported",
                        stored.size(),
                        "ids",
                        stored.stream().map(BankItem::id).toList());
            });
        } finally {
            java.nio.file.Files.deleteIfExists(spool);
        }
    }

    private static ApiException importTooLarge(String what, BankFiles.Limits limits) {
        return new ApiException(
                413,
                "bank.import_too_large",
                what + "; one import may have at most " + limits.maxBytes() + " bytes (banks.max-import-bytes) and "
                        + limits.maxItems() + " items (banks.max-import-items); split it (nothing was imported)");
    }

    void deleteItem(Context ctx) {
        Bank b = bank(ctx);
        long id = Requests.pathLong(ctx, "id", "item id", 1, Long.MAX_VALUE);
        if (!services.banks().removeItem(b.name(), id, actor(ctx)))
            throw new ApiException(404, "bank.item_not_found", "bank '" + b.name() + "' has no item " + id);
        ctx.status(204);
    }

    void export(Context ctx) throws IOException {
        Bank b = bank(ctx);
        BankFiles.Format format = BankFiles.Format.parse(
                ctx.queryParamAsClass("format", String.class).getOrDefault("jsonl"));
        StringWriter out = new StringWriter();
        BankFiles.write(format, services.banks().banks().items(b.name()), out);
        ctx.contentType(
                        format == BankFiles.Format.CSV
                                ? "text/csv"
                                : format == BankFiles.Format.TSV
                                        ? "text/tab-separated-values"
                                        : format == BankFiles.Format.JSONL ? "application/x-ndjson" : "text/plain")
                .result(out.toString());
    }

    private Bank bank(Context ctx) {
        String name = ctx.pathParam("name");
        return services.banks()
                .banks()
                .bank(name)
                .orElseThrow(() -> new ApiException(404, "bank.not_found", "no bank named '" + name + "'"));
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

    private static String actor(Context ctx) {
        return org.pramaan.access.Actor.of(HttpApi.principal(ctx)).wireName();
    }

    private static String guessFormat(String contentType) {
        if (contentType == null) return "jsonl";
        if (contentType.startsWith("text/csv")) return "csv";
        if (contentType.startsWith("text/tab-separated-values")) return "tsv";
        if (contentType.startsWith("text/plain")) return "lines";
        return "jsonl";
    }

    private static JsonNode body(Context ctx) {
        return Requests.jsonObject(ctx);
    }
}
