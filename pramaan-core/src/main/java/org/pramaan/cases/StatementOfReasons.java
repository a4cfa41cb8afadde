package org.pramaan.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pramaan.assessment.Tier;
import org.pramaan.intake.MediaRecord;
import org.pramaan.media.MediaKind;

/**
 * DSA art.17 statements of reasons, built when a restriction applies (art.17(1): "at the latest"
 * then) and shaped as the EU Transparency Database's StatementStoreRequest (API v2) so they can be
 * submitted under art.24(5). {@link #validate} applies the database's rules before export: required
 * fields, enumerations, length limits, the {@code puid} pattern and YYYY-MM-DD dates.
 */
public final class StatementOfReasons {
    static final Set<String> VISIBILITY = Set.of(
            "DECISION_VISIBILITY_CONTENT_REMOVED",
            "DECISION_VISIBILITY_CONTENT_DISABLED",
            "DECISION_VISIBILITY_CONTENT_DEMOTED",
            "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_LABELLED",
            "DECISION_VISIBILITY_OTHER");
    static final Set<String> GROUNDS =
            Set.of("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
    static final Set<String> SOURCES =
            Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY");
    static final Set<String> AUTOMATED_DECISION =
            Set.of("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED");
    static final Set<String> CONTENT_TYPES = Set.of(
            "CONTENT_TYPE_APP",
            "CONTENT_TYPE_AUDIO",
            "CONTENT_TYPE_IMAGE",
            "CONTENT_TYPE_PRODUCT",
            "CONTENT_TYPE_SYNTHETIC_MEDIA",
            "CONTENT_TYPE_TEXT",
            "CONTENT_TYPE_VIDEO",
            "CONTENT_TYPE_OTHER");
    /** The territories the database accepts; which of them a jurisdiction's restrictions cover by default is its rule pack's. */
    static final Set<String> EEA = RulePack.EEA;

    static final Set<String> ACCOUNT_DECISIONS = Set.of("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private StatementOfReasons() {}

    /** The statement for an action on a case; {@code seq} makes its puid unique within the case. */
    public static Map<String, Object> forAction(
            CaseFile c, CaseAction action, MediaRecord media, String note, Instant at, int seq, RulePack pack) {
        return forAction(c, action, media, note, at, seq, Map.of(), pack);
    }

    /**
     * As above, with the action's parameters: {@code territories} of a geo-restriction (art.17(3)(a)
     * territorial scope) and {@code until} of an account suspension (its duration). A restriction
     * naming no territories takes the case's pack's default scope, when it has a Transparency Database rule.
     */
    public static Map<String, Object> forAction(
            CaseFile c,
            CaseAction action,
            MediaRecord media,
            String note,
            Instant at,
            int seq,
            Map<String, String> params,
            RulePack pack) {
        Map<String, Object> s = new LinkedHashMap<>();
        List<String> territories = List.of();
        switch (action) {
            case REMOVE -> s.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_REMOVED"));
            case GEO_RESTRICT -> {
                s.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DISABLED"));
                territories = List.copyOf(
                        org.pramaan.limits.PlainText.split(params.getOrDefault("territories", ""), ',', false));
            }
            case LABEL -> s.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_LABELLED"));
            case DEMOTE -> s.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DEMOTED"));
            case SUSPEND_ACCOUNT -> {
                s.put("decision_account", "DECISION_ACCOUNT_SUSPENDED");
                if (params.containsKey("until"))
                    s.put("end_date_account_restriction", DAY.format(Instant.parse(params.get("until"))));
            }
            case RESTORE -> {
                s.put("decision_visibility", List.of("DECISION_VISIBILITY_OTHER"));
                s.put("decision_visibility_other", "earlier restriction reversed; content restored");
            }
            default ->
                throw new org.pramaan.errors.Invalid(
                        "action", action + " restricts nothing, so it needs no statement of reasons");
        }
        s.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
        s.put("illegal_content_legal_ground", truncate(c.article() + " (" + c.noticeType() + ")", 500));
        s.put("illegal_content_explanation", truncate(explanation(c, media, note), 2000));
        s.put("content_type", contentTypes(media));
        // The notice type's classification is its rule pack's (statementOfReasons), not a list of type ids here.
        RulePack.StatementClass sc = pack.noticeType(c.noticeType())
                .map(RulePack.NoticeType::statementClass)
                .orElse(RulePack.StatementClass.DEFAULT);
        s.put("category", c.notice().getOrDefault("sor_category", sc.category()));
        if (synthetic(media)) s.put("category_specification", List.of(sc.syntheticMediaKeyword()));
        s.put("content_date", DAY.format(media.firstSeenAt()));
        s.put("application_date", DAY.format(at));
        s.put(
                "decision_facts",
                truncate(
                        "Notice " + c.id() + " (" + c.noticeType() + ") received " + c.receivedAt() + "; action "
                                + action + (territories.isEmpty() ? "" : " in " + String.join(",", territories))
                                + " taken " + at + ". " + note,
                        5000));
        s.put("source_type", NoticeFields.trustedFlagger(c) ? "SOURCE_TRUSTED_FLAGGER" : sc.sourceType());
        s.put("automated_detection", "No");
        s.put("automated_decision", "AUTOMATED_DECISION_NOT_AUTOMATED");
        // The database knows EEA territories only; a restriction elsewhere (e.g. India) is stated in decision_facts.
        List<String> eea = territories.stream().filter(EEA::contains).toList();
        if (!eea.isEmpty()) s.put("territorial_scope", eea);
        else if (territories.isEmpty())
            pack.transparencyDatabase()
                    .map(RulePack.TransparencyDatabase::defaultTerritorialScope)
                    .filter(scope -> !scope.isEmpty())
                    .ifPresent(scope -> s.put("territorial_scope", scope));
        s.put("puid", c.id() + "-" + seq);
        return s;
    }

    /** The database's acceptance rules; an empty list means the statement may be submitted. */
    public static List<String> validate(Map<String, Object> s) {
        List<String> problems = new ArrayList<>();
        for (String f : List.of(
                "decision_ground",
                "content_type",
                "category",
                "content_date",
                "application_date",
                "decision_facts",
                "source_type",
                "automated_detection",
                "automated_decision",
                "puid")) {
            if (!s.containsKey(f) || String.valueOf(s.get(f)).isBlank()) problems.add(f + " is required");
        }
        if (!(s.containsKey("decision_visibility")
                || s.containsKey("decision_monetary")
                || s.containsKey("decision_provision")
                || s.containsKey("decision_account"))) {
            problems.add(
                    "one of decision_visibility, decision_monetary, decision_provision, decision_account is required");
        }
        oneOf(problems, s, "decision_ground", GROUNDS);
        oneOf(problems, s, "source_type", SOURCES);
        oneOf(problems, s, "automated_decision", AUTOMATED_DECISION);
        oneOf(problems, s, "automated_detection", Set.of("Yes", "No"));
        eachOf(problems, s, "decision_visibility", VISIBILITY);
        oneOf(problems, s, "decision_account", ACCOUNT_DECISIONS);
        if (s.containsKey("territorial_scope")) eachOf(problems, s, "territorial_scope", EEA);
        if (s.containsKey("end_date_account_restriction")
                && !org.pramaan.limits.PlainText.isDateShape(String.valueOf(s.get("end_date_account_restriction")))) {
            problems.add("end_date_account_restriction must be YYYY-MM-DD");
        }
        eachOf(problems, s, "content_type", CONTENT_TYPES);
        if (String.valueOf(s.get("category")).isBlank()
                || !String.valueOf(s.get("category")).startsWith("STATEMENT_CATEGORY_"))
            problems.add("category must be a STATEMENT_CATEGORY_* value");
        if (s.get("category_specification") instanceof List<?> l
                && l.stream().anyMatch(k -> !String.valueOf(k).startsWith("KEYWORD_"))) {
            problems.add("category_specification values must be KEYWORD_* values");
        }
        maxLength(problems, s, "decision_facts", 5000);
        maxLength(problems, s, "puid", 500);
        maxLength(problems, s, "illegal_content_legal_ground", 500);
        maxLength(problems, s, "illegal_content_explanation", 2000);
        maxLength(problems, s, "decision_visibility_other", 500);
        if (s.containsKey("puid") && !org.pramaan.limits.PlainText.isWordOrDash(String.valueOf(s.get("puid"))))
            problems.add("puid must match ^[a-zA-Z0-9-_]+$");
        for (String d : List.of("content_date", "application_date")) {
            if (s.containsKey(d) && !org.pramaan.limits.PlainText.isDateShape(String.valueOf(s.get(d))))
                problems.add(d + " must be YYYY-MM-DD");
        }
        if ("DECISION_GROUND_ILLEGAL_CONTENT".equals(s.get("decision_ground"))) {
            for (String f : List.of("illegal_content_legal_ground", "illegal_content_explanation"))
                if (!s.containsKey(f)) problems.add(f + " is required for illegal content");
        }
        if (s.get("decision_visibility") instanceof List<?> l
                && l.contains("DECISION_VISIBILITY_OTHER")
                && !s.containsKey("decision_visibility_other")) {
            problems.add("decision_visibility_other is required with DECISION_VISIBILITY_OTHER");
        }
        return problems;
    }

    private static String explanation(CaseFile c, MediaRecord media, String note) {
        return "The content was restricted under " + c.article() + " following notice " + c.id()
                + ". Pramaan assessed it as " + media.assessment().tier() + ". "
                + (note.isBlank() ? "" : "Reviewer's note: " + note);
    }

    private static List<String> contentTypes(MediaRecord media) {
        List<String> t = new ArrayList<>();
        t.add(
                media.info().kind() == MediaKind.IMAGE
                        ? "CONTENT_TYPE_IMAGE"
                        : media.info().kind() == MediaKind.VIDEO ? "CONTENT_TYPE_VIDEO" : "CONTENT_TYPE_AUDIO");
        if (synthetic(media)) t.add("CONTENT_TYPE_SYNTHETIC_MEDIA");
        return t;
    }

    private static boolean synthetic(MediaRecord media) {
        Tier tier = media.assessment().tier();
        return tier == Tier.CONFIRMED_SYNTHETIC || tier == Tier.DECLARED_SYNTHETIC || tier == Tier.SUSPECTED_SYNTHETIC;
    }

    private static void oneOf(List<String> p, Map<String, Object> s, String f, Set<String> allowed) {
        if (s.containsKey(f) && !allowed.contains(String.valueOf(s.get(f))))
            p.add(f + " '" + s.get(f) + "' is not one of " + new java.util.TreeSet<>(allowed));
    }

    private static void eachOf(List<String> p, Map<String, Object> s, String f, Set<String> allowed) {
        if (!s.containsKey(f)) return;
        if (!(s.get(f) instanceof List<?> l) || l.isEmpty()) {
            p.add(f + " must be a non-empty list");
            return;
        }
        for (Object v : l) if (!allowed.contains(String.valueOf(v))) p.add(f + " value '" + v + "' is not allowed");
    }

    private static void maxLength(List<String> p, Map<String, Object> s, String f, int max) {
        if (s.containsKey(f) && String.valueOf(s.get(f)).length() > max)
            p.add(f + " is longer than " + max + " characters");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
