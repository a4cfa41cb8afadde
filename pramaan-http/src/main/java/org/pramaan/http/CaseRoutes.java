package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseView;
import org.pramaan.cases.NoticeFields;
import org.pramaan.cases.NoticeRequest;
import org.pramaan.json.Json;

/** Notices, cases and actions. */
public final class CaseRoutes {
    /** Notices, cases, appeals and bundles; {@code contentUrlPattern} takes the platform's content id out of a URL named in a notice (group {@code id}), {@code screener} hashes a notice's attached file. */
    public record Services(
            org.pramaan.cases.CaseService cases,
            org.pramaan.cases.EvidenceBundles bundles,
            org.pramaan.intake.MediaRepository media,
            org.pramaan.intake.Screener screener,
            Optional<com.google.re2j.Pattern> contentUrlPattern,
            org.pramaan.audit.AuditLog audit,
            org.pramaan.media.MediaLimits limits,
            java.nio.file.Path uploadDir,
            java.time.Clock clock)
            implements Uploads.Spool, Idempotency.Audited {
        public Services {
            java.util.Objects.requireNonNull(cases, "cases");
            java.util.Objects.requireNonNull(bundles, "bundles");
            java.util.Objects.requireNonNull(media, "media");
            java.util.Objects.requireNonNull(screener, "screener");
            java.util.Objects.requireNonNull(contentUrlPattern, "contentUrlPattern");
            java.util.Objects.requireNonNull(audit, "audit");
            java.util.Objects.requireNonNull(limits, "limits");
            java.util.Objects.requireNonNull(uploadDir, "uploadDir");
            java.util.Objects.requireNonNull(clock, "clock");
        }
    }

    static final Instant EARLIEST_RECEIPT = Instant.parse("2000-01-01T00:00:00Z");
    static final java.time.Duration RECEIPT_SKEW = java.time.Duration.ofMinutes(5);
    static final java.time.Duration MAX_DUE_WITHIN = java.time.Duration.ofDays(3650);
    private final Services services;
    private final PrometheusMeterRegistry metrics;

    CaseRoutes(Services services, PrometheusMeterRegistry metrics) {
        this.services = services;
        this.metrics = metrics;
    }

