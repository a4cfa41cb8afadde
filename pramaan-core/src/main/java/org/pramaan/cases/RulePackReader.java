package org.pramaan.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.cases.RulePack.AppealWindow;
import org.pramaan.cases.RulePack.ClockRule;
import org.pramaan.cases.RulePack.IdenticalCopies;
import org.pramaan.cases.RulePack.NoticeType;
import org.pramaan.cases.RulePack.OnMissingFields;
import org.pramaan.cases.RulePack.PeopleTime;
import org.pramaan.cases.RulePack.RepeatInfringerRule;
import org.pramaan.cases.RulePack.RetentionRule;
import org.pramaan.cases.RulePack.StatementClass;
import org.pramaan.cases.RulePack.TransparencyDatabase;
import org.pramaan.cases.RulePack.Version;
import org.pramaan.cases.RulePack.Waiver;
import org.pramaan.json.Json;

/** Reads and checks a rule pack's JSON: a malformed or contradictory entry fails here, naming the file and the entry (rule 3). */
final class RulePackReader {
    private RulePackReader() {}

    static RulePack parse(String json, String origin) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getMessage(), e);
        }
        String jurisdiction = required(root, "jurisdiction", origin);
        Map<String, NoticeType> types = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode t : root.path("noticeTypes")) {
            String where = origin + ": noticeTypes[" + i++ + "]";
            String id = required(t, "id", where);
            where = origin + ": notice type " + id;
            if (types.containsKey(id)) throw new IllegalArgumentException(where + " is defined twice");
            List<ClockRule> clocks = new ArrayList<>();
            Set<String> clockNames = new HashSet<>();
            for (JsonNode c : t.path("clocks")) {
                ClockRule rule = clock(c, where);
                if (!clockNames.add(rule.name()))
                    throw new IllegalArgumentException(where + ": clock '" + rule.name() + "' is defined twice");
                clocks.add(rule);
            }
            if (clocks.isEmpty()) throw new IllegalArgumentException(where + " has no clocks");
            List<String> requiredFields = new ArrayList<>();
            t.path("requiredFields").forEach(f -> requiredFields.add(f.asText()));
            List<Waiver> waivers = new ArrayList<>();
            for (JsonNode w : t.path("waivers")) {
                List<String> waive = new ArrayList<>();
                w.path("waive").forEach(f -> waive.add(f.asText()));
                if (!requiredFields.containsAll(waive))
                    throw new IllegalArgumentException(
                            where + ": a waiver names fields that are not required: " + waive);
                waivers.add(new Waiver(
                        required(w.path("when"), "field", where + " waiver"),
                        required(w.path("when"), "equals", where + " waiver"),
                        List.copyOf(waive),
                        required(w, "source", where + " waiver")));
            }
            OnMissingFields onMissing = OnMissingFields.LEGAL_REVIEW;
            String missingSource = "";
            if (!requiredFields.isEmpty()) {
                String m = required(t, "onMissingFields", where);
                try {
                    onMissing = OnMissingFields.valueOf(m);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            where + ": onMissingFields must be LEGAL_REVIEW or AWAIT_INFORMATION, got '" + m + "'");
                }
                missingSource = required(t, "missingFieldsSource", where);
            }
            int severity = t.path("severity").asInt(2);
            if (severity < 1 || severity > 3)
                throw new IllegalArgumentException(
                        where + ": severity must be 1 (most severe), 2 or 3, got " + t.path("severity"));
            types.put(
                    id,
                    new NoticeType(
                            id,
                            jurisdiction,
                            required(t, "article", where),
                            required(t, "title", where),
                            List.copyOf(clocks),
                            List.copyOf(requiredFields),
                            List.copyOf(waivers),
                            onMissing,
                            missingSource,
                            severity,
                            statementClass(t.path("statementOfReasons"), where + ": statementOfReasons")));
        }
        if (types.isEmpty()) throw new IllegalArgumentException(origin + ": no notice types");
        JsonNode a = root.path("appeals");
        AppealWindow appeals = new AppealWindow(
                parseDuration(required(a, "window", origin + ": appeals"), origin + ": appeals"),
                required(a, "source", origin + ": appeals"));
        JsonNode r = root.path("retention");
        Optional<RetentionRule> retention = r.isMissingNode()
                ? Optional.empty()
                : Optional.of(new RetentionRule(
                        parseDuration(required(r, "removedContent", origin + ": retention"), origin + ": retention"),
                        required(r, "source", origin + ": retention")));
        Optional<RepeatInfringerRule> repeat =
                repeatInfringers(root.path("repeatInfringers"), origin + ": repeatInfringers");
        Optional<IdenticalCopies> copies = identicalCopies(root.path("identicalCopies"), origin + ": identicalCopies");
        Optional<TransparencyDatabase> database =
                transparencyDatabase(root.path("transparencyDatabase"), origin + ": transparencyDatabase");
        JsonNode pt = root.path("peopleTime");
        PeopleTime people = pt.isMissingNode()
                ? RulePack.UTC
                : new PeopleTime(
                        zone(required(pt, "zone", origin + ": peopleTime"), origin + ": peopleTime"),
                        required(pt, "source", origin + ": peopleTime"));
        return new RulePack(jurisdiction, types, appeals, retention, repeat, copies, database, people);
    }

    private static StatementClass statementClass(JsonNode r, String where) {
        if (r.isMissingNode()) return StatementClass.DEFAULT;
        if (!r.isObject())
            throw new IllegalArgumentException(
                    where + " must be an object with category, syntheticMediaKeyword, sourceType and source");
        String category = code(r, "category", "STATEMENT_CATEGORY_", where);
        String keyword = code(r, "syntheticMediaKeyword", "KEYWORD_", where);
        String sourceType = required(r, "sourceType", where);
        if (!StatementOfReasons.SOURCES.contains(sourceType) || sourceType.equals("SOURCE_TRUSTED_FLAGGER")) {
            // Trusted-flagger status belongs to the notifier's API key (DSA art.22), never to a notice type.
            throw new IllegalArgumentException(where
                    + ": sourceType must be SOURCE_ARTICLE_16, SOURCE_TYPE_OTHER_NOTIFICATION or SOURCE_VOLUNTARY, got '"
                    + sourceType + "'");
        }
        return new StatementClass(category, keyword, sourceType, required(r, "source", where));
    }

    /** A Transparency Database enumeration value: the prefix then capitals and underscores (plain code, no regex). */
    private static String code(JsonNode r, String field, String prefix, String where) {
        String v = required(r, field, where);
        boolean ok = v.length() <= 100 && v.startsWith(prefix) && v.length() > prefix.length();
        for (int i = 0; ok && i < v.length(); i++)
            ok = (v.charAt(i) >= 'A' && v.charAt(i) <= 'Z') || v.charAt(i) == '_';
        if (!ok)
            throw new IllegalArgumentException(
                    where + ": " + field + " must be a database value like " + prefix + "..., got '" + v + "'");
        return v;
    }

    private static Optional<IdenticalCopies> identicalCopies(JsonNode r, String where) {
        if (r.isMissingNode()) return Optional.empty();
        if (!r.isObject())
            throw new IllegalArgumentException(where + " must be an object with maxPdqDistance and source");
        JsonNode d = r.path("maxPdqDistance");
        // Type-checked, never coerced: "8" or 8.5 is refused, not read as 8.
        if (!d.isInt() || d.asInt() < 0 || d.asInt() > RulePack.MAX_IDENTICAL_DISTANCE) {
            throw new IllegalArgumentException(where + ": maxPdqDistance must be a whole number from 0 to "
                    + RulePack.MAX_IDENTICAL_DISTANCE + ", got " + d);
        }
        return Optional.of(new IdenticalCopies(d.asInt(), required(r, "source", where)));
    }

    private static Optional<TransparencyDatabase> transparencyDatabase(JsonNode r, String where) {
        if (r.isMissingNode()) return Optional.empty();
        if (!r.isObject())
            throw new IllegalArgumentException(where + " must be an object with defaultTerritorialScope and source");
        JsonNode scope = r.path("defaultTerritorialScope");
        if (!scope.isArray())
            throw new IllegalArgumentException(
                    where + ": defaultTerritorialScope must be a list of EEA country codes, got " + scope);
        List<String> codes = new ArrayList<>();
        for (JsonNode t : scope) {
            if (!t.isTextual() || !RulePack.EEA.contains(t.asText())) {
                throw new IllegalArgumentException(where + ": defaultTerritorialScope entry " + t
                        + " is not an EEA country code the database accepts");
            }
            if (codes.contains(t.asText()))
                throw new IllegalArgumentException(where + ": defaultTerritorialScope lists " + t + " twice");
            codes.add(t.asText());
        }
        return Optional.of(new TransparencyDatabase(List.copyOf(codes), required(r, "source", where)));
    }

    private static java.time.ZoneId zone(String id, String where) {
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(where + ": zone '" + id + "' is not a time-zone id (e.g. Asia/Kolkata)");
        }
    }

    private static Optional<RepeatInfringerRule> repeatInfringers(JsonNode r, String where) {
        if (r.isMissingNode()) return Optional.empty();
        int warn = r.path("warnAfter").asInt(0);
        int suspend = r.path("suspendAfter").asInt(0);
        if (warn < 1 || suspend <= warn)
            throw new IllegalArgumentException(
                    where + ": needs warnAfter >= 1 and suspendAfter > warnAfter, got " + warn + " and " + suspend);
        return Optional.of(new RepeatInfringerRule(
                parseDuration(required(r, "window", where), where), warn, suspend, required(r, "source", where)));
    }

    private static ClockRule clock(JsonNode c, String where) {
        String name = required(c, "name", where + " clock");
        String cw = where + " clock '" + name + "'";
        List<Double> escalate = new ArrayList<>();
        double prev = 0;
        for (JsonNode e : c.path("escalateAt")) {
            double f = e.asDouble(-1);
            if (!(f > prev && f < 1))
                throw new IllegalArgumentException(
                        cw + ": escalateAt values must rise strictly within (0, 1), got " + e);
            escalate.add(f);
            prev = f;
        }
        List<Version> versions = new ArrayList<>();
        Set<Instant> seen = new HashSet<>();
        for (JsonNode v : c.path("durations")) {
            Instant from = parseInstant(required(v, "effectiveFrom", cw), cw);
            Duration d = parseDuration(required(v, "duration", cw), cw);
            if (!seen.add(from)) throw new IllegalArgumentException(cw + ": two durations take effect at " + from);
            versions.add(new Version(from, d, required(v, "source", cw)));
        }
        if (versions.isEmpty()) throw new IllegalArgumentException(cw + " has no durations");
        return new ClockRule(name, List.copyOf(escalate), List.copyOf(versions));
    }

    private static Instant parseInstant(String s, String where) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    where + ": effectiveFrom '" + s + "' is not an ISO-8601 date-time with offset");
        }
    }

    private static Duration parseDuration(String s, String where) {
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative() || d.isZero())
                throw new IllegalArgumentException(where + ": duration must be positive, got " + s);
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": duration '" + s + "' is not ISO-8601 (e.g. PT3H, P7D)");
        }
    }

    private static String required(JsonNode n, String field, String where) {
        String v = n.path(field).asText("");
        if (v.isBlank()) throw new IllegalArgumentException(where + ": '" + field + "' is missing");
        return v;
    }
}
