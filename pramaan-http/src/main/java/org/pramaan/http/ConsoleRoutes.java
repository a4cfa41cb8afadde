package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.access.Actor;
import org.pramaan.access.ConsoleAccount;
import org.pramaan.access.ConsoleAccounts;
import org.pramaan.access.People;
import org.pramaan.access.Person;
import org.pramaan.access.PersonPreferences;
import org.pramaan.access.Preferences;
import org.pramaan.access.Role;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseAssignments;
import org.pramaan.cases.CaseFile;
import org.pramaan.cases.CaseQueue;
import org.pramaan.cases.CaseView;
import org.pramaan.cases.QualityReview;
import org.pramaan.decision.Decision;
import org.pramaan.intake.MediaRecord;
import org.pramaan.intake.ScreeningReviews;

/**
 * What the review console needs beyond the case routes (issue 13), as REST: assignment and
 * escalation, the appeals, screening and quality queues, agreement rates, a person's preferences
 * and console accounts. The same service objects are what the console's pages call.
 */
public final class ConsoleRoutes {
    /** The console's core services; one instance per deployment (the sign-in lockout lives in {@code accounts}). */
    public record Services(
            CaseAssignments assignments,
            CaseQueue queue,
            QualityReview quality,
            ScreeningReviews screening,
            PersonPreferences preferences,
            ConsoleAccounts accounts,
            People people,
            Clock clock) {
        public Services {
            Objects.requireNonNull(assignments, "assignments");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(quality, "quality");
            Objects.requireNonNull(screening, "screening");
            Objects.requireNonNull(preferences, "preferences");
            Objects.requireNonNull(accounts, "accounts");
            Objects.requireNonNull(people, "people");
            Objects.requireNonNull(clock, "clock");
        }

        /** Every console service over one store. */
        public static Services of(
                org.pramaan.cases.CaseService cases,
                org.pramaan.access.ApiKeyRepository keys,
                org.pramaan.access.PersonRepository persons,
                org.pramaan.intake.MediaRepository media,
                org.pramaan.audit.AuditLog audit,
                double qualitySampleRate,
                byte[] qualityKey,
                Clock clock) {
            return of(
                    cases,
                    keys,
                    persons,
                    media,
                    audit,
                    new ScreeningReviews(media, audit),
                    qualitySampleRate,
                    qualityKey,
                    clock);
        }

        /** Every console service over one store, with the store's reviewer labels (issue 16). */
        public static Services of(
                org.pramaan.cases.CaseService cases,
                org.pramaan.access.ApiKeyRepository keys,
                org.pramaan.access.PersonRepository persons,
                org.pramaan.intake.MediaRepository media,
                org.pramaan.audit.AuditLog audit,
                org.pramaan.detect.ReviewLabels labels,
                double qualitySampleRate,
                byte[] qualityKey,
                Clock clock) {
            return of(
                    cases,
                    keys,
                    persons,
                    media,
                    audit,
                    new ScreeningReviews(media, audit, labels),
                    qualitySampleRate,
                    qualityKey,
                    clock);
        }

        private static Services of(
                org.pramaan.cases.CaseService cases,
                org.pramaan.access.ApiKeyRepository keys,
                org.pramaan.access.PersonRepository persons,
                org.pramaan.intake.MediaRepository media,
                org.pramaan.audit.AuditLog audit,
                ScreeningReviews screening,
                double qualitySampleRate,
                byte[] qualityKey,
                Clock clock) {
            People people = new People(keys, persons);
            return new Services(
                    new CaseAssignments(cases, people),
                    new CaseQueue(cases),
                    new QualityReview(cases, people, qualitySampleRate, qualityKey),
                    screening,
                    new PersonPreferences(persons, audit),
                    new ConsoleAccounts(persons, audit, clock),
                    people,
                    clock);
        }
    }

    private static final int MAX_LIMIT = 1000;
    private final Services services;

    ConsoleRoutes(Services services) {
        this.services = services;
    }

