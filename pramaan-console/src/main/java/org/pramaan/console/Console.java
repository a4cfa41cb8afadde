package org.pramaan.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.ApiKeys;
import org.pramaan.access.Permission;
import org.pramaan.access.Principal;
import org.pramaan.audit.AuditLog;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.EvidenceBundles;
import org.pramaan.errors.Conflict;
import org.pramaan.errors.DomainException;
import org.pramaan.errors.Forbidden;
import org.pramaan.errors.Invalid;
import org.pramaan.errors.NotFound;
import org.pramaan.intake.BlobStore;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.MediaRepository;
import org.pramaan.notify.DeliveryRepository;

/**
 * The review console's routes, added to the API's Javalin configuration by pramaan-app so one server answers both: the
 * console at {@code /}, the API at {@code /v1}. Pages are JTE templates compiled at build time with HTML escaping of
 * every value; scripts and styles come only from this server (the CSP below forbids inline ones and any other origin).
 */
public final class Console {
    public static final String COOKIE = "pramaan_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    /** OWASP secure headers: nothing inline, nothing from elsewhere, never framed (clickjacking), no referrer leaks. */
    public static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                    + " media-src 'self' blob:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /** A reason is a sentence or a paragraph; the statement of reasons field it feeds is bounded too. */
    static final int MAX_REASON_CHARS = 2000;

    static final int MAX_ID_CHARS = 128;

    /** The screening queue shows this many uploads at a time (the oldest wait for the newest to be resolved). */
    static final int SCREENING_PAGE = 200;

    private static final String HTMX =
            "/META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js"; // the version pinned in the parent pom

