package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.errors.Forbidden;
import org.pramaan.generation.Consent;
import org.pramaan.generation.Consents;
import org.pramaan.generation.GenerationContext;
import org.pramaan.generation.GenerationLookup;
import org.pramaan.generation.GenerationRecord;
import org.pramaan.generation.GenerationRepository;
import org.pramaan.generation.Generations;
import org.pramaan.generation.IdempotentGenerations;
import org.pramaan.generation.RuleReminders;
import org.pramaan.generation.RulesShown;

/**
 * The generator side (issue 14): record a generation and get the marked file back, look a file up
 * ("is this ours?"), the consent registry and the users' rule reminders.
 */
public final class GenerationRoutes {
    /** The generator side's use cases. */
    public record Services(
            Generations generations,
            GenerationLookup lookup,
            Consents consents,
            RuleReminders reminders,
            GenerationRepository records,
            org.pramaan.media.MediaLimits limits,
            Path uploadDir)
            implements Uploads.Spool {
        public Services {
            Objects.requireNonNull(generations, "generations");
            Objects.requireNonNull(lookup, "lookup");
            Objects.requireNonNull(consents, "consents");
            Objects.requireNonNull(reminders, "reminders");
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(uploadDir, "uploadDir");
        }

        /**
         * Every generator-side use case over one store.
         *
         * @param steps     the mark steps before metadata and C2PA (visible label, watermark), in order
         * @param watermark decodes our watermark's payload for lookups; empty until one is configured
         * @param webhookUrl where {@code user.rules_due} events go ({@code notify.webhook-url}); empty: none are sent
         * @param av        vPDQ and audio fingerprints of video and audio outputs (intake's hasher)
         */
        public static Services of(
                GenerationRepository repository,
                org.pramaan.banks.HashBanks banks,
                org.pramaan.audit.AuditLog audit,
                org.pramaan.notify.DeliveryRepository outbox,
                Optional<String> webhookUrl,
                java.time.Clock clock,
                java.util.List<org.pramaan.generation.MarkStep> steps,
                Optional<org.pramaan.provenance.c2pa.C2paSigner> signer,
                Optional<org.pramaan.generation.MarkStep.Decoder> watermark,
                Generations.Settings settings,
                org.pramaan.signals.AvHasher av,
                org.pramaan.media.MediaLimits limits,
                Path uploadDir) {
            return new Services(
                    new Generations(repository, banks, audit, clock, steps, signer, settings, av),
                    new GenerationLookup(repository, banks, watermark, av),
                    new Consents(repository, audit, clock),
                    new RuleReminders(repository, outbox, webhookUrl, audit, clock),
                    repository,
                    limits,
                    uploadDir);
        }
    }

    private final Services services;

    private final IdempotentGenerations idempotent;

    GenerationRoutes(Services services) {
        this.services = services;
        this.idempotent = new IdempotentGenerations(services.generations(), services.records());
    }