    void noticeTypes(Context ctx) {
        // The limits in force now, so a platform can publish them (CN DSP art.12: a published handling time).
        java.time.Instant now = services.clock().instant();
        HttpApi.json(
                ctx,
                200,
                services.cases().noticeTypes().stream()
                        .map(t -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", t.id());
                            m.put("jurisdiction", t.jurisdiction());
                            m.put("article", t.article());
                            m.put("title", t.title());
                            m.put("severity", t.severity());
                            m.put("requiredFields", t.requiredFields());
                            m.put(
                                    "clocks",
                                    t.clocks().stream()
                                            .flatMap(k -> k.inForceAt(now).stream()
                                                    .map(v -> Map.of(
                                                            "name",
                                                            k.name(),
                                                            "duration",
                                                            v.duration().toString(),
                                                            "source",
                                                            v.source())))
                                            .toList());
                            return m;
                        })
                        .toList());
    }

    /**
     * A notice as JSON naming the content by {@code mediaId}, {@code externalId} or {@code contentUrl};
     * or as multipart with the JSON in part {@code notice} and a copy of the content in part {@code file}.
     */
    void submitNotice(Context ctx) throws Exception {
        JsonNode body;
        Optional<String> byCopy = Optional.empty();
        if (ctx.isMultipartFormData()) {
            String json = ctx.formParam("notice");
            if (json == null)
                throw new ApiException(
                        400,
                        "request.invalid",
                        "a multipart notice needs a part 'notice' with the notice JSON and a part 'file' with the content");
            body = Requests.jsonObject(json);
            byCopy = Optional.of(locateCopy(ctx));
        } else {
            body = body(ctx);
        }
        String type = requiredText(body, "noticeType");
        org.pramaan.intake.ContentLocator locator =
                new org.pramaan.intake.ContentLocator(services.media(), services.contentUrlPattern());
        String mediaId = byCopy.or(() -> text(body, "mediaId"))
                .or(() -> text(body, "externalId")
                        .map(ext -> locator.byExternalId(ext)
                                .orElseThrow(() -> new ApiException(
                                        404, "media.not_found", "no upload with externalId '" + ext + "'"))))
                .or(() -> text(body, "contentUrl")
                        .map(url -> locator.byUrl(url)
                                .orElseThrow(() -> new ApiException(
                                        404,
                                        "media.not_found",
                                        "no upload found for contentUrl '" + url + "'"
                                                + (services.contentUrlPattern().isEmpty()
                                                        ? " (set cases.content-url-pattern to map your URLs to content ids)"
                                                        : "")))))
                .orElseThrow(() -> new ApiException(
                        400,
                        "request.invalid",
                        "a notice needs 'mediaId', 'externalId' or 'contentUrl' naming the content, or a copy of it"));
        if (services.media().find(mediaId).isEmpty())
            throw new ApiException(404, "media.not_found", "no media with id '" + mediaId + "'");
        Map<String, String> fields = new LinkedHashMap<>();
        body.path("fields")
                .fields()
                .forEachRemaining(e -> fields.put(
                        e.getKey(),
                        e.getValue().isTextual()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        org.pramaan.limits.TextLimits.checkNoticeFields(
                fields); // before anything reads them, and before the case service's lock (issue 11 defect 1)
        refused(() -> NoticeFields.refuseServerOwned(fields, "notice"));
        org.pramaan.access.Principal principal = HttpApi.principal(ctx);
        // A receipt time before now moves every statutory clock back: only a key that handles cases (a
        // reviewer or admin relaying a notice received by e-mail or post) may state one; an ingest key's
        // notices are received when they arrive.
        if (text(body, "receivedAt").isPresent() && !principal.can(org.pramaan.access.Permission.CASE_ACT)) {
            throw new ApiException(
                    403,
                    "auth.forbidden",
                    "key " + principal.keyId() + " has role " + principal.role().wireName()
                            + ", which may not set 'receivedAt'; omit it (the notice is received now) or send it with a reviewer key");
        }
        // Clocks run from receipt: a receipt in the future would postpone every deadline, so it may be at most a clock
        // skew ahead.
        Optional<Instant> receivedAt = Requests.instantField(
                body, "receivedAt", EARLIEST_RECEIPT, services.clock().instant().plus(RECEIPT_SKEW));
        fields.put(
                NoticeFields.SUBMITTED_BY,
                org.pramaan.access.Actor.of(principal).wireName());
        if (principal.trustedFlagger()) fields.put(NoticeFields.TRUSTED_FLAGGER, "true");
        // The case and, for a request with an Idempotency-Key, its response commit together (issue 11 defect 9).
        Idempotency.respond(
                ctx,
                services,
                201,
                () -> CaseView.of(
                        services.cases().openCase(new NoticeRequest(type, mediaId, fields, receivedAt)),
                        services.clock()));
        HttpApi.counter(metrics, "pramaan_notices_received", "noticeType", type).increment();
    }

    /** The stored media a notifier's copy of the content is (same bytes or same picture). */
    private String locateCopy(Context ctx) throws Exception {
        java.nio.file.Path spool = Uploads.spool(ctx, services);
        try (org.pramaan.media.MediaSource src = org.pramaan.media.MediaSource.open(spool)) {
            org.pramaan.intake.Screener.HashReport r = services.screener().hashes(src);
            return new org.pramaan.intake.ContentLocator(services.media(), services.contentUrlPattern())
                    .byCopy(
                            r.digests().sha256(),
                            r.pdq()
                                    .map(d -> new org.pramaan.hash.PdqResult(
                                            d.get(org.pramaan.hash.Dihedral.ORIG), d.quality())))
                    .orElseThrow(() -> new ApiException(
                            404,
                            "media.not_found",
                            "the copy sent with the notice matches no stored content (neither its bytes nor, for pictures, within "
                                    + org.pramaan.intake.ContentLocator.SAME_PICTURE_DISTANCE + " PDQ bits)"));
        } finally {
            java.nio.file.Files.deleteIfExists(spool);
        }
    }

    /**
     * Completes a notice that lacked required fields. Allowed to the key that submitted it and to keys
     * that handle cases (reviewers, admins, who relay what a notifier sent by other channels); another
     * ingest key may not touch someone else's notice.
     */
    void supplyFields(Context ctx) {
        String id = ctx.pathParam("id");
        CaseFile c = find(id);
        org.pramaan.access.Principal p = HttpApi.principal(ctx);
        org.pramaan.access.Actor actor = org.pramaan.access.Actor.of(p);
        if (!p.can(org.pramaan.access.Permission.CASE_ACT)
                && !actor.wireName().equals(c.notice().get(NoticeFields.SUBMITTED_BY))) {
            throw new ApiException(
                    403,
                    "auth.forbidden",
                    "key " + p.keyId() + " has role " + p.role().wireName() + " and did not submit the notice of case "
                            + id + "; only the submitting key or a reviewer may complete it");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        body(ctx)
                .path("fields")
                .fields()
                .forEachRemaining(e -> fields.put(
                        e.getKey(),
                        e.getValue().isTextual()
                                ? e.getValue().asText()
                                : e.getValue().toString()));
        org.pramaan.limits.TextLimits.checkNoticeFields(fields); // before the case service's lock (issue 11 defect 1)
        if (fields.isEmpty())
            throw new ApiException(400, "request.invalid", "give the supplied notice fields as {\"fields\": {...}}");
        Idempotency.respond(
                ctx,
                services,
                200,
                () -> CaseView.of(refused(() -> services.cases().supplyFields(id, fields, actor)), services.clock()));
    }

    /** A refused notice field as its API error: a server-owned field is the caller's mistake (400), one already present a conflict (409). */
    private static <T> T refused(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (NoticeFields.FieldRefusedException e) {
            int status = e.reason() == NoticeFields.FieldRefusedException.Reason.PRESENT ? 409 : 400;
            throw new ApiException(status, e.reason().code(), e.getMessage());
        }
    }

    private static void refused(Runnable check) {
        refused(() -> {
            check.run();
            return null;
        });
    }

    /** The case's DSA art.17 statements in Transparency Database shape, each with its validation result. */
    void statements(Context ctx) {
        CaseFile c = find(ctx.pathParam("id"));
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (var e : c.events()) {
            if (!(e instanceof org.pramaan.cases.CaseEvent.StatementIssued)) continue;
            try {
                out.add(Json.mapper().readTree(e.details().get("json")));
            } catch (IOException ex) {
                throw new IllegalStateException(
                        "stored statement " + e.details().get("puid") + " is not JSON", ex);
            }
        }
        HttpApi.json(ctx, 200, java.util.Map.of("statements", out));
    }

    /** The case's evidence bundle (zip); the media bytes only for admins, since they may be intimate imagery. */
    void bundle(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        find(id);
        boolean includeMedia = "true".equalsIgnoreCase(ctx.queryParam("includeMedia"));
        if (includeMedia && !HttpApi.principal(ctx).can(org.pramaan.access.Permission.AUDIT_READ)) {
            throw new ApiException(
                    403,
                    "auth.forbidden",
                    "only admin keys may export the media itself; omit includeMedia for hashes only");
        }
        byte[] zip = services.bundles().export(id, includeMedia, org.pramaan.access.Actor.of(HttpApi.principal(ctx)));
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".evidence.zip\"")
                .contentType("application/zip")
                .result(zip);
    }

    /** The affected uploader's appeal, relayed by the platform (DSA art.20). */
    void appeal(Context ctx) {
        String id = ctx.pathParam("id");
        find(id);
        JsonNode b = body(ctx);
        String appellant = text(b, "appellant")
                .orElseThrow(() -> new ApiException(400, "request.invalid", "'appellant' is required"));
        Idempotency.respond(
                ctx,
                services,
                201,
                () -> CaseView.of(
                        services.cases()
                                .appeal(id, appellant, text(b, "statement").orElse("")),
                        services.clock()));
    }

    /**
     * A reviewer's decision on the pending appeal: {"decision": "reverse"|"uphold", "reason": …, "finding": …,
     * "family": …}; the finding is optional (issue 16) and, on a reversal, replaces the restriction's labels.
     */
    void decideAppeal(Context ctx) {
        String id = ctx.pathParam("id");
        find(id);
        JsonNode b = body(ctx);
        String d = requiredText(b, "decision");
        if (!d.equals("reverse") && !d.equals("uphold"))
            throw new ApiException(400, "request.invalid", "decision must be 'reverse' or 'uphold', got '" + d + "'");
        org.pramaan.access.Actor reviewer = org.pramaan.access.Actor.of(HttpApi.principal(ctx));
        String reason = text(b, "reason").orElse("");
        Optional<org.pramaan.cases.CaseFinding> finding = finding(b);
        Idempotency.respond(
                ctx,
                services,
                200,
                () -> CaseView.of(
                        services.cases().decideAppeal(id, d.equals("reverse"), reviewer, reason, finding),
                        services.clock()));
    }

    void listOpen(Context ctx) {
        String state =
                Optional.ofNullable(ctx.queryParam("state")).orElse("open").toLowerCase(java.util.Locale.ROOT);
        if (state.equals("closed")) {
            HttpApi.json(
                    ctx,
                    200,
                    services.cases().closed(200).stream()
                            .filter(c -> Optional.ofNullable(ctx.queryParam("jurisdiction"))
                                    .map(j -> j.equalsIgnoreCase(c.jurisdiction()))
                                    .orElse(true))
                            .map(c -> CaseView.of(c, services.clock()))
                            .toList());
            return;
        }
        Optional<org.pramaan.cases.CaseQueue.State> subset = switch (state) {
            case "open" -> Optional.empty();
            case "legal_review" -> Optional.of(org.pramaan.cases.CaseQueue.State.LEGAL_REVIEW);
            case "awaiting_information" -> Optional.of(org.pramaan.cases.CaseQueue.State.AWAITING_INFORMATION);
            case "breached" -> Optional.of(org.pramaan.cases.CaseQueue.State.BREACHED);
            default ->
                throw new ApiException(
                        400,
                        "request.invalid",
                        "state '" + state
                                + "' is not one of open, closed, legal_review, awaiting_information, breached");
        };
        // Statutory clocks run hours to days; ten years bounds the arithmetic (now + P999999999999D overflowed into a
        // 500).
        Optional<java.time.Duration> within =
                Requests.queryDuration(ctx, "dueWithin", java.time.Duration.ZERO, MAX_DUE_WITHIN);
        Optional<String> jurisdiction =
                Optional.ofNullable(ctx.queryParam("jurisdiction")).map(j -> Requests.capped("jurisdiction", j));
        Optional<String> type =
                Optional.ofNullable(ctx.queryParam("noticeType")).map(t -> Requests.capped("noticeType", t));
        // Without limit every matching case is listed, as before paging existed; the count is in X-Total-Count.
        int offset = (int) Requests.queryLong(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = (int) Requests.queryLong(ctx, "limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        // One store query filters, orders and pages (issue 13): only the returned cases are read.
        org.pramaan.cases.QueueQuery.Page page =
                services.cases().queue(jurisdiction, within, type, subset, assigned(ctx), offset, limit);
        ctx.header("X-Total-Count", Integer.toString(page.total()));
        HttpApi.json(
                ctx,
                200,
                page.cases().stream().map(c -> CaseView.of(c, services.clock())).toList());
    }

    /**
     * The console's assignment filter (issue 13): {@code assigned} = {@code me}, {@code none} or a person
     * ({@code key:<id>}, {@code user:<name>}); it only removes cases, never reorders.
     */
    private static Optional<org.pramaan.cases.CaseQueue.Assignment> assigned(Context ctx) {
        Optional<String> assigned =
                Optional.ofNullable(ctx.queryParam("assigned")).map(a -> Requests.capped("assigned", a));
        String me = org.pramaan.access.Actor.of(HttpApi.principal(ctx)).wireName();
        return assigned.map(a -> switch (a) {
            case "me" -> new org.pramaan.cases.CaseQueue.Assignment.To(me);
            case "none" -> new org.pramaan.cases.CaseQueue.Assignment.Unassigned();
            default -> new org.pramaan.cases.CaseQueue.Assignment.To(a);
        });
    }

    void get(Context ctx) {
        HttpApi.json(ctx, 200, CaseView.of(find(ctx.pathParam("id")), services.clock()));
    }

    void act(Context ctx) {
        String id = ctx.pathParam("id");
        find(id);
        JsonNode body = body(ctx);
        CaseAction action = CaseAction.parse(requiredText(body, "action"));
        String note = text(body, "note").orElse("");
        Map<String, String> params = new LinkedHashMap<>();
        // DSA art.23(1): a suspension is for "a reasonable period"; the core allows 1..365 days. A whole JSON number
        // only: "30abc" or 30.5 is refused here.
        Requests.longField(body, "days", 1, 365);
        for (String p : java.util.List.of("territories", "accountId", "days")) {
            JsonNode v = body.get(p);
            if (v == null || v.isNull()) continue;
            params.put(
                    p,
                    v.isArray()
                            ? String.join(
                                    ",",
                                    java.util.stream.StreamSupport.stream(v.spliterator(), false)
                                            .map(JsonNode::asText)
                                            .toList())
                            : v.asText());
        }
        org.pramaan.access.Actor actor = org.pramaan.access.Actor.of(HttpApi.principal(ctx));
        // Issue 16: what the reviewer found the media to be, apart from the action; optional.
        Optional<org.pramaan.cases.CaseFinding> finding = finding(body);
        Idempotency.respond(
                ctx,
                services,
                200,
                () -> CaseView.of(services.cases().act(id, action, actor, note, params, finding), services.clock()));
        HttpApi.counter(metrics, "pramaan_case_actions", "action", action.name())
                .increment();
    }

    private CaseFile find(String id) {
        return services.cases()
                .find(id)
                .orElseThrow(() -> new ApiException(404, "case.not_found", "no case with id '" + id + "'"));
    }

    private static JsonNode body(Context ctx) {
        return Requests.jsonObject(ctx);
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || Requests.capped(field, v.asText()).isBlank()
                ? Optional.empty()
                : Optional.of(v.asText().trim());
    }

    /**
     * The optional {@code finding} and {@code family} of a case decision (issue 16): strings only, so a number or an
     * object is refused naming the field rather than read as absent.
     */
    private static Optional<org.pramaan.cases.CaseFinding> finding(JsonNode b) {
        return org.pramaan.cases.CaseFinding.of(string(b, "finding"), string(b, "family"));
    }

    private static Optional<String> string(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual())
            throw new org.pramaan.errors.Invalid(
                    field,
                    "'" + field + "' is a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        return Optional.of(Requests.capped(field, v.asText()));
    }

    private static String requiredText(JsonNode n, String field) {
        return text(n, field)
                .orElseThrow(() -> new ApiException(400, "request.invalid", "'" + field + "' is required"));
    }
}