    private static Actor me(Context ctx) {
        return Actor.of(HttpApi.principal(ctx));
    }

    private void caseJson(Context ctx, CaseFile c) {
        HttpApi.json(ctx, 200, CaseView.of(c, services.clock()));
    }

    void claim(Context ctx) {
        caseJson(ctx, services.assignments().claim(ctx.pathParam("id"), me(ctx)));
    }

    /** {"assignee": "key:<id>" | "user:<name>"}. */
    void assign(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        caseJson(ctx, services.assignments().assign(ctx.pathParam("id"), required(b, "assignee"), me(ctx)));
    }

    void unassign(Context ctx) {
        caseJson(ctx, services.assignments().unassign(ctx.pathParam("id"), me(ctx)));
    }

    /** {"to": "key:<id>" | "user:<name>", "note": …}. */
    void escalate(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        caseJson(
                ctx,
                services.assignments()
                        .escalate(
                                ctx.pathParam("id"),
                                required(b, "to"),
                                text(b, "note").orElse(""),
                                me(ctx)));
    }

    void people(Context ctx) {
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "people",
                        services.people().all().stream()
                                .map(ConsoleRoutes::person)
                                .toList()));
    }

    void appeals(Context ctx) {
        HttpApi.json(
                ctx,
                200,
                services.queue().appeals().stream()
                        .map(c -> CaseView.of(c, services.clock()))
                        .toList());
    }

    void screening(Context ctx) {
        int limit = (int) Requests.queryLong(ctx, "limit", 100, 1, MAX_LIMIT);
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "uploads",
                        services.screening().pending(limit).stream()
                                .map(ConsoleRoutes::media)
                                .toList()));
    }

    /**
     * {"decision": "allow"|"label"|"block", "reason": …, "finding": "synthetic"|"authentic"|"unsure", "family": …};
     * finding and family are optional (issue 16: whether the item is synthetic, apart from what to do with it).
     */
    void resolveScreening(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        String d = required(b, "decision").toUpperCase(Locale.ROOT);
        Decision decision = switch (d) {
            case "ALLOW" -> Decision.ALLOW;
            case "LABEL" -> Decision.LABEL;
            case "BLOCK" -> Decision.BLOCK;
            default ->
                throw new ApiException(
                        400, "request.invalid", "decision must be allow, label or block, got '" + d + "'");
        };
        Optional<org.pramaan.detect.Finding> finding = string(b, "finding").map(org.pramaan.detect.Finding::parse);
        MediaRecord m = services.screening()
                .resolve(
                        ctx.pathParam("id"),
                        decision,
                        text(b, "reason").orElse(""),
                        me(ctx),
                        finding,
                        string(b, "family"));
        HttpApi.json(ctx, 200, media(m));
    }

    void qualityQueue(Context ctx) {
        HttpApi.json(ctx, 200, Map.of("cases", services.quality().queue(me(ctx))));
    }

    void qualityView(Context ctx) {
        HttpApi.json(ctx, 200, services.quality().view(ctx.pathParam("id"), me(ctx)));
    }

    /** {"decision": "REMOVE"|…, "note": …}; the answer says whether it agrees with the first decision. */
    void qualityRecord(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        CaseAction a = CaseAction.parse(required(b, "decision"));
        CaseFile c = services.quality()
                .record(ctx.pathParam("id"), me(ctx), a, text(b, "note").orElse(""));
        Map<String, String> d = c.events().getLast().details();
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "caseId", c.id(),
                        "decision", d.get("decision"),
                        "firstDecision", d.get("firstDecision"),
                        "agrees", Boolean.parseBoolean(d.get("agrees"))));
    }

    void agreement(Context ctx) {
        QualityReview.Agreement a = services.quality().agreement();
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "byReviewer",
                                a.byReviewer().stream().map(ConsoleRoutes::rate).toList(),
                        "byNoticeType",
                                a.byNoticeType().stream()
                                        .map(ConsoleRoutes::rate)
                                        .toList()));
    }

    void getPreferences(Context ctx) {
        HttpApi.json(ctx, 200, services.preferences().get(me(ctx)));
    }

    /** The whole preferences object; each field required and type-checked (no coercion of "true" or 1). */
    void putPreferences(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        JsonNode blur = b.get("blurSensitive");
        if (blur == null || !blur.isBoolean())
            throw new ApiException(400, "request.invalid", "'blurSensitive' must be true or false");
        Preferences p = new Preferences(blur.booleanValue(), required(b, "language"), required(b, "timeZone"));
        HttpApi.json(ctx, 200, services.preferences().update(me(ctx), p));
    }

    void listAccounts(Context ctx) {
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "accounts",
                        services.accounts().list().stream()
                                .map(ConsoleRoutes::account)
                                .toList()));
    }

    /** {"username", "password", "role": "reviewer"|"admin", "senior": bool}. */
    void createAccount(Context ctx) {
        JsonNode b = Requests.jsonObject(ctx);
        String roleText = required(b, "role");
        Role role;
        try {
            role = Role.parse(roleText);
        } catch (IllegalArgumentException e) {
            throw new org.pramaan.errors.Invalid("role", e.getMessage());
        }
        JsonNode senior = b.get("senior");
        if (senior != null && !senior.isNull() && !senior.isBoolean())
            throw new ApiException(400, "request.invalid", "'senior' must be true or false");
        JsonNode pw = b.get("password");
        if (pw == null || !pw.isTextual()) throw new ApiException(400, "request.invalid", "'password' is required");
        String password = Requests.capped("password", pw.asText());
        ConsoleAccount a = services.accounts()
                .create(required(b, "username"), password, role, senior != null && senior.asBoolean(), me(ctx));
        HttpApi.json(ctx, 201, account(a));
    }

    void disableAccount(Context ctx) {
        HttpApi.json(ctx, 200, account(services.accounts().setDisabled(ctx.pathParam("username"), true, me(ctx))));
    }

    void enableAccount(Context ctx) {
        HttpApi.json(ctx, 200, account(services.accounts().setDisabled(ctx.pathParam("username"), false, me(ctx))));
    }

    /** Never the password hash. */
    private static Map<String, Object> account(ConsoleAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("id", "user:" + a.username());
        m.put("role", a.role().wireName());
        m.put("senior", a.senior());
        m.put("disabled", a.disabled());
        m.put("createdAt", a.createdAt().toString());
        return m;
    }

    private static Map<String, Object> person(Person p) {
        return Map.of("id", p.id(), "role", p.role().wireName(), "senior", p.senior(), "name", p.name());
    }

    private static Map<String, Object> rate(QualityReview.Rate r) {
        return Map.of("key", r.key(), "reviewed", r.reviewed(), "agreed", r.agreed(), "rate", r.rate());
    }

    private static Map<String, Object> media(MediaRecord m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mediaId", m.id());
        out.put("status", m.status().name());
        out.put("decision", m.decision().name());
        out.put("tier", m.assessment().tier().name());
        out.put("lastScreenedAt", m.lastScreenedAt().toString());
        // Why it leads the queue (issue 16): a face matched a protected person; the person id is in its signals.
        out.put("likenessMatch", org.pramaan.intake.ScreeningReviews.showsProtectedPerson(m));
        return out;
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || Requests.capped(field, v.asText()).isBlank()
                ? Optional.empty()
                : Optional.of(v.asText().trim());
    }

    /** An optional field that must be a JSON string when present: a number or object is refused, never coerced. */
    private static Optional<String> string(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v != null && !v.isNull() && !v.isTextual())
            throw new org.pramaan.errors.Invalid(field, "'" + field + "' must be a string, got " + v.getNodeType());
        return text(n, field);
    }

    private static String required(JsonNode n, String field) {
        return text(n, field)
                .orElseThrow(() -> new ApiException(400, "request.invalid", "'" + field + "' is required"));
    }
}