    /**
     * Multipart: part {@code file} (the generated output) and part {@code context} (JSON). Answers
     * with the marked file; the record id and the marks applied are in headers, the record at
     * {@code GET /v1/generations/{id}}. With an {@code Idempotency-Key}, a retry of the same request
     * gets the same record and file back (with {@code Idempotent-Replayed: true}); the same key with
     * another context or file is refused with 422 {@value IdempotentGenerations#KEY_REUSED}.
     */
    void record(Context ctx) throws Exception {
        if (!ctx.isMultipartFormData())
            throw new ApiException(400, "request.invalid", "send multipart/form-data with parts 'file' and 'context'");
        String header = ctx.header(Idempotency.HEADER);
        String key = header == null ? "" : Idempotency.key(header); // checked before the body is read
        String contextJson = contextPart(ctx);
        GenerationContext context = GenerationContext.fromJson(Requests.jsonObject(contextJson));
        byte[] file = read(ctx);
        Generations.Generated g;
        try {
            Actor actor = Actor.of(HttpApi.principal(ctx));
            g = key.isEmpty()
                    ? services.generations().record(file, context, actor)
                    : idempotent.record(
                            file,
                            context,
                            actor,
                            HttpApi.principal(ctx).keyId(),
                            key,
                            IdempotentGenerations.requestSha256(contextJson, file));
        } catch (org.pramaan.errors.Invalid e) {
            // The same key for another request: understood, but it cannot be processed as sent.
            if (e.code().equals(IdempotentGenerations.KEY_REUSED)) {
                HttpApi.json(ctx, 422, HttpApi.domainError(e));
                return;
            }
            throw e;
        } catch (Forbidden e) {
            // CN DSP art.14: a missing consent is a request the server understood but cannot process as sent.
            if (e.code().equals(Generations.CONSENT_REQUIRED)) {
                HttpApi.json(ctx, 422, HttpApi.domainError(e));
                return;
            }
            throw e;
        }
        if (g.replayed()) ctx.header(Idempotency.REPLAYED, "true");
        ctx.header("Pramaan-Generation-Id", g.record().id());
        ctx.header("Pramaan-Generation-Marks", String.join(",", g.record().marks()));
        ctx.status(201).contentType(contentType(g.record().format())).result(g.file());
    }

    /** The whole record, personal data included: admins only. */
    void get(Context ctx) {
        String id = ctx.pathParam("id");
        GenerationRecord r = services.records()
                .find(id.length() > 128 ? "" : id)
                .orElseThrow(() -> new ApiException(404, "generation.not_found", "no generation record with that id"));
        Map<String, Object> m = publicView(r);
        m.put("userId", r.userId());
        m.put("realName", Map.of("verified", r.realNameVerified(), "method", r.realNameMethod()));
        m.put("promptSha256", r.promptSha256());
        r.prompt().ifPresent(p -> m.put("prompt", p));
        m.put("consentIds", r.consentIds());
        m.put("labellingDutyAgreed", r.dutyAgreed());
        m.put("recordedBy", r.recordedBy());
        HttpApi.json(ctx, 200, m);
    }

