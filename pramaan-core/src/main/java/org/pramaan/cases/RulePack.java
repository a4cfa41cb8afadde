package org.pramaan.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.json.Json;

/**
 * A jurisdiction's notice types and their clocks, loaded from {@code rulepacks/<J>.json}. A notice
 * keeps the clock in force when it was received: each clock lists durations with the date each
 * took effect. A malformed or contradictory pack fails at load time naming the entry.
 */
public final class RulePack {
    /** One duration of a clock and the date it took effect. */
    public record Version(Instant effectiveFrom, Duration duration, String source) {}

    /** A clock a notice type starts, e.g. {@code remove} within 3 h. */
    public record ClockRule(String name, List<Double> escalateAt, List<Version> versions) {
        /** The version in force at {@code receivedAt}: the latest whose effective date is not after it. */
        public Optional<Version> inForceAt(Instant receivedAt) {
            return versions.stream().filter(v -> !v.effectiveFrom().isAfter(receivedAt)).max(Comparator.comparing(Version::effectiveFrom));
        }
    }

    /** What happens when a notice lacks required fields. */
    public enum OnMissingFields {
        /** Open the case and run the clock, but route it to legal review (IN r.3(1)(d) orders). */
        LEGAL_REVIEW,
        /** Open the case without a clock and tell the notifier what is missing; the clock starts when it is complete. */
        AWAIT_INFORMATION
    }

    /** Fields a notice need not carry when another field has a given value (e.g. DSA art.16(2)(c) for CSAM). */
    public record Waiver(String field, String equals, List<String> waive, String source) {}

    /**
     * How a notice type's DSA art.17 statements of reasons are classified in the Transparency Database
     * (StatementStoreRequest {@code category}, {@code category_specification} for synthetic media, {@code source_type}).
     */
    public record StatementClass(String category, String syntheticMediaKeyword, String sourceType, String source) {
        /** For notice types whose pack says nothing: a generic notice about illegal content. */
        static final StatementClass DEFAULT = new StatementClass("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",
                "SOURCE_TYPE_OTHER_NOTIFICATION", "no statementOfReasons in the pack: a generic notice of illegal content");
    }

    public record NoticeType(String id, String jurisdiction, String article, String title, List<ClockRule> clocks, List<String> requiredFields,
                             List<Waiver> waivers, OnMissingFields onMissingFields, String missingFieldsSource, int severity, StatementClass statementClass) {
        /** Required fields that are absent or blank, less those a waiver excuses. */
        public List<String> missing(Map<String, String> fields) {
            java.util.Set<String> waived = new java.util.HashSet<>();
            for (Waiver w : waivers) {
                if (w.equals().equalsIgnoreCase(fields.getOrDefault(w.field(), "").trim())) waived.addAll(w.waive());
            }
            return requiredFields.stream().filter(f -> !waived.contains(f) && fields.getOrDefault(f, "").isBlank()).toList();
        }
    }

    /** How long removed content must be kept, and the rule behind it. */
    public record RetentionRule(Duration removedContent, String source) {}

    /**
     * DSA art.23(1): accounts that frequently provide manifestly illegal content are warned, then
     * suspended. {@code warnAfter} and {@code suspendAfter} count content restrictions within
     * {@code window}; reaching them flags the case for a reviewer, who decides (art.23(3): case by case).
     */
    public record RepeatInfringerRule(Duration window, int warnAfter, int suspendAfter, String source) {}

    /** How long after a restriction the affected user may appeal, and the rule behind it. */
    public record AppealWindow(Duration window, String source) {}

    /**
     * TAKE IT DOWN Act (47 U.S.C. s.223a(a)(3)): with a removal, reasonable efforts to remove identical
     * copies. Stored media whose PDQ hash is within {@code maxPdqDistance} bits (a re-encode of the same
     * picture, not a different one) is removed and banked too.
     */
    public record IdenticalCopies(int maxPdqDistance, String source) {}

    /**
     * DSA art.24(5): statements of reasons go to the Commission's Transparency Database. A restriction
     * that names no territories applies in {@code defaultTerritorialScope} (art.17(3)(a)).
     */
    public record TransparencyDatabase(List<String> defaultTerritorialScope, String source) {}

    /** The clock in which times are shown to the jurisdiction's people (e.g. IST for India), and why. */
    public record PeopleTime(java.time.ZoneId zone, String source) {}

