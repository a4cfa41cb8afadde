package org.pramaan.http;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.pramaan.access.Permission;
import org.pramaan.access.Principal;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.DomainException;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;
import org.pramaan.intake.ScreeningView;
import org.pramaan.json.Json;
import org.pramaan.media.MediaRejectedException;
import org.pramaan.media.RejectionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and starts the HTTP server. */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    static final String PRINCIPAL = "pramaan.principal";

    private final ApiServices services;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<Route> routes;
    private final byte[] openApi;
    private final Operations operations;
    private final RateLimiter limiter;
    private final AutoCloseable jvmMetrics;
    private final RequestBudget budget;

    private final Idempotency idempotency;

    public HttpApi(ApiServices services) {
        this(services, Operations.defaults(), java.util.Optional.empty());
    }

    /** With {@code idempotent}, POSTs that create something honour the {@code Idempotency-Key} header (see {@link Idempotency}). */
    public HttpApi(
            ApiServices services,
            Operations operations,
            java.util.Optional<org.pramaan.idempotency.IdempotentRequests> idempotent) {
        this.services = Objects.requireNonNull(services, "services");
        this.operations = Objects.requireNonNull(operations, "operations");
        this.limiter = new RateLimiter(operations.rateLimits(), services.edge().clock());
        this.budget = new RequestBudget(operations.budgets());
        this.idempotency = new Idempotency(idempotent, services.edge());
        this.openApi = resource("/openapi.json");
        MediaRoutes media = new MediaRoutes(services.media(), metrics);
        CaseRoutes cases = new CaseRoutes(services.cases(), metrics);
        BankRoutes banks = new BankRoutes(services.banks());
        HashRoutes hashes = new HashRoutes(services.hashes());
        HmaRoutes hma = new HmaRoutes(services.hma());
        HoldRoutes holds = new HoldRoutes(services.holds());
        DeliveryRoutes deliveries = new DeliveryRoutes(services.deliveries());
        ProvenanceRoutes provenance = new ProvenanceRoutes(services.provenance());
        ConsoleRoutes console = new ConsoleRoutes(services.console());
        GenerationRoutes generations = new GenerationRoutes(services.generations());
        ScanRoutes scans = new ScanRoutes(services.scans());
        PersonRoutes persons = new PersonRoutes(services.detectors().persons());
        this.routes = List.of(
                Route.open("GET", "/healthz", ctx -> json(ctx, 200, Map.of("status", "ok"))),
                Route.open("GET", "/readyz", this::ready),
                Route.open(
                        "GET",
                        "/metrics",
                        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(metrics.scrape())),
                Route.open(
                        "GET",
                        "/openapi.json",
                        ctx -> ctx.contentType("application/json").result(openApi)),
                Route.guarded("POST", "/v1/media", Permission.MEDIA_SUBMIT, media::submit),
                Route.guarded("GET", "/v1/media/{id}", Permission.MEDIA_READ, media::get),
                Route.guarded("GET", "/v1/media/{id}/holds", Permission.CASE_READ, holds::list),
                Route.guarded("POST", "/v1/holds", Permission.AUDIT_READ, holds::place),
                Route.guarded("POST", "/v1/holds/{id}/release", Permission.AUDIT_READ, holds::release),
                Route.guarded("POST", "/v1/retention/purge", Permission.AUDIT_READ, holds::purge),
                Route.guarded("GET", "/v1/notice-types", Permission.NOTICE_SUBMIT, cases::noticeTypes),
                Route.guarded("POST", "/v1/notices", Permission.NOTICE_SUBMIT, cases::submitNotice),
                Route.guarded("GET", "/v1/cases", Permission.CASE_READ, cases::listOpen),
                // Issue 17 part 3: a migration from a previous system is an administrator's act.
                Route.guarded(
                        "POST",
                        "/v1/cases/import",
                        Permission.KEYS_ADMIN,
                        new CaseImportRoutes(services.cases().cases())::importCases),
                Route.guarded("GET", "/v1/cases/{id}", Permission.CASE_READ, cases::get),
                Route.guarded("POST", "/v1/cases/{id}/actions", Permission.CASE_ACT, cases::act),
                Route.guarded("POST", "/v1/cases/{id}/notice-fields", Permission.NOTICE_SUBMIT, cases::supplyFields),
                Route.guarded("GET", "/v1/cases/{id}/statements", Permission.CASE_READ, cases::statements),
                Route.guarded("GET", "/v1/cases/{id}/bundle", Permission.CASE_READ, cases::bundle),
                Route.guarded("POST", "/v1/cases/{id}/appeals", Permission.NOTICE_SUBMIT, cases::appeal),
                Route.guarded("POST", "/v1/cases/{id}/appeals/decision", Permission.CASE_ACT, cases::decideAppeal),
                Route.guarded("POST", "/v1/hash", Permission.MEDIA_SUBMIT, hashes::hash),
                Route.guarded("POST", "/v1/match", Permission.MEDIA_SUBMIT, hashes::match),
                Route.guarded("POST", "/v1/provenance/verify", Permission.MEDIA_SUBMIT, provenance::verify),
                Route.guarded(
                        "POST",
                        "/v1/provenance/sign",
                        Permission.PROVENANCE_SIGN,
                        new ProvenanceSigning(services.provenance())::sign),
                Route.guarded(
                        "POST",
                        "/v1/labels/apply",
                        Permission.MEDIA_SUBMIT,
                        new LabelRoutes(services.provenance())::apply),
                Route.guarded("GET", "/v1/banks", Permission.BANKS_READ, banks::list),
                Route.guarded("POST", "/v1/banks", Permission.BANKS_WRITE, banks::create),
                Route.guarded("GET", "/v1/banks/{name}", Permission.BANKS_READ, banks::get),
                Route.guarded("PUT", "/v1/banks/{name}", Permission.BANKS_WRITE, banks::update),
                Route.guarded("DELETE", "/v1/banks/{name}", Permission.BANKS_WRITE, banks::delete),
                Route.guarded("GET", "/v1/banks/{name}/items", Permission.BANKS_READ, banks::items),
                Route.guarded("POST", "/v1/banks/{name}/items", Permission.BANKS_WRITE, banks::importItems),
                Route.guarded("DELETE", "/v1/banks/{name}/items/{id}", Permission.BANKS_WRITE, banks::deleteItem),
                Route.guarded("GET", "/v1/banks/{name}/export", Permission.BANKS_READ, banks::export),
                Route.guarded("GET", "/v1/audit/verify", Permission.AUDIT_READ, this::verifyAudit),
                // Issue 15: which nodes share this store, for an administrator (it names hosts and directories).
                Route.guarded("GET", "/v1/nodes", Permission.AUDIT_READ, this::nodes),
                Route.guarded("GET", "/v1/deliveries", Permission.AUDIT_READ, deliveries::list),
                // Issue 17: regulators' reports are an administrator's (auditor's) read of the whole store.
                Route.guarded(
                        "GET", "/v1/reports/{kind}", Permission.AUDIT_READ, new ReportRoutes(services.reports())::get),
                Route.guarded("POST", "/v1/deliveries/{id}/retry", Permission.AUDIT_READ, deliveries::retry),
                // The review console's back end (issue 13): routing, queues, quality review, preferences, accounts.
                Route.guarded("POST", "/v1/cases/{id}/claim", Permission.CASE_ACT, console::claim),
                Route.guarded("POST", "/v1/cases/{id}/assign", Permission.CASE_ACT, console::assign),
                Route.guarded("POST", "/v1/cases/{id}/unassign", Permission.CASE_ACT, console::unassign),
                Route.guarded("POST", "/v1/cases/{id}/escalate", Permission.CASE_ACT, console::escalate),
                Route.guarded("GET", "/v1/people", Permission.CASE_READ, console::people),
                Route.guarded("GET", "/v1/queues/appeals", Permission.CASE_READ, console::appeals),
                Route.guarded("GET", "/v1/queues/screening", Permission.CASE_READ, console::screening),
                Route.guarded("POST", "/v1/media/{id}/review", Permission.CASE_ACT, console::resolveScreening),
                Route.guarded("GET", "/v1/queues/quality", Permission.CASE_ACT, console::qualityQueue),
                Route.guarded("GET", "/v1/quality/cases/{id}", Permission.CASE_ACT, console::qualityView),
                Route.guarded("POST", "/v1/quality/cases/{id}", Permission.CASE_ACT, console::qualityRecord),
                Route.guarded("GET", "/v1/quality/agreement", Permission.CASE_READ, console::agreement),
                Route.guarded("GET", "/v1/me/preferences", Permission.CASE_READ, console::getPreferences),
                Route.guarded("PUT", "/v1/me/preferences", Permission.CASE_READ, console::putPreferences),
                Route.guarded("GET", "/v1/accounts", Permission.KEYS_ADMIN, console::listAccounts),
                Route.guarded("POST", "/v1/accounts", Permission.KEYS_ADMIN, console::createAccount),
                Route.guarded(
                        "POST", "/v1/accounts/{username}/disable", Permission.KEYS_ADMIN, console::disableAccount),
                Route.guarded("POST", "/v1/accounts/{username}/enable", Permission.KEYS_ADMIN, console::enableAccount),
                // The generator side (issue 14): records, "is this ours?", consents, rule reminders. A generation
                // speaks
                // with the service's marks and signature, hence the signing permission (ingest and admin keys).
                Route.guarded("POST", "/v1/generations", Permission.PROVENANCE_SIGN, generations::record),
                Route.guarded("POST", "/v1/generations/lookup", Permission.MEDIA_SUBMIT, generations::lookup),
                Route.guarded("GET", "/v1/generations/{id}", Permission.AUDIT_READ, generations::get),
                Route.guarded("POST", "/v1/consents", Permission.PROVENANCE_SIGN, generations::createConsent),
                Route.guarded("GET", "/v1/consents", Permission.PROVENANCE_SIGN, generations::listConsents),
                Route.guarded("GET", "/v1/consents/{id}", Permission.PROVENANCE_SIGN, generations::getConsent),
                Route.guarded(
                        "POST", "/v1/consents/{id}/revoke", Permission.PROVENANCE_SIGN, generations::revokeConsent),
                Route.guarded(
                        "POST", "/v1/users/{id}/rules-shown", Permission.PROVENANCE_SIGN, generations::rulesShown),
                Route.guarded("GET", "/v1/users/rules-due", Permission.PROVENANCE_SIGN, generations::rulesDue),
                // Issue 16: loaded detector models with their manifests; read like the other case-side lists.
                Route.guarded(
                        "GET", "/v1/detectors", Permission.CASE_READ, new DetectorRoutes(services.detectors())::list),
                // Issue 16: reviewers' findings as the next calibration's labelled set (admin: it is training data).
                Route.guarded(
                        "GET",
                        "/v1/detectors/{id}/labels",
                        Permission.KEYS_ADMIN,
                        new DetectorRoutes(services.detectors())::labels),
                // Back-scans of the stored corpus, a folder or a list (issue 17 part 2): started and steered by admins.
                // The protected-persons (likeness) registry (issue 16): biometric data, admins only.
                Route.guarded("POST", "/v1/persons", Permission.PERSONS_ADMIN, persons::enrol),
                Route.guarded("GET", "/v1/persons", Permission.PERSONS_ADMIN, persons::list),
                Route.guarded("GET", "/v1/persons/{id}", Permission.PERSONS_ADMIN, persons::get),
                Route.guarded("DELETE", "/v1/persons/{id}", Permission.PERSONS_ADMIN, persons::delete),
                Route.guarded("POST", "/v1/scans", Permission.KEYS_ADMIN, scans::start),
                Route.guarded("GET", "/v1/scans", Permission.AUDIT_READ, scans::list),
                Route.guarded("GET", "/v1/scans/{id}", Permission.AUDIT_READ, scans::get),
                Route.guarded("GET", "/v1/scans/{id}/results", Permission.AUDIT_READ, scans::results),
                Route.guarded("POST", "/v1/scans/{id}/pause", Permission.KEYS_ADMIN, scans::pause),
                Route.guarded("POST", "/v1/scans/{id}/resume", Permission.KEYS_ADMIN, scans::resume),
                Route.guarded("POST", "/v1/scans/{id}/cancel", Permission.KEYS_ADMIN, scans::cancel),
                Route.guarded("POST", "/h/hash", Permission.MEDIA_SUBMIT, hma::hash),
                Route.guarded("GET", "/m/lookup", Permission.MEDIA_SUBMIT, hma::lookup),
                Route.guarded("POST", "/m/lookup", Permission.MEDIA_SUBMIT, hma::lookupFile),
                Route.guarded("POST", "/m/compare", Permission.MEDIA_SUBMIT, hma::compare),
                Route.guarded("GET", "/c/banks", Permission.BANKS_READ, hma::banks),
                Route.guarded("POST", "/c/banks", Permission.BANKS_WRITE, hma::createBank),
                Route.guarded("POST", "/c/bank/{name}/content", Permission.BANKS_WRITE, hma::addContent));
        Gauge.builder(
                        "pramaan_cases_open",
                        () -> services.cases().cases().open().size())
                .description("open cases")
                .register(metrics);
        this.jvmMetrics = OperatorMetrics.bind(metrics);
    }

    List<Route> routes() {
        return routes;
    }

    /** Starts listening; port 0 picks a free port (see {@link Javalin#port()}). */
    public Javalin start(String host, int port) {
        return start(host, port, config -> {});
    }

    /** As {@link #start(String, int)}, with more routes on the same server (the review console, issue 13). */
    public Javalin start(String host, int port, java.util.function.Consumer<io.javalin.config.JavalinConfig> more) {
        Javalin app = Javalin.create(config -> {
            more.accept(config);
            config.startup.showJavalinBanner = false;
            config.events.serverStopped(() -> jvmMetrics.close());
            config.http.maxRequestSize = Requests.MAX_JSON_BYTES;
            long max = services.edge().limits().maxBytes();
            config.jetty.multipartConfig.cacheDirectory(
                    services.edge().uploadDir().toString());
            config.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(max + 1024 * 1024, SizeUnit.BYTES);
            // Explicit multipart limits (issue 11 defect 4): Jetty takes the part count from maxFormKeys and the
            // part-header limit from the request-header size.
            config.jetty.modifyServletContextHandler(h -> h.setMaxFormKeys(Multipart.MAX_PARTS));
            config.jetty.modifyHttpConfiguration(h -> h.setRequestHeaderSize(Multipart.MAX_PART_HEADER_BYTES));
            for (Route r : routes) config.routes.addHttpHandler(handlerType(r.method()), r.path(), wrap(r));
            // HEAD runs the GET route's own handler (Jetty drops the body), so it authenticates like GET; Javalin's
            // implicit HEAD answered 200 without a key.
            for (Route r : routes)
                if (r.method().equals("GET")) config.routes.addHttpHandler(HandlerType.HEAD, r.path(), wrap(r));
            // OPTIONS answers only the Allow list, and only to a known key on guarded paths (no CORS preflight is
            // served: the API is for servers, not browsers).
            options(routes)
                    .forEach((path, handler) -> config.routes.addHttpHandler(HandlerType.OPTIONS, path, handler));
            // Javalin's own refusals (maxRequestSize, no such route) were plain text; every error is the JSON shape.
            config.routes.exception(
                    io.javalin.http.HttpResponseException.class,
                    (e, ctx) -> json(
                            ctx,
                            e.getStatus(),
                            switch (e.getStatus()) {
                                case 413 ->
                                    ScreeningView.error(
                                            "request.too_large",
                                            "the request body exceeds the limit of " + Requests.MAX_JSON_BYTES
                                                    + " bytes for this route");
                                case 404 ->
                                    ScreeningView.error(
                                            "route.not_found", "no route " + ctx.method() + " " + ctx.path());
                                default ->
                                    ScreeningView.error(
                                            e.getStatus() >= 500 ? "server.error" : "request.invalid", e.getMessage());
                            }));
            config.routes.exception(
                    ApiException.class, (e, ctx) -> json(ctx, e.status, ScreeningView.error(e.code, e.getMessage())));
            config.routes.exception(
                    MediaRejectedException.class,
                    (e, ctx) -> json(ctx, e.code() == RejectionCode.TOO_LARGE ? 413 : 422, ScreeningView.rejection(e)));
            config.routes.exception(
                    org.pramaan.limits.BudgetExceededException.class,
                    (e, ctx) -> json(
                            ctx,
                            503,
                            ScreeningView.error(
                                    "request.budget_exceeded",
                                    e.getMessage()
                                            + "; send less work per request or ask the operator to raise http.request-budget / http.media-budget")));
            // A use case's refusal, mapped once by its kind (issue 12 item 3); the code is the exception's own.
            // A bare IllegalArgumentException/IllegalStateException is a defect (500, logged) like any other unexpected
            // exception.
            config.routes.exception(DomainException.class, (e, ctx) -> json(ctx, status(e), domainError(e)));
            config.routes.exception(Exception.class, HttpApi::serverError);
            config.routes.error(404, "*", ctx -> {
                // Our own 404s are JSON already (judged by the response, not the request: a multipart request gets JSON
                // errors too); Javalin's "no such route" is plain text.
                // The console's own 404 pages are HTML and stay so.
                String type = String.valueOf(ctx.res().getContentType());
                if (!type.startsWith("application/json") && !type.startsWith("text/html")) {
                    json(
                            ctx,
                            404,
                            ScreeningView.error("route.not_found", "no route " + ctx.method() + " " + ctx.path()));
                }
            });
            config.requestLogger.http((ctx, ms) -> {
                AccessLog.log(ctx, routeOf(ctx), ms);
                Timer.builder("pramaan_http_requests")
                        .description("HTTP requests by method, route template and status")
                        .tag("method", ctx.method().name())
                        .tag("route", routeOf(ctx))
                        .tag("status", Integer.toString(ctx.statusCode()))
                        .register(metrics)
                        .record((long) (ms * 1000), TimeUnit.MICROSECONDS);
            });
        });
        app.start(host, port);
        return app;
    }

    /** A defect, not the caller's fault: logged with its stack, answered without its message (which may name internals). */
    private static void serverError(Exception e, Context ctx) {
        LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
        json(ctx, 500, ScreeningView.error("server.error", "internal error; see the server log"));
    }

    static int status(DomainException e) {
        return switch (e) {
            case NotFound n -> 404;
            case Invalid i -> 400;
            case Conflict c -> 409;
            case Forbidden f -> 403;
        };
    }

    /** {@code {"error":{"code","message"}}} as {@link ScreeningView#error}, plus {@code "field"} when an {@link Invalid} names one. */
    static Map<String, Object> domainError(DomainException e) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", String.valueOf(e.getMessage()));
        if (e instanceof Invalid i) i.field().ifPresent(f -> body.put("field", f));
        return Map.of("error", body);
    }

    private static HandlerType handlerType(String method) {
        return switch (method) {
            case "GET" -> HandlerType.GET;
            case "POST" -> HandlerType.POST;
            case "PUT" -> HandlerType.PUT;
            case "DELETE" -> HandlerType.DELETE;
            default -> throw new IllegalArgumentException("unsupported method " + method);
        };
    }

    private Handler wrap(Route r) {
        if (r.permission().isEmpty()) return r.handler();
        Permission needed = r.permission().get();
        return ctx -> {
            Principal p = limiter.admit(ctx, this::authenticate);
            if (!p.can(needed)) {
                throw new ApiException(
                        403,
                        "auth.forbidden",
                        "key " + p.keyId() + " has role " + p.role().wireName() + ", which may not " + needed);
            }
            ctx.attribute(PRINCIPAL, p);
            // Multipart is parsed here, after the key is checked, so no anonymous caller makes us spool parts and a
            // malformed
            // body is a 4xx, not a 500; the budget covers everything the request does, the idempotency fingerprint
            // included.
            budget.run(ctx, r, c -> {
                boolean multipart = c.isMultipartFormData();
                try {
                    if (multipart) Multipart.parse(c, services.edge().limits().maxBytes());
                    idempotency.handle(r, c);
                } finally {
                    if (multipart) Multipart.deleteParts(c);
                }
            });
        };
    }

    /** One OPTIONS handler per path: 204 with the methods the path takes; a guarded path first needs a valid key. */
    private Map<String, Handler> options(List<Route> all) {
        Map<String, List<Route>> byPath = new java.util.LinkedHashMap<>();
        for (Route r : all)
            byPath.computeIfAbsent(r.path(), k -> new java.util.ArrayList<>()).add(r);
        Map<String, Handler> out = new java.util.LinkedHashMap<>();
        byPath.forEach((path, rs) -> {
            java.util.Set<String> methods = new java.util.LinkedHashSet<>();
            for (Route r : rs) {
                methods.add(r.method());
                if (r.method().equals("GET")) methods.add("HEAD");
            }
            methods.add("OPTIONS");
            boolean guarded = rs.stream().anyMatch(r -> r.permission().isPresent());
            out.put(path, ctx -> {
                if (guarded) authenticate(ctx);
                ctx.header("Allow", String.join(", ", methods)).status(204);
            });
        });
        return out;
    }

    private Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "auth.missing", "this route needs an 'Authorization: Bearer <api key>' header");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "auth.malformed", "the Authorization header must be 'Bearer <api key>'");
        }
        return services.edge()
                .keys()
                .authenticate(header.substring(7))
                .orElseThrow(() -> new ApiException(401, "auth.invalid", "the API key is unknown or revoked"));
    }

    private void verifyAudit(Context ctx) {
        var v = services.edge().audit().verify();
        json(
                ctx,
                v.valid() ? 200 : 409,
                Map.of(
                        "valid",
                        v.valid(),
                        "entriesChecked",
                        v.entriesChecked(),
                        "badEntry",
                        v.badSeq().map(Object::toString).orElse(""),
                        "problem",
                        v.problem(),
                        "checkpointsVerified",
                        v.checkpointsVerified(),
                        "warnings",
                        v.warnings()));
    }

    /** {@code GET /v1/nodes}: the live nodes, by id. */
    private void nodes(Context ctx) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (org.pramaan.nodes.NodeInfo n : operations.liveNodes().get())
            out.add(Map.of(
                    "id",
                    n.id(),
                    "host",
                    n.host(),
                    "dataDir",
                    n.dataDir(),
                    "started",
                    n.started().toString(),
                    "heartbeat",
                    n.heartbeat().toString()));
        json(ctx, 200, Map.of("nodes", out));
    }

    /** {@code GET /readyz}: 200 when every check holds, else 503 naming each failing one (load balancers take 503 as "send nothing here"). */
    private void ready(Context ctx) {
        Map<String, Object> failing = new java.util.LinkedHashMap<>();
        for (ReadinessCheck c : operations.readiness()) c.failure().ifPresent(why -> failing.put(c.name(), why));
        if (failing.isEmpty())
            json(
                    ctx,
                    200,
                    Map.of(
                            "status",
                            "ready",
                            "checks",
                            operations.readiness().stream()
                                    .map(ReadinessCheck::name)
                                    .toList()));
        else
            json(
                    ctx,
                    503,
                    Map.of(
                            "status",
                            "unavailable",
                            "failing",
                            failing,
                            "error",
                            Map.of(
                                    "code",
                                    "service.not_ready",
                                    "message",
                                    "not ready: " + String.join(", ", failing.keySet()))));
    }

    /** The matched route's path for metrics; Javalin throws rather than return nothing when none matched. */
    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    static Counter counter(PrometheusMeterRegistry metrics, String name, String... tags) {
        return Counter.builder(name)
                .description(OperatorMetrics.help(name))
                .tags(tags)
                .register(metrics);
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the pramaan-http jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