    /** Idle timeout and absolute lifetime of a session (config {@code console.session-idle-timeout}, …-lifetime). */
    public record Settings(Duration idleTimeout, Duration absoluteLifetime) {
        public Settings {
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(30), Duration.ofHours(12));
        }
    }

    /** What the console's pages use. */
    public record Services(
            ApiKeys keys,
            CaseService cases,
            EvidenceBundles bundles,
            MediaRepository media,
            BlobStore blobs,
            DeliveryRepository deliveries,
            AuditLog audit,
            Clock clock,
            Settings settings,
            org.pramaan.cases.CaseQueue queue,
            org.pramaan.cases.CaseAssignments assignments,
            org.pramaan.access.ConsoleAccounts accounts,
            org.pramaan.access.PersonPreferences preferences,
            org.pramaan.intake.ScreeningReviews screening,
            org.pramaan.cases.QualityReview quality,
            BanksPages.Services banks,

            org.pramaan.notify.CaseNotifier notifier,
            java.util.Optional<org.pramaan.reports.Reports> reports,
            java.util.Optional<org.pramaan.backscan.BackScans> scans) {
        /** Without the Reports and Back-scans pages' use cases (those pages then say they are not wired). */
        public Services(
                ApiKeys keys,
                CaseService cases,
                EvidenceBundles bundles,
                MediaRepository media,
                BlobStore blobs,
                DeliveryRepository deliveries,
                AuditLog audit,
                Clock clock,
                Settings settings,
                org.pramaan.cases.CaseQueue queue,
                org.pramaan.cases.CaseAssignments assignments,
                org.pramaan.access.ConsoleAccounts accounts,
                org.pramaan.access.PersonPreferences preferences,
                org.pramaan.intake.ScreeningReviews screening,
                org.pramaan.cases.QualityReview quality,
                BanksPages.Services banks,
                org.pramaan.notify.CaseNotifier notifier) {
            this(
                    keys,
                    cases,
                    bundles,
                    media,
                    blobs,
                    deliveries,
                    audit,
                    clock,
                    settings,
                    queue,
                    assignments,
                    accounts,
                    preferences,
                    screening,
                    quality,
                    banks,
                    notifier,
                    java.util.Optional.empty(),
                    java.util.Optional.empty());
        }
    }

    private final Services s;
    private final Sessions sessions;
    private final SignIn signIn;
    private final Map<String, Messages> messages = Messages.load();
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(
            null, ContentType.Html, Console.class.getClassLoader(), "org.pramaan.console.templates");

    public Console(Services services) {
        this.s = Objects.requireNonNull(services, "services");
        this.sessions = new Sessions(
                services.clock(),
                services.settings().idleTimeout(),
                services.settings().absoluteLifetime());
        this.signIn = new SignIn(services.keys(), services.accounts());
    }

    public Sessions sessions() {
        return sessions;
    }

    /** For the page groups in this package (OverviewPage, QualityPages) that share this console's plumbing. */
    Services services() {
        return s;
    }

    /** Adds the console's routes to the server's configuration. */
    public void mount(JavalinConfig config) {
        get(config, "/", this::queue);
        get(config, "/queue", this::queue);
        get(config, "/signin", (Handler)
                ctx -> render(ctx, 200, "signin.jte", page(ctx, Optional.empty(), "signin.title", ""), ""));
        config.routes.addHttpHandler(HandlerType.POST, "/signin", guard(this::signInPost));
        post(config, "/signout", this::signOut);
        post(config, "/lang", this::lang);
        get(config, "/preferences", this::preferencesPage);
        post(config, "/preferences", this::savePreferences);
        get(config, "/cases/{id}", this::caseView);
        get(config, "/cases/{id}/media", this::media);
        get(config, "/cases/{id}/bundle", this::bundle);
        post(config, "/cases/{id}/preview", this::preview);
        post(config, "/cases/{id}/act", this::act);
        post(config, "/cases/{id}/appeal-decision", this::appealDecision);
        post(config, "/cases/{id}/claim", this::claim);
        post(config, "/cases/{id}/assign", this::assign);
        post(config, "/cases/{id}/unassign", this::unassign);
        post(config, "/cases/{id}/escalate", this::escalate);
        new OverviewPage(this).mount(config);
        get(config, "/screening", this::screeningQueue);
        post(config, "/screening/{id}/resolve", this::resolveScreening);
        get(config, "/appeals", this::appealsQueue);
        new QualityPages(this, s.quality()).mount(config);
        new BanksPages(this, s.banks(), s.clock()).mount(config);
        new ReportsPages(this, s.reports()).mount(config);
        new ScansPages(this, s.scans(), s.clock()).mount(config);
        config.routes.addHttpHandler(HandlerType.GET, "/console/static/{file}", guard(this::asset));
    }

    // ---- sign-in ----

    private void signInPost(Context ctx) {
        // Sign-in has no session yet, so no CSRF token: a cross-site form could sign a victim in as the attacker (login
        // CSRF, OWASP CSRF cheat sheet). Browsers send Origin on every POST; one naming another host is refused (the
        // scheme is not compared: behind a TLS-terminating proxy the server sees http while the browser says https).
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !origin.equals("null") && (host == null || !origin.endsWith("://" + host)))
            throw new Forbidden(
                    "console.cross_site", "sign-in from another site (Origin " + cut(origin) + ") is refused");
        Principal p;
        try {
            p = ctx.formParam("username") != null
                    ? signIn.withPassword(ctx.formParam("username"), ctx.formParam("password"))
                    : signIn.withKey(ctx.formParam("apiKey"));
        } catch (Invalid | Forbidden e) {
            render(
                    ctx,
                    e instanceof Invalid ? 400 : 403,
                    "signin.jte",
                    page(ctx, Optional.empty(), "signin.title", ""),
                    message(ctx, e));
            return;
        }
        Sessions.Session session = sessions.open(p, langOf(ctx));
        // The person's stored language and time zone apply from the first page.
        org.pramaan.access.Preferences prefs = s.preferences().get(session.actor());
        sessions.setPreferences(session, prefs.language(), java.time.ZoneId.of(prefs.timeZone()));
        s.audit()
                .append(
                        "console.signed_in",
                        session.actor().wireName(),
                        Map.of(
                                "role",
                                p.role().wireName(),
                                "method",
                                ctx.formParam("username") != null ? "password" : "api-key"));
        setCookie(ctx, session.id(), false);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx, Sessions.Session session) {
        sessions.close(session.id());
        s.audit().append("console.signed_out", session.actor().wireName(), Map.of());
        setCookie(ctx, "", true);
        ctx.redirect("/signin", HttpStatus.SEE_OTHER);
    }

    private void lang(Context ctx, Sessions.Session session) {
        String l = Objects.requireNonNullElse(ctx.formParam("lang"), "");
        if (!Messages.LANGUAGES.contains(l))
            throw new Invalid("lang", "language '" + cut(l) + "' is not one of " + Messages.LANGUAGES);
        sessions.setLang(session, l);
        String back = Objects.requireNonNullElse(ctx.formParam("back"), "/");
        // Only our own paths: an absolute or scheme-relative URL here would be an open redirect.
        ctx.redirect(
                back.startsWith("/") && !back.startsWith("//") && back.length() < 300 ? back : "/",
                HttpStatus.SEE_OTHER);
    }

    // ---- preferences (blur sensitive media by default, language, time zone), stored per person ----

    private void preferencesPage(Context ctx, Sessions.Session session) {
        render(
                ctx,
                200,
                "preferences.jte",
                page(ctx, Optional.of(session), "prefs.title", "preferences"),
                new PreferencesModel(
                        s.preferences().get(session.actor()),
                        java.time.ZoneId.getAvailableZoneIds().stream()
                                .filter(z -> z.indexOf('/') > 0 && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                                .sorted()
                                .toList()));
    }

    /** The preferences page's data: the stored choices and the time zones offered. */
    public record PreferencesModel(org.pramaan.access.Preferences prefs, List<String> zones) {}

    private void savePreferences(Context ctx, Sessions.Session session) {
        String blur = Objects.requireNonNullElse(ctx.formParam("blur"), "false");
        if (!blur.equals("true") && !blur.equals("false"))
            throw new Invalid("blur", "blur is '" + cut(blur) + "'; use true or false");
        String zone = Objects.requireNonNullElse(ctx.formParam("timeZone"), "").strip();
        String lang = Objects.requireNonNullElse(ctx.formParam("language"), "").strip();
        // Preferences checks the language and the zone and names the field it refuses.
        org.pramaan.access.Preferences saved = s.preferences()
                .update(session.actor(), new org.pramaan.access.Preferences(blur.equals("true"), lang, zone));
        sessions.setPreferences(session, saved.language(), java.time.ZoneId.of(saved.timeZone()));
        ctx.redirect("/preferences", HttpStatus.SEE_OTHER);
    }

    // ---- pages ----

    private void queue(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_READ);
        QueueFilters f = QueueFilters.parse(ctx::queryParam, s.cases().noticeTypes());
        java.time.Instant now = s.clock().instant();
        // One store query: this page's cases and the count of all that match. Only the page's cases are read and
        // drawn (deadline, countdown, assignee, all from the case row itself); the rest are counted in the index.
        org.pramaan.cases.QueueQuery.Page open =
                s.queue().page(f.filter(), session.actor(), QueuePaging.offset(ctx::queryParam), QueuePaging.SIZE);
        QueuePaging paging = QueuePaging.of(ctx::queryParam, open.total(), f);
        List<QueueRow> rows =
                open.cases().stream().map(c -> QueueRow.of(c, now)).toList();
        render(
                ctx,
                200,
                "queue.jte",
                page(ctx, Optional.of(session), "queue.title", "queue"),
                new QueueModel(rows, f, paging));
    }

    /**
     * The queue page's data: the rows of this page, the filters that chose them (with the choices each filter offers)
     * and where this page lies among all matching rows.
     */
    public record QueueModel(List<QueueRow> rows, QueueFilters filters, QueuePaging paging) {}

    private void caseView(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_READ);
        CaseFile c = findCase(ctx);
        // A case waiting for this person's blind second review opens as the blind form, so the first
        // decision is not shown by accident (issue 13, quality review); ?full=1 opens it anyway.
        if (!"1".equals(ctx.queryParam("full")) && s.quality().awaitsBlindReviewBy(c, session.actor())) {
            ctx.redirect("/quality/" + c.id(), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Optional<MediaRecord> media = s.media().find(c.mediaId());
        CasePage model = CasePage.of(
                c,
                media,
                s.cases().noticeTypes(),
                s.deliveries().forCase(c.id()),
                s.clock().instant(),
                new CasePage.People(
                        s.assignments().assignable(), s.assignments().seniors()),
                s.preferences().get(session.actor()).blurSensitive());
        render(ctx, 200, "case.jte", page(ctx, Optional.of(session), "case.title", "queue"), model);
    }

    /** Uploads whose screening said REVIEW, waiting for a person (newest first, as ScreeningReviews orders them). */
    private void screeningQueue(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_READ);
        render(
                ctx,
                200,
                "screening.jte",
                page(ctx, Optional.of(session), "screening.title", "screening"),
                s.screening().pending(SCREENING_PAGE));
    }

    /** Cases with an appeal awaiting a decision, the longest waiting first; each links to its case view's form. */
    private void appealsQueue(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_READ);
        java.time.Instant now = s.clock().instant();
        List<QueueRow> rows =
                s.queue().appeals().stream().map(c -> QueueRow.of(c, now)).toList();
        render(ctx, 200, "appeals.jte", page(ctx, Optional.of(session), "appeals.title", "appeals"), rows);
    }

    // ---- actions ----

    /** Resolves a REVIEW upload; ScreeningReviews audits it (media.review_resolved) with this person as reviewer. */
    private void resolveScreening(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_ACT);
        String id = ctx.pathParam("id");
        if (id.length() > MAX_ID_CHARS)
            throw new Invalid("id", "media id is " + id.length() + " characters; at most " + MAX_ID_CHARS);
        String d = Objects.requireNonNullElse(ctx.formParam("decision"), "");
        org.pramaan.decision.Decision decision = switch (d) {
            case "allow" -> org.pramaan.decision.Decision.ALLOW;
            case "label" -> org.pramaan.decision.Decision.LABEL;
            case "block" -> org.pramaan.decision.Decision.BLOCK;
            default -> throw new Invalid("decision", "decision '" + cut(d) + "' is not allow, label or block");
        };
        // Issue 16: whether the item is synthetic is the reviewer's finding, apart from the action; optional.
        String f = Objects.requireNonNullElse(ctx.formParam("finding"), "");
        String family = Objects.requireNonNullElse(ctx.formParam("family"), "").strip();
        s.screening()
                .resolve(
                        id,
                        decision,
                        reason(ctx, true),
                        session.actor(),
                        f.isEmpty() ? Optional.empty() : Optional.of(org.pramaan.detect.Finding.parse(f)),
                        family.isEmpty() ? Optional.empty() : Optional.of(family));
        ctx.redirect("/screening", HttpStatus.SEE_OTHER);
    }

    private void preview(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_ACT);
        CaseFile c = findCase(ctx);
        CaseAction action = action(ctx);
        String reason = reason(ctx, false);
        String note = reason.isEmpty() ? "-" : reason;
        Optional<Map<String, Object>> sor = s.cases().previewStatement(c.id(), action, session.actor(), note);
        render(
                ctx,
                200,
                "preview.jte",
                page(ctx, Optional.of(session), "case.title", "queue"),
                new ActionPreview(
                        sor.map(org.pramaan.json.Json::write).orElse(""),
                        ActionPreview.messages(
                                s.notifier(),
                                c,
                                action,
                                session.actor(),
                                note,
                                s.clock().instant())));
    }

    private void act(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_ACT);
        CaseFile c = findCase(ctx);
        CaseAction action = action(ctx);
        String reason = reason(ctx, true);
        // CaseService audits the action with this person's key as the actor (DEV-GUIDELINES 7).
        s.cases().act(c.id(), action, session.actor(), reason, java.util.Map.of(), finding(ctx));
        // A settled case leaves the queue, so the reviewer goes back to it; otherwise they stay on the case.
        ctx.redirect(action.closesCase() ? "/" : "/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void appealDecision(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_ACT);
        CaseFile c = findCase(ctx);
        String d = Objects.requireNonNullElse(ctx.formParam("decision"), "");
        if (!d.equals("uphold") && !d.equals("reverse"))
            throw new Invalid("decision", "decision '" + cut(d) + "' is not uphold or reverse");
        s.cases().decideAppeal(c.id(), d.equals("reverse"), session.actor(), reason(ctx, true), finding(ctx));
        ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    /** Issue 16: the case decision forms' optional finding and generator family (blank = not assessed). */
    private static Optional<org.pramaan.cases.CaseFinding> finding(Context ctx) {
        return org.pramaan.cases.CaseFinding.of(
                Optional.ofNullable(ctx.formParam("finding")), Optional.ofNullable(ctx.formParam("family")));
    }

    // ---- assignment (issue 13: claim, assign, reassign, escalate to a senior reviewer with a note) ----
    // CaseAssignments checks who may be assigned and records each change as a case event with this person as actor.

    private void claim(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_ACT);
        CaseFile c = findCase(ctx);
        s.assignments().claim(c.id(), session.actor());
        ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void assign(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_ACT);
        CaseFile c = findCase(ctx);
        s.assignments().assign(c.id(), person(ctx, "assignee"), session.actor());
        ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void unassign(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_ACT);
        CaseFile c = findCase(ctx);
        s.assignments().unassign(c.id(), session.actor());
        ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    private void escalate(Context ctx, Sessions.Session session) {
        require(session, Permission.CASE_ACT);
        CaseFile c = findCase(ctx);
        String note = Objects.requireNonNullElse(ctx.formParam("note"), "").strip();
        if (note.length() > org.pramaan.cases.CaseAssignments.MAX_NOTE)
            throw new Invalid(
                    "note",
                    "the note is " + note.length() + " characters; at most "
                            + org.pramaan.cases.CaseAssignments.MAX_NOTE);
        s.assignments().escalate(c.id(), person(ctx, "to"), note, session.actor());
        ctx.redirect("/cases/" + c.id(), HttpStatus.SEE_OTHER);
    }

    /** A person id from a form field ({@code key:<id>} or {@code user:<name>}), capped before anything looks at it. */
    private static String person(Context ctx, String field) {
        String v = Objects.requireNonNullElse(ctx.formParam(field), "").strip();
        if (v.isEmpty()) throw new Invalid(field, field + " is required: choose a person");
        if (v.length() > MAX_ID_CHARS)
            throw new Invalid(field, field + " is " + v.length() + " characters; at most " + MAX_ID_CHARS);
        return v;
    }

    private void media(Context ctx, Sessions.Session session) throws IOException {
        require(session, Permission.CASE_READ);
        CaseFile c = findCase(ctx);
        MediaRecord m = s.media()
                .find(c.mediaId())
                .orElseThrow(() -> new NotFound("media.not_found", "case " + c.id() + " has no media record"));
        Path p = s.blobs()
                .locate(m.id())
                .orElseThrow(() -> new NotFound("media.not_found", "the bytes of media " + m.id() + " are not stored"));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(m.info().type().mimeType());
        ctx.result(Files.readAllBytes(p));
    }

    private void bundle(Context ctx, Sessions.Session session) throws IOException {
        require(session, Permission.CASE_READ);
        CaseFile c = findCase(ctx);
        // Media bytes only for admins, as on the API (they may be intimate imagery); the export is audited with the
        // person.
        boolean withMedia = session.principal().can(Permission.AUDIT_READ);
        byte[] zip = s.bundles().export(c.id(), withMedia, session.actor());
        ctx.header("Content-Disposition", "attachment; filename=\"" + c.id() + "-evidence.zip\"");
        ctx.contentType("application/zip");
        ctx.result(zip);
    }

    private void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String resource;
        String type;
        switch (file) {
            case "console.css" -> {
                resource = "/console/static/console.css";
                type = "text/css; charset=utf-8";
            }
            case "console.js" -> {
                resource = "/console/static/console.js";
                type = "text/javascript; charset=utf-8";
            }
            case "htmx.min.js" -> {
                resource = HTMX;
                type = "text/javascript; charset=utf-8";
            }
            // The Devanagari face the visible labels already ship (OFL, pramaan-core labels/fonts), so the
            // Hindi console reads on a browser with no Devanagari font installed; console.css asks for it
            // only for Devanagari code points (unicode-range), so English pages never load it.
            case "NotoSansDevanagari-Regular.ttf" -> {
                resource = "/labels/fonts/NotoSansDevanagari-Regular.ttf";
                type = "font/ttf";
            }
            default -> throw new NotFound("console.not_found", "no console file " + cut(file));
        }
        try (InputStream in = Console.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            ctx.contentType(type);
            ctx.header("Cache-Control", "max-age=3600");
            ctx.result(in.readAllBytes());
        }
    }

    // ---- plumbing ----

    // Page groups in their own classes (BanksPages) register and render through these: the same guard, session, CSRF
    // check, permission refusal and layout as the pages above.
    void pageGet(JavalinConfig config, String path, PageHandler h) {
        get(config, path, (SessionHandler) h::handle);
    }

    void pagePost(JavalinConfig config, String path, PageHandler h) {
        post(config, path, h::handle);
    }

    void pageRender(
            Context ctx,
            int status,
            String template,
            Sessions.Session session,
            String title,
            String active,
            Object model) {
        render(ctx, status, template, page(ctx, Optional.of(session), title, active), model);
    }

    void requirePermission(Sessions.Session session, Permission p) {
        require(session, p);
    }

    /**
     * A form field, reading the body first: a multipart body cut short or over the server's part limits is the
     * client's fault, refused as 400 naming the body rather than surfacing as a 500 (as the API's Multipart gate does).
     */
    static String formField(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (Exception e) { // Jetty's ServletException arrives unchecked through Javalin's Kotlin
            throw new Invalid("body", "the form could not be read (" + cut(String.valueOf(e.getMessage())) + ")");
        }
    }

    @FunctionalInterface
    interface SessionHandler {
        void handle(Context ctx, Sessions.Session session) throws Exception;
    }

    void get(JavalinConfig config, String path, SessionHandler h) {
        config.routes.addHttpHandler(HandlerType.GET, path, guard(ctx -> {
            Optional<Sessions.Session> session = sessionOrRedirect(ctx);
            if (session.isPresent()) h.handle(ctx, session.get());
        }));
    }

    private void get(JavalinConfig config, String path, Handler h) {
        config.routes.addHttpHandler(HandlerType.GET, path, guard(h));
    }

    /** A POST needs a live session and the session's CSRF token, in the form or (htmx) the X-CSRF-Token header. */
    void post(JavalinConfig config, String path, SessionHandler h) {
        config.routes.addHttpHandler(HandlerType.POST, path, guard(ctx -> {
            Sessions.Session session = sessions.touch(ctx.cookie(COOKIE))
                    .orElseThrow(() -> new Forbidden("console.session_expired", "sign in again: no live session"));
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null) sent = formField(ctx, CSRF_FIELD);
            if (sent == null
                    || !MessageDigest.isEqual(
                            sent.getBytes(StandardCharsets.UTF_8),
                            session.csrf().getBytes(StandardCharsets.UTF_8)))
                throw new Forbidden("console.csrf", "the form's CSRF token is missing or wrong; reload the page");
            h.handle(ctx, session);
        }));
    }

    private Optional<Sessions.Session> sessionOrRedirect(Context ctx) {
        Optional<Sessions.Session> session = sessions.touch(ctx.cookie(COOKIE));
        if (session.isEmpty()) ctx.redirect("/signin", HttpStatus.SEE_OTHER);
        return session;
    }

    /** Security headers on every console response; refusals become an HTML page with the refusal's status. */
    private Handler guard(Handler h) {
        return ctx -> {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("X-Frame-Options", "DENY");
            try {
                h.handle(ctx);
            } catch (DomainException e) {
                Optional<Sessions.Session> session = sessions.touch(ctx.cookie(COOKIE));
                int status = switch (e) {
                    case NotFound n -> 404;
                    case Invalid i -> 400;
                    case Conflict c -> 409;
                    case Forbidden f -> 403;
                };
                render(ctx, status, "error.jte", page(ctx, session, "error.title", ""), message(ctx, e));
            }
        };
    }

    void require(Sessions.Session session, Permission p) {
        if (!session.principal().can(p))
            throw new Forbidden(
                    "auth.forbidden", "role " + session.principal().role().wireName() + " may not " + p);
    }

    private CaseFile findCase(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > MAX_ID_CHARS)
            throw new Invalid("id", "case id is " + id.length() + " characters; at most " + MAX_ID_CHARS);
        return s.cases().find(id).orElseThrow(() -> new NotFound("case.not_found", "no case " + cut(id)));
    }

    private static CaseAction action(Context ctx) {
        String a = Objects.requireNonNullElse(ctx.formParam("action"), "");
        if (a.length() > 32)
            throw new Invalid("action", "action is " + a.length() + " characters; no action is that long");
        try {
            return CaseAction.parse(a);
        } catch (IllegalArgumentException e) {
            throw new Invalid("action", "unknown action '" + cut(a) + "'");
        }
    }

    private static String reason(Context ctx, boolean required) {
        String r = Objects.requireNonNullElse(ctx.formParam("reason"), "").strip();
        if (r.length() > MAX_REASON_CHARS)
            throw new Invalid("reason", "the reason is " + r.length() + " characters; at most " + MAX_REASON_CHARS);
        if (required && r.isEmpty())
            throw new Invalid("reason", "a reason is required (DSA art.17(3)(c), IT Rules r.3(1))");
        return r;
    }

    Page page(Context ctx, Optional<Sessions.Session> session, String titleKey, String active) {
        Messages m = messages.get(session.map(Sessions.Session::lang).orElse(langOf(ctx)));
        return new Page(m, session, m.t(titleKey), active, s.clock().instant());
    }

    private String message(Context ctx, DomainException e) {
        return String.valueOf(e.getMessage());
    }

    /** The language before sign-in: Hindi when the browser prefers it, else English. */
    private static String langOf(Context ctx) {
        String accept = Objects.requireNonNullElse(ctx.header("Accept-Language"), "");
        return accept.length() < 200 && accept.startsWith("hi") ? "hi" : "en";
    }

    void render(Context ctx, int status, String template, Page page, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, Map.of("page", page, "model", model), out);
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(out.toString());
    }

    private static void setCookie(Context ctx, String value, boolean clear) {
        boolean tls = "https".equalsIgnoreCase(ctx.scheme());
        ctx.header(
                "Set-Cookie",
                COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "")
                        + (clear ? "; Max-Age=0" : ""));
    }

    /** Echoed input is cut short, so a refusal message never carries a megabyte back. */
    static String cut(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
