package org.pramaan.cases;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
            return versions.stream()
                    .filter(v -> !v.effectiveFrom().isAfter(receivedAt))
                    .max(Comparator.comparing(Version::effectiveFrom));
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
        static final StatementClass DEFAULT = new StatementClass(
                "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
                "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",
                "SOURCE_TYPE_OTHER_NOTIFICATION",
                "no statementOfReasons in the pack: a generic notice of illegal content");
    }

    public record NoticeType(
            String id,
            String jurisdiction,
            String article,
            String title,
            List<ClockRule> clocks,
            List<String> requiredFields,
            List<Waiver> waivers,
            OnMissingFields onMissingFields,
            String missingFieldsSource,
            int severity,
            StatementClass statementClass) {
        /** Required fields that are absent or blank, less those a waiver excuses. */
        public List<String> missing(Map<String, String> fields) {
            java.util.Set<String> waived = new java.util.HashSet<>();
            for (Waiver w : waivers) {
                if (w.equals()
                        .equalsIgnoreCase(fields.getOrDefault(w.field(), "").trim())) waived.addAll(w.waive());
            }
            return requiredFields.stream()
                    .filter(f ->
                            !waived.contains(f) && fields.getOrDefault(f, "").isBlank())
                    .toList();
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
    static final Set<String> EEA = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO");

    /** The largest PDQ distance a pack may call "identical": PDQ's own match threshold is 31 of 256 bits. */
    static final int MAX_IDENTICAL_DISTANCE = 31;

    /** For packs without a {@code peopleTime} entry. */
    static final PeopleTime UTC =
            new PeopleTime(java.time.ZoneOffset.UTC, "no peopleTime in the pack: times are shown in UTC");

    private final String jurisdiction;
    private final Optional<IdenticalCopies> identicalCopies;
    private final Optional<TransparencyDatabase> transparencyDatabase;
    private final PeopleTime peopleTime;
    private final Map<String, NoticeType> types;
    private final AppealWindow appeals;
    private final Optional<RetentionRule> retention;
    private final Optional<RepeatInfringerRule> repeatInfringers;

    /** Built by {@link RulePackReader} once every entry is checked. */
    RulePack(
            String jurisdiction,
            Map<String, NoticeType> types,
            AppealWindow appeals,
            Optional<RetentionRule> retention,
            Optional<RepeatInfringerRule> repeatInfringers,
            Optional<IdenticalCopies> identicalCopies,
            Optional<TransparencyDatabase> transparencyDatabase,
            PeopleTime peopleTime) {
        this.jurisdiction = jurisdiction;
        this.types = types;
        this.appeals = appeals;
        this.retention = retention;
        this.repeatInfringers = repeatInfringers;
        this.identicalCopies = identicalCopies;
        this.transparencyDatabase = transparencyDatabase;
        this.peopleTime = peopleTime;
    }

    public Optional<RepeatInfringerRule> repeatInfringers() {
        return repeatInfringers;
    }

    public Optional<IdenticalCopies> identicalCopies() {
        return identicalCopies;
    }

    public Optional<TransparencyDatabase> transparencyDatabase() {
        return transparencyDatabase;
    }

    public PeopleTime peopleTime() {
        return peopleTime;
    }

    public Optional<RetentionRule> retention() {
        return retention;
    }

    public AppealWindow appeals() {
        return appeals;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public List<NoticeType> noticeTypes() {
        return List.copyOf(types.values());
    }

    public Optional<NoticeType> noticeType(String id) {
        return Optional.ofNullable(types.get(id));
    }

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
            if (in == null)
                throw new IllegalArgumentException(
                        "no rule pack for jurisdiction '" + jurisdiction + "' (looked for " + resource + ")");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /**
     * Reads a pack from its JSON; {@code origin} names the file in every error.
     *
     * @throws IllegalArgumentException naming the entry that is malformed or contradictory (bad configuration stops start-up)
     */
    public static RulePack parse(String json, String origin) {
        return RulePackReader.parse(json, origin);
    }
}