    /** "Is this ours?": the record without personal data, or 404 with {@code found: false}. */
    void lookup(Context ctx) throws Exception {
        Optional<GenerationLookup.Found> f = services.lookup().lookup(read(ctx));
        if (f.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("found", false);
            body.put(
                    "error",
                    Map.of(
                            "code",
                            "generation.not_found",
                            "message",
                            "no watermark, AIGC ProduceID or generated-bank hash of ours in this file"));
            HttpApi.json(ctx, 404, body);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("found", true);
        body.put("method", f.get().method());
        f.get().distance().ifPresent(d -> body.put("distance", d));
        body.put("record", publicView(f.get().record()));
        HttpApi.json(ctx, 200, body);
    }

    void createConsent(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        Consent c = services.consents()
                .create(
                        text(b, "personId"),
                        text(b, "modality"),
                        text(b, "scope"),
                        text(b, "grantedBy"),
                        text(b, "evidence"),
                        Actor.of(HttpApi.principal(ctx)));
        HttpApi.json(ctx, 201, view(c));
    }

    void listConsents(Context ctx) {
        String person = ctx.queryParam("personId");
        if (person == null) throw new ApiException(400, "request.invalid", "query parameter 'personId' is required");
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "consents",
                        services.consents().of(person).stream()
                                .map(GenerationRoutes::view)
                                .toList()));
    }

    void getConsent(Context ctx) {
        HttpApi.json(ctx, 200, view(services.consents().find(ctx.pathParam("id"))));
    }

    void revokeConsent(Context ctx) {
        String body = ctx.body();
        JsonNode b = body.isBlank() ? Requests.jsonObject("{}") : Requests.jsonObject(ctx);
        HttpApi.json(
                ctx,
                200,
                view(services.consents()
                        .revoke(ctx.pathParam("id"), text(b, "reason"), Actor.of(HttpApi.principal(ctx)))));
    }

    void rulesShown(Context ctx) {
        String body = ctx.body();
        JsonNode b = body.isBlank() ? Requests.jsonObject("{}") : Requests.jsonObject(ctx);
        RulesShown s =
                services.reminders().shown(ctx.pathParam("id"), text(b, "language"), Actor.of(HttpApi.principal(ctx)));
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "userId", s.userId(),
                        "shownAt", s.shownAt().toString(),
                        "language", s.language(),
                        "dueAt", RuleReminders.dueAt(s.shownAt()).toString()));
    }

    void rulesDue(Context ctx) {
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "due",
                        services.reminders().due().stream()
                                .map(d -> Map.of(
                                        "userId", d.userId(),
                                        "lastShownAt", d.lastShownAt().toString(),
                                        "dueAt", d.dueAt().toString(),
                                        "language", d.language()))
                                .toList(),
                        "texts",
                        Map.of("en", RuleReminders.text("en"), "hi", RuleReminders.text("hi"))));
    }

    /** What anyone holding the file may learn: no user id, prompt digest, real-name data or consent ids. */
    static Map<String, Object> publicView(GenerationRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("modelId", r.modelId());
        m.put("modelVersion", r.modelVersion());
        m.put("format", r.format());
        m.put("sha256", r.sha256());
        r.pdq().ifPresent(p -> m.put("pdq", p));
        m.put("bankedHashes", r.bankedHashes());
        m.put("marks", r.marks());
        m.put("profile", r.profile());
        m.put("unlabelled", r.unlabelled());
        r.filingNumber().ifPresent(n -> m.put("filingNumber", n));
        r.c2paManifest().ifPresent(n -> m.put("c2paManifest", n));
        m.put("createdAt", r.createdAt().toString());
        m.put("retainUntil", r.retainUntil().toString());
        return m;
    }

    private static Map<String, Object> view(Consent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("personId", c.personId());
        m.put("modality", c.modality().wireName());
        m.put("scope", c.scope());
        m.put("grantedBy", c.grantedBy());
        m.put("evidence", c.evidence());
        m.put("createdBy", c.createdBy());
        m.put("createdAt", c.createdAt().toString());
        c.revokedAt().ifPresent(r -> m.put("revokedAt", r.toString()));
        m.put("active", c.active());
        return m;
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.path(field);
        if (v.isMissingNode() || v.isNull()) return "";
        if (!v.isTextual()) throw new ApiException(400, "request.invalid", "'" + field + "' must be a string");
        return v.textValue();
    }

    private static String contextPart(Context ctx) throws Exception {
        String json = ctx.formParam("context");
        if (json != null) {
            if (json.length() > Requests.MAX_JSON_BYTES)
                throw new ApiException(
                        413, "request.too_large", "part 'context' exceeds " + Requests.MAX_JSON_BYTES + " characters");
            return json;
        }
        UploadedFile f = ctx.uploadedFile("context");
        if (f == null)
            throw new ApiException(400, "request.invalid", "a generation needs a part 'context' with the context JSON");
        if (f.size() > Requests.MAX_JSON_BYTES)
            throw new ApiException(
                    413, "request.too_large", "part 'context' exceeds " + Requests.MAX_JSON_BYTES + " bytes");
        try (InputStream in = f.content()) {
            return new String(in.readNBytes(Requests.MAX_JSON_BYTES), StandardCharsets.UTF_8);
        }
    }

    private byte[] read(Context ctx) throws Exception {
        Path spool = Uploads.spool(ctx, services);
        try {
            return Files.readAllBytes(spool);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static String contentType(String format) {
        return switch (format) {
            case "JPEG" -> "image/jpeg";
            case "PNG" -> "image/png";
            case "WEBP" -> "image/webp";
            case "MP4" -> "video/mp4";
            case "MP3" -> "audio/mpeg";
            case "WAV" -> "audio/wav";
            default -> "application/octet-stream";
        };
    }
}
