package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.banks.Bank;
import org.pramaan.banks.BankItem;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankMatch;
import org.pramaan.banks.BankState;
import org.pramaan.banks.HashBanks;
import org.pramaan.hash.Dihedral;
import org.pramaan.hash.Hash256;
import org.pramaan.hash.PdqResult;
import org.pramaan.intake.Screener;
import org.pramaan.media.MediaSource;

/**
 * Routes shaped like Meta's Hasher-Matcher-Actioner (HMA 2.0 "Open Media Match") so its clients
 * work against Pramaan: {@code /h/hash}, {@code /m/lookup}, {@code /m/compare}, {@code /c/banks},
 * {@code /c/bank/{name}/content}. Two deliberate differences: distances are numbers (HMA sends
 * strings), and every route needs an API key (HMA has no authentication). Bank names are
 * lower-cased, since Pramaan names are lower-case. URL fetching ({@code ?url=}) is refused:
 * Pramaan never fetches content from the network on a caller's behalf.
 */
public final class HmaRoutes {
    /** The HMA-shaped routes: hashing, matching and bank curation. */
    public record Services(
            Screener screener,
            org.pramaan.banks.BankCuration banks,
            org.pramaan.audit.AuditLog audit,
            org.pramaan.media.MediaLimits limits,
            Path uploadDir,
            java.time.Clock clock)
            implements Uploads.Spool, Idempotency.Audited {
        public Services {
            java.util.Objects.requireNonNull(screener, "screener");
            java.util.Objects.requireNonNull(banks, "banks");
            java.util.Objects.requireNonNull(audit, "audit");
            java.util.Objects.requireNonNull(limits, "limits");
            java.util.Objects.requireNonNull(uploadDir, "uploadDir");
            java.util.Objects.requireNonNull(clock, "clock");
        }
    }

    private final Services services;

    HmaRoutes(Services services) {
        this.services = services;
    }