    /** Territories the Transparency Database accepts (EEA: the EU member states plus IS, LI, NO). */
    static final Set<String> EEA = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
            "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO");

    /** The largest PDQ distance a pack may call "identical": PDQ's own match threshold is 31 of 256 bits. */
    static final int MAX_IDENTICAL_DISTANCE = 31;

    private final String jurisdiction;
    private Optional<IdenticalCopies> identicalCopies = Optional.empty();
    private Optional<TransparencyDatabase> transparencyDatabase = Optional.empty();
    private PeopleTime peopleTime = new PeopleTime(java.time.ZoneOffset.UTC, "no peopleTime in the pack: times are shown in UTC");
    private final Map<String, NoticeType> types;
    private final AppealWindow appeals;
    private final Optional<RetentionRule> retention;
    private final Optional<RepeatInfringerRule> repeatInfringers;

    private RulePack(String jurisdiction, Map<String, NoticeType> types, AppealWindow appeals, Optional<RetentionRule> retention,
                     Optional<RepeatInfringerRule> repeatInfringers) {
        this.jurisdiction = jurisdiction;
        this.types = types;
        this.appeals = appeals;
        this.retention = retention;
        this.repeatInfringers = repeatInfringers;
    }

    public Optional<RepeatInfringerRule> repeatInfringers() { return repeatInfringers; }

    public Optional<IdenticalCopies> identicalCopies() { return identicalCopies; }

    public Optional<TransparencyDatabase> transparencyDatabase() { return transparencyDatabase; }

    public PeopleTime peopleTime() { return peopleTime; }

    public Optional<RetentionRule> retention() { return retention; }

    public AppealWindow appeals() { return appeals; }

    public String jurisdiction() { return jurisdiction; }

    public List<NoticeType> noticeTypes() { return List.copyOf(types.values()); }

    public Optional<NoticeType> noticeType(String id) { return Optional.ofNullable(types.get(id)); }

    /**
     * Loads {@code <dir>/<J>.json} when an operator supplied one (their own published limits, a
     * corrected clause), else the bundled pack.
     */
    public static RulePack load(String jurisdiction, Optional<java.nio.file.Path> dir) {
        if (dir.isPresent()) {
            java.nio.file.Path file = dir.get().resolve(jurisdiction.toUpperCase(Locale.ROOT) + ".json");
            if (java.nio.file.Files.isRegularFile(file)) {
                try {
                    return parse(java.nio.file.Files.readString(file), file.toString());
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read rule pack " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return load(jurisdiction);
    }

    public static RulePack load(String jurisdiction) {
        String resource = "/rulepacks/" + jurisdiction.toUpperCase(Locale.ROOT) + ".json";
        try (InputStream in = RulePack.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no rule pack for jurisdiction '" + jurisdiction + "' (looked for " + resource + ")");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public static RulePack parse(String json, String origin) {
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
                if (!clockNames.add(rule.name())) throw new IllegalArgumentException(where + ": clock '" + rule.name() + "' is defined twice");
                clocks.add(rule);
            }
            if (clocks.isEmpty()) throw new IllegalArgumentException(where + " has no clocks");
            List<String> requiredFields = new ArrayList<>();
            t.path("requiredFields").forEach(f -> requiredFields.add(f.asText()));
            List<Waiver> waivers = new ArrayList<>();
            for (JsonNode w : t.path("waivers")) {
                List<String> waive = new ArrayList<>();
                w.path("waive").forEach(f -> waive.add(f.asText()));
                if (!requiredFields.containsAll(waive)) throw new IllegalArgumentException(where + ": a waiver names fields that are not required: " + waive);
                waivers.add(new Waiver(required(w.path("when"), "field", where + " waiver"), required(w.path("when"), "equals", where + " waiver"),
                        List.copyOf(waive), required(w, "source", where + " waiver")));
            }
            OnMissingFields onMissing = OnMissingFields.LEGAL_REVIEW;
            String missingSource = "";
            if (!requiredFields.isEmpty()) {
                String m = required(t, "onMissingFields", where);
                try {
                    onMissing = OnMissingFields.valueOf(m);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": onMissingFields must be LEGAL_REVIEW or AWAIT_INFORMATION, got '" + m + "'");
                }
                missingSource = required(t, "missingFieldsSource", where);
            }
            int severity = t.path("severity").asInt(2);
            if (severity < 1 || severity > 3) throw new IllegalArgumentException(where + ": severity must be 1 (most severe), 2 or 3, got " + t.path("severity"));
            types.put(id, new NoticeType(id, jurisdiction, required(t, "article", where), required(t, "title", where), List.copyOf(clocks),
                    List.copyOf(requiredFields), List.copyOf(waivers), onMissing, missingSource, severity, statementClass(t.path("statementOfReasons"), where + ": statementOfReasons")));
        }
        if (types.isEmpty()) throw new IllegalArgumentException(origin + ": no notice types");
        JsonNode a = root.path("appeals");
        AppealWindow appeals = new AppealWindow(parseDuration(required(a, "window", origin + ": appeals"), origin + ": appeals"),
                required(a, "source", origin + ": appeals"));
        JsonNode r = root.path("retention");
        Optional<RetentionRule> retention = r.isMissingNode() ? Optional.empty() : Optional.of(new RetentionRule(
                parseDuration(required(r, "removedContent", origin + ": retention"), origin + ": retention"), required(r, "source", origin + ": retention")));
        RulePack pack = new RulePack(jurisdiction, types, appeals, retention, repeatInfringers(root.path("repeatInfringers"), origin + ": repeatInfringers"));
        pack.identicalCopies = identicalCopies(root.path("identicalCopies"), origin + ": identicalCopies");
        pack.transparencyDatabase = transparencyDatabase(root.path("transparencyDatabase"), origin + ": transparencyDatabase");
        JsonNode pt = root.path("peopleTime");
        if (!pt.isMissingNode()) pack.peopleTime = new PeopleTime(zone(required(pt, "zone", origin + ": peopleTime"), origin + ": peopleTime"),
                required(pt, "source", origin + ": peopleTime"));
        return pack;
    }

    private static StatementClass statementClass(JsonNode r, String where) {
        if (r.isMissingNode()) return StatementClass.DEFAULT;
        if (!r.isObject()) throw new IllegalArgumentException(where + " must be an object with category, syntheticMediaKeyword, sourceType and source");
        String category = code(r, "category", "STATEMENT_CATEGORY_", where);
        String keyword = code(r, "syntheticMediaKeyword", "KEYWORD_", where);
        String sourceType = required(r, "sourceType", where);
        if (!StatementOfReasons.SOURCES.contains(sourceType) || sourceType.equals("SOURCE_TRUSTED_FLAGGER")) {
            // Trusted-flagger status belongs to the notifier's API key (DSA art.22), never to a notice type.
            throw new IllegalArgumentException(where + ": sourceType must be SOURCE_ARTICLE_16, SOURCE_TYPE_OTHER_NOTIFICATION or SOURCE_VOLUNTARY, got '" + sourceType + "'");
        }
        return new StatementClass(category, keyword, sourceType, required(r, "source", where));
    }

    /** A Transparency Database enumeration value: the prefix then capitals and underscores (plain code, no regex). */
    private static String code(JsonNode r, String field, String prefix, String where) {
        String v = required(r, field, where);
        boolean ok = v.length() <= 100 && v.startsWith(prefix) && v.length() > prefix.length();
        for (int i = 0; ok && i < v.length(); i++) ok = (v.charAt(i) >= 'A' && v.charAt(i) <= 'Z') || v.charAt(i) == '_';
        if (!ok) throw new IllegalArgumentException(where + ": " + field + " must be a database value like " + prefix + "..., got '" + v + "'");
        return v;
    }

    private static Optional<IdenticalCopies> identicalCopies(JsonNode r, String where) {
        if (r.isMissingNode()) return Optional.empty();
        if (!r.isObject()) throw new IllegalArgumentException(where + " must be an object with maxPdqDistance and source");
        JsonNode d = r.path("maxPdqDistance");
        // Type-checked, never coerced: "8" or 8.5 is refused, not read as 8.
        if (!d.isInt() || d.asInt() < 0 || d.asInt() > MAX_IDENTICAL_DISTANCE) {
            throw new IllegalArgumentException(where + ": maxPdqDistance must be a whole number from 0 to " + MAX_IDENTICAL_DISTANCE + ", got " + d);
        }
        return Optional.of(new IdenticalCopies(d.asInt(), required(r, "source", where)));
    }

    private static Optional<TransparencyDatabase> transparencyDatabase(JsonNode r, String where) {
        if (r.isMissingNode()) return Optional.empty();
        if (!r.isObject()) throw new IllegalArgumentException(where + " must be an object with defaultTerritorialScope and source");
        JsonNode scope = r.path("defaultTerritorialScope");
        if (!scope.isArray()) throw new IllegalArgumentException(where + ": defaultTerritorialScope must be a list of EEA country codes, got " + scope);
        List<String> codes = new ArrayList<>();
        for (JsonNode t : scope) {
            if (!t.isTextual() || !EEA.contains(t.asText())) {
                throw new IllegalArgumentException(where + ": defaultTerritorialScope entry " + t + " is not an EEA country code the database accepts");
            }
            if (codes.contains(t.asText())) throw new IllegalArgumentException(where + ": defaultTerritorialScope lists " + t + " twice");
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
        if (warn < 1 || suspend <= warn) throw new IllegalArgumentException(where + ": needs warnAfter >= 1 and suspendAfter > warnAfter, got " + warn + " and " + suspend);
        return Optional.of(new RepeatInfringerRule(parseDuration(required(r, "window", where), where), warn, suspend, required(r, "source", where)));
    }

    private static ClockRule clock(JsonNode c, String where) {
        String name = required(c, "name", where + " clock");
        String cw = where + " clock '" + name + "'";
        List<Double> escalate = new ArrayList<>();
        double prev = 0;
        for (JsonNode e : c.path("escalateAt")) {
            double f = e.asDouble(-1);
            if (!(f > prev && f < 1)) throw new IllegalArgumentException(cw + ": escalateAt values must rise strictly within (0, 1), got " + e);
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
            throw new IllegalArgumentException(where + ": effectiveFrom '" + s + "' is not an ISO-8601 date-time with offset");
        }
    }

    private static Duration parseDuration(String s, String where) {
        try {
            Duration d = Duration.parse(s);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(where + ": duration must be positive, got " + s);
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
