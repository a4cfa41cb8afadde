package org.pramaan.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.pramaan.errors.Invalid;
import org.pramaan.json.Json;
import org.pramaan.limits.PlainText;

/**
 * Cases to import as CSV, the form most case systems export: one row per fact, the rows of a case together, first
 * its {@code case} row. Each case becomes the same JSON object a JSON-lines import sends, so both forms pass one
 * validation. Columns (header required, in this order): {@value #HEADER}.
 *
 * <ul>
 *   <li>{@code case}: at = receivedAt, name = noticeType, value = mediaId
 *   <li>{@code field}: name = notice field, value = its value
 *   <li>{@code action}: at, name = action (REMOVE, RESTORE, ...), actor, note
 *   <li>{@code statement}: at, value = the statement's PUID
 *   <li>{@code appeal}: at = receivedAt, actor = appellant, note = the appellant's statement
 *   <li>{@code appeal-decision}: at = decidedAt, name = upheld or reversed, actor = reviewer (for the appeal before it)
 * </ul>
 *
 * Fields are RFC 4180 on one line (a quoted field cannot span lines).
 */
final class CaseImportCsv {
    static final String HEADER = "sourceId,record,at,name,value,actor,note";
    private static final List<String> COLUMNS = PlainText.split(HEADER, ',', true);

    /** One case's rows, ready to parse; {@code node} throws the refusal when the rows do not make a case. */
    record Unit(int line, String sourceId, Supplier<JsonNode> node) {}

    private CaseImportCsv() {}

    static List<Unit> read(String body, int maxCases, int maxRowsPerCase) {
        List<Unit> units = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int lineNo = 0;
        int start = 0;
        boolean header = true;
        Group group = null;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) end = body.length();
            String line = body.substring(start, end).strip();
            start = end + 1;
            lineNo++;
            if (line.isEmpty()) continue;
            if (header) {
                if (!PlainText.csvFields(line).equals(COLUMNS))
                    throw new Invalid("header", "the first CSV line must be the header '" + HEADER + "'");
                header = false;
                continue;
            }
            List<String> row;
            try {
                row = PlainText.csvFields(line);
            } catch (IllegalArgumentException e) {
                throw new Invalid("line " + lineNo, "line " + lineNo + ": " + e.getMessage());
            }
            if (row.size() != COLUMNS.size())
                throw new Invalid(
                        "line " + lineNo,
                        "line " + lineNo + " has " + row.size() + " fields; the header names " + COLUMNS.size());
            String sourceId = Requests.capped("sourceId", row.get(0).strip());
            if (group == null || !group.sourceId.equals(sourceId)) {
                if (!seen.add(sourceId))
                    throw new Invalid(
                            "line " + lineNo,
                            "line " + lineNo + ": the rows of case '" + sourceId + "' are not together");
                if (units.size() >= maxCases)
                    throw new Invalid("body", "more than " + maxCases + " cases in one import; send them in batches");
                group = new Group(lineNo, sourceId);
                Group g = group;
                units.add(new Unit(lineNo, sourceId, () -> g.node()));
            }
            if (group.rows.size() >= maxRowsPerCase)
                throw new Invalid(
                        "line " + lineNo, "case '" + sourceId + "' has more than " + maxRowsPerCase + " rows");
            group.rows.add(new Row(lineNo, row));
        }
        if (header) throw new Invalid("header", "the CSV is empty; its first line must be the header '" + HEADER + "'");
        return units;
    }

    private record Row(int line, List<String> f) {
        String col(int i) {
            return f.get(i).strip();
        }
    }

    private static final class Group {
        final int line;
        final String sourceId;
        final List<Row> rows = new ArrayList<>();

        Group(int line, String sourceId) {
            this.line = line;
            this.sourceId = sourceId;
        }

        JsonNode node() {
            ObjectNode n = Json.mapper().createObjectNode();
            n.put("sourceId", sourceId);
            ObjectNode fields = n.putObject("fields");
            ArrayNode actions = n.putArray("actions");
            ArrayNode statements = n.putArray("statements");
            ArrayNode appeals = n.putArray("appeals");
            Row first = rows.get(0);
            if (!first.col(1).equals("case"))
                throw new Invalid("record", "line " + line + ": a case's first row must be its 'case' row");
            for (Row r : rows) {
                switch (r.col(1)) {
                    case "case" -> {
                        if (r != first)
                            throw new Invalid("record", "line " + r.line + ": a second 'case' row for " + sourceId);
                        n.put("receivedAt", r.col(2));
                        n.put("noticeType", r.col(3));
                        n.put("mediaId", r.col(4));
                    }
                    case "field" -> {
                        if (fields.has(r.col(3)))
                            throw new Invalid(
                                    "fields." + r.col(3), "line " + r.line + ": field '" + r.col(3) + "' given twice");
                        fields.put(r.col(3), r.f.get(4));
                    }
                    case "action" ->
                        actions.addObject()
                                .put("action", r.col(3))
                                .put("at", r.col(2))
                                .put("actor", r.col(5))
                                .put("note", r.col(6));
                    case "statement" ->
                        statements.addObject().put("at", r.col(2)).put("puid", r.col(4));
                    case "appeal" ->
                        appeals.addObject()
                                .put("receivedAt", r.col(2))
                                .put("appellant", r.col(5))
                                .put("statement", r.col(6));
                    case "appeal-decision" -> decide(appeals, r);
                    default ->
                        throw new Invalid(
                                "record",
                                "line " + r.line + ": unknown record '" + PlainText.controlsAsQuestionMarks(r.col(1))
                                        + "'; expected case, field, action, statement, appeal or appeal-decision");
                }
            }
            return n;
        }

        private static void decide(ArrayNode appeals, Row r) {
            if (appeals.isEmpty() || appeals.get(appeals.size() - 1).has("decidedAt"))
                throw new Invalid(
                        "record",
                        "line " + r.line + ": an appeal-decision row needs an undecided appeal row before it");
            String outcome = r.col(3);
            if (!outcome.equals("upheld") && !outcome.equals("reversed"))
                throw new Invalid(
                        "name",
                        "line " + r.line + ": an appeal decision is 'upheld' or 'reversed', not '"
                                + PlainText.controlsAsQuestionMarks(outcome) + "'");
            ((ObjectNode) appeals.get(appeals.size() - 1))
                    .put("decidedAt", r.col(2))
                    .put("reversed", outcome.equals("reversed"))
                    .put("reviewer", r.col(5));
        }
    }
}
