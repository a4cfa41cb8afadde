package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.access.Actor;
import org.pramaan.cases.CaseAction;
import org.pramaan.cases.CaseService;
import org.pramaan.cases.ImportedCase;
import org.pramaan.errors.DomainException;
import org.pramaan.errors.Invalid;

/**
 * {@code POST /v1/cases/import?source=<system>}: cases from a previous system as JSON lines, one case
 * per line, or as CSV ({@code Content-Type: text/csv}, see {@link CaseImportCsv}) (issue 17 part 3). Each line is imported or refused on its own (its own unit of work, so
 * nothing of a refused line is stored); the answer lists every line's outcome.
 */
final class CaseImportRoutes {
    /** Lines per request: a migration is sent in batches, each answered with a bounded report. */
    static final int MAX_LINES = 10_000;

    static final int MAX_ITEMS = 1_000;
    private static final Set<String> CASE_FIELDS =
            Set.of("sourceId", "noticeType", "mediaId", "receivedAt", "fields", "actions", "statements", "appeals");

    private final CaseService cases;

    CaseImportRoutes(CaseService cases) {
        this.cases = cases;
    }

    void importCases(Context ctx) {
        String source = Optional.ofNullable(ctx.queryParam("source"))
                .map(s -> Requests.capped("source", s).trim())
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> new Invalid("source", "'source' (the previous system's name) is required"));
        Actor importer = Actor.of(HttpApi.principal(ctx));
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        List<CaseImportCsv.Unit> units = type.regionMatches(true, 0, "text/csv", 0, 8)
                ? CaseImportCsv.read(body, MAX_LINES, 4 * MAX_ITEMS + 100)
                : jsonLines(body);
        List<Map<String, Object>> lines = new ArrayList<>();
        int imported = 0;
        int already = 0;
        for (CaseImportCsv.Unit u : units) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("line", u.line());
            String sourceId = u.sourceId();
            try {
                JsonNode n = u.node().get();
                sourceId = text(n, "sourceId");
                ImportedCase.Outcome o = cases.importCase(parse(n, sourceId), importer, source);
                // A batch sent again (a retried migration) answers the cases made the first time and changes nothing.
                r.put("status", o.alreadyImported() ? "already-imported" : "imported");
                r.put("sourceId", sourceId);
                r.put("caseId", o.file().id());
                if (o.alreadyImported()) already++;
                else imported++;
            } catch (DomainException e) {
                refused(
                        r,
                        u.line(),
                        sourceId,
                        e.code(),
                        e.getMessage(),
                        e instanceof Invalid i ? i.field() : Optional.empty());
            } catch (ApiException e) {
                refused(r, u.line(), sourceId, e.code, e.getMessage(), Optional.empty());
            }
            lines.add(r);
        }
        HttpApi.json(
                ctx,
                200,
                Map.of(
                        "imported",
                        imported,
                        "alreadyImported",
                        already,
                        "refused",
                        lines.size() - imported - already,
                        "lines",
                        lines));
    }

    /** One case per non-empty line. */
    private static List<CaseImportCsv.Unit> jsonLines(String body) {
        List<CaseImportCsv.Unit> units = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) end = body.length();
            String line = body.substring(start, end).strip();
            start = end + 1;
            lineNo++;
            if (line.isEmpty()) continue;
            if (units.size() >= MAX_LINES)
                throw new Invalid("body", "more than " + MAX_LINES + " cases in one import; send them in batches");
            units.add(new CaseImportCsv.Unit(lineNo, "?", () -> Requests.jsonObject(line)));
        }
        return units;
    }

    private static void refused(
            Map<String, Object> r, int lineNo, String sourceId, String code, String message, Optional<String> field) {
        r.put("status", "refused");
        r.put("sourceId", sourceId);
        r.put("code", code);
        field.ifPresent(f -> r.put("field", f));
        r.put("message", "line " + lineNo + ", case " + sourceId + ": " + message);
    }

    private static ImportedCase parse(JsonNode n, String sourceId) {
        Requests.onlyFields(n, CASE_FIELDS);
        Map<String, String> fields = new LinkedHashMap<>();
        n.path("fields")
                .fields()
                .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        List<ImportedCase.PastAction> actions = new ArrayList<>();
        for (JsonNode a : items(n, "actions")) {
            String f = "actions[" + actions.size() + "]";
            actions.add(new ImportedCase.PastAction(
                    CaseAction.parse(text(a, "action", f + ".action")),
                    instant(a, "at", f + ".at"),
                    text(a, "actor", f + ".actor"),
                    optText(a, "note").orElse("")));
        }
        List<ImportedCase.PastStatement> statements = new ArrayList<>();
        for (JsonNode s : items(n, "statements")) {
            String f = "statements[" + statements.size() + "]";
            statements.add(new ImportedCase.PastStatement(instant(s, "at", f + ".at"), text(s, "puid", f + ".puid")));
        }
        List<ImportedCase.PastAppeal> appeals = new ArrayList<>();
        for (JsonNode a : items(n, "appeals")) {
            String f = "appeals[" + appeals.size() + "]";
            Optional<Instant> decided = a.hasNonNull("decidedAt")
                    ? Optional.of(instant(a, "decidedAt", f + ".decidedAt"))
                    : Optional.empty();
            Optional<Boolean> reversed = Optional.empty();
            if (decided.isPresent()) {
                JsonNode v = a.path("reversed");
                if (!v.isBoolean()) throw new Invalid(f + ".reversed", f + ".reversed must be true or false");
                reversed = Optional.of(v.booleanValue());
            }
            appeals.add(new ImportedCase.PastAppeal(
                    instant(a, "receivedAt", f + ".receivedAt"),
                    text(a, "appellant", f + ".appellant"),
                    text(a, "statement", f + ".statement"),
                    decided,
                    reversed,
                    optText(a, "reviewer").orElse("")));
        }
        return new ImportedCase(
                sourceId,
                text(n, "noticeType"),
                text(n, "mediaId"),
                instant(n, "receivedAt", "receivedAt"),
                fields,
                actions,
                statements,
                appeals);
    }

    private static List<JsonNode> items(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) return List.of();
        if (!v.isArray()) throw new Invalid(field, "'" + field + "' must be an array");
        if (v.size() > MAX_ITEMS) throw new Invalid(field, "'" + field + "' has more than " + MAX_ITEMS + " entries");
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private static String text(JsonNode n, String field) {
        return text(n, field, field);
    }

    private static String text(JsonNode n, String field, String label) {
        return optText(n, field).orElseThrow(() -> new Invalid(label, "'" + label + "' is required and must be text"));
    }

    private static Optional<String> optText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) return Optional.empty();
        return Optional.of(Requests.capped(field, v.asText()).trim());
    }

    private static Instant instant(JsonNode n, String field, String label) {
        String s = text(n, field, label);
        if (s.length() > 40) throw new Invalid(label, "'" + label + "' is not an ISO-8601 instant");
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new Invalid(label, "'" + label + "' is not an ISO-8601 instant such as 2026-01-31T10:00:00Z: " + s);
        }
    }
}