    /** POST /h/hash: multipart (any field name) or raw body → {"pdq": hex, "md5": …, "sha256": …}. */
    void hash(Context ctx) throws Exception {
        if (ctx.queryParam("url") != null)
            throw new ApiException(
                    400, "request.unsupported", "fetching content by URL is not supported; send the file");
        Screener.HashReport r = hashFile(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        r.pdq().ifPresent(d -> out.put("pdq", d.get(Dihedral.ORIG).toHex()));
        out.put("md5", r.digests().md5());
        out.put("sha256", r.digests().sha256());
        HttpApi.json(ctx, 200, out);
    }

    /** GET /m/lookup?signal_type=pdq&signal=HEX → {BANK: [{bank_content_id, distance}]}. */
    void lookup(Context ctx) {
        String type = required(ctx, "signal_type");
        String signal = required(ctx, "signal").trim().toLowerCase(java.util.Locale.ROOT);
        List<BankMatch> matches = switch (type) {
            case "pdq" -> {
                if (!org.pramaan.limits.PlainText.isHex(signal, 64, true))
                    throw new ApiException(
                            400, "request.invalid", "signal '" + signal + "' is not a 64-digit hex PDQ hash");
                yield services.screener()
                        .matchHashes(Optional.empty(), Optional.of(new PdqResult(Hash256.fromHex(signal), 100)));
            }
            case "sha256", "video_sha256" -> services.screener().matchHashes(Optional.of(signal), Optional.empty());
            default ->
                throw new ApiException(
                        400, "request.invalid", "signal_type '" + type + "' is not supported: use pdq or sha256");
        };
        HttpApi.json(ctx, 200, byBank(matches));
    }

    /** POST /m/lookup (file) → {"pdq": {BANK: [...]}}. */
    void lookupFile(Context ctx) throws Exception {
        Screener.HashReport r = hashFile(ctx);
        List<BankMatch> matches = services.screener().matchAllVariants(r).stream()
                .map(Screener.VariantMatch::match)
                .toList();
        HttpApi.json(ctx, 200, Map.of(r.pdq().isPresent() ? "pdq" : "sha256", byBank(matches)));
    }

    /** POST /m/compare {"pdq": [h1, h2]} → {"pdq": {"distance": n, "match": d <= 31}}. */
    void compare(Context ctx) {
        JsonNode pair = body(ctx).path("pdq");
        if (!pair.isArray() || pair.size() != 2)
            throw new ApiException(400, "request.invalid", "give {\"pdq\": [hash1, hash2]}");
        Hash256 a = hex(pair.get(0).asText()), b = hex(pair.get(1).asText());
        int d = a.distance(b);
        HttpApi.json(ctx, 200, Map.of("pdq", Map.of("distance", d, "match", d <= HashBanks.PDQ_MATCH_DISTANCE)));
    }

    /** GET /c/banks → [{name, matching_enabled_ratio, ...}]. */
    void banks(Context ctx) {
        HttpApi.json(
                ctx,
                200,
                services.banks().banks().banks().stream().map(HmaRoutes::bank).toList());
    }

    /** POST /c/banks {"name": …, "matching_enabled_ratio": 0..1} → the bank (kind known-deepfake unless given). */
    void createBank(Context ctx) {
        JsonNode b = body(ctx);
        String name = b.path("name").asText("").toLowerCase(java.util.Locale.ROOT);
        // HMA documents the ratio as a fraction 0..1; "0.5abc" or 7 is refused, not read as 0 or 1.
        double ratio =
                Requests.decimalField(b, "matching_enabled_ratio", 0.0, 1.0).orElse(1.0);
        // HMA's ratio is a per-request coin flip for gradual rollout; Pramaan makes that a shadow state.
        BankState state = ratio <= 0 ? BankState.DISABLED : ratio < 1 ? BankState.SHADOW : BankState.ENABLED;
        BankKind kind = b.hasNonNull("kind") ? BankKind.parse(b.path("kind").asText()) : BankKind.KNOWN_DEEPFAKE;
        String actor = actor(ctx);
        Idempotency.respond(
                ctx,
                services,
                201,
                () -> bank(services.banks()
                        .create(
                                name,
                                kind,
                                state,
                                HashBanks.PDQ_MATCH_DISTANCE,
                                PdqResult.MATCHABLE_QUALITY,
                                "created via HMA route",
                                actor)));
    }

    /** POST /c/bank/{name}/content: a file (hashed here) or {"signal_type": "pdq", "signal": hex} → {"id": n, "signals": {...}}. */
    void addContent(Context ctx) throws Exception {
        String name = ctx.pathParam("name").toLowerCase(java.util.Locale.ROOT);
        if (services.banks().banks().bank(name).isEmpty())
            throw new ApiException(404, "bank.not_found", "no bank named '" + name + "'");
        BankItem item;
        if (ctx.contentType() != null && ctx.contentType().startsWith("application/json")) {
            JsonNode b = Requests.cappedFields(body(ctx), "signal_type", "signal", "note");
            if (!"pdq".equals(b.path("signal_type").asText("pdq")))
                throw new ApiException(400, "request.invalid", "only pdq signals can be added by value");
            item = new BankItem(
                    0,
                    name,
                    Optional.empty(),
                    Optional.of(new PdqResult(
                            hex(b.path("signal").asText()), Requests.intField(b, "quality", 100, 0, 100))),
                    Optional.empty(),
                    Optional.empty(),
                    "hma api",
                    b.path("note").asText(""),
                    actor(ctx),
                    services.clock().instant(),
                    Optional.empty());
        } else {
            Screener.HashReport r = hashFile(ctx);
            item = new BankItem(
                    0,
                    name,
                    Optional.of(r.digests().sha256()),
                    r.pdq().map(d -> new PdqResult(d.get(Dihedral.ORIG), d.quality())),
                    Optional.empty(),
                    Optional.empty(),
                    "hma api upload",
                    "",
                    actor(ctx),
                    services.clock().instant(),
                    Optional.empty());
        }
        String actor = actor(ctx);
        Idempotency.respond(ctx, services, 200, () -> {
            BankItem stored = services.banks().add(name, List.of(item), actor).get(0);
            Map<String, Object> signals = new LinkedHashMap<>();
            stored.pdq().ifPresent(p -> signals.put("pdq", p.hash().toHex()));
            stored.sha256().ifPresent(s -> signals.put("sha256", s));
            return Map.of("id", stored.id(), "signals", signals);
        });
    }

    private Screener.HashReport hashFile(Context ctx) throws Exception {
        Path spool = Uploads.spool(ctx, services);
        try (MediaSource src = MediaSource.open(spool)) {
            return services.screener().hashes(src);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static Map<String, Object> byBank(List<BankMatch> matches) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (BankMatch m : matches) {
            if (!m.acts()) continue; // HMA only reports banks that are enabled for matching
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) out.computeIfAbsent(m.bank(), k -> new java.util.ArrayList<>());
            l.add(Map.of("bank_content_id", m.itemId(), "distance", m.distance()));
        }
        return out;
    }

    private static Map<String, Object> bank(Bank b) {
        return Map.of(
                "name",
                b.name(),
                "kind",
                b.kind().wireName(),
                "matching_enabled_ratio",
                b.state() == BankState.ENABLED ? 1.0 : 0.0,
                "state",
                b.state().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Hash256 hex(String s) {
        if (s == null || !org.pramaan.limits.PlainText.isHex(s.trim(), 64, false))
            throw new ApiException(400, "request.invalid", "'" + s + "' is not a 64-digit hex PDQ hash");
        return Hash256.fromHex(s.trim());
    }

    private static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank())
            throw new ApiException(400, "request.invalid", "query parameter '" + name + "' is required");
        return v;
    }

    private static String actor(Context ctx) {
        return org.pramaan.access.Actor.of(HttpApi.principal(ctx)).wireName();
    }

    private static JsonNode body(Context ctx) {
        return Requests.jsonObject(ctx);
    }
}
