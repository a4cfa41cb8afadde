package org.pramaan.decision;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pramaan.assessment.Assessment;
import org.pramaan.assessment.Reason;
import org.pramaan.assessment.Tier;
import org.pramaan.banks.BankKind;
import org.pramaan.banks.BankMatch;
import org.pramaan.json.Json;

/**
 * A jurisdiction's screening policy, loaded from {@code policies/<JURISDICTION>.json}: which
 * decision each tier gets and which bank matches override it. Each entry carries its legal basis so
 * decisions can cite it.
 */
public final class JurisdictionPolicy {
    /** A decision with the legal basis that makes it. */
    public record Rule(Decision decision, String basis) {}

    /** The decision for one upload, with the reasons that produced it. */
    public record Outcome(Decision decision, List<Reason> reasons) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    private final String jurisdiction;
    private final String version;
    private final Map<Tier, Rule> tiers;
    private final Map<String, Rule> bankMatches;

    private JurisdictionPolicy(
            String jurisdiction, String version, Map<Tier, Rule> tiers, Map<String, Rule> bankMatches) {
        this.jurisdiction = jurisdiction;
        this.version = version;
        this.tiers = tiers;
        this.bankMatches = bankMatches;
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public String version() {
        return version;
    }

    /** Loads a bundled policy; fails naming the jurisdiction when none exists or it is malformed. */
    public static JurisdictionPolicy load(String jurisdiction) {
        String code = jurisdiction.toUpperCase(Locale.ROOT);
        String resource = "/policies/" + code + ".json";
        try (InputStream in = JurisdictionPolicy.class.getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalArgumentException(
                        "no screening policy for jurisdiction '" + jurisdiction + "' (looked for " + resource + ")");
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public static JurisdictionPolicy parse(String json, String origin) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid JSON: " + e.getMessage(), e);
        }
        String jurisdiction = text(root, "jurisdiction", origin);
        String version = text(root, "version", origin);
        Map<Tier, Rule> tiers = new EnumMap<>(Tier.class);
        for (Tier t : Tier.values()) {
            JsonNode n = root.path("tiers").path(t.name());
            if (n.isMissingNode())
                throw new IllegalArgumentException(
                        origin + ": tiers." + t + " is missing; every tier needs a decision");
            tiers.put(t, rule(n, origin + ": tiers." + t));
        }
        Map<String, Rule> banks = new LinkedHashMap<>();
        root.path("bankMatches").fields().forEachRemaining(e -> {
            try {
                BankKind.parse(e.getKey()); // a typo in a kind would silently never match: fail at load instead
            } catch (
                    org.pramaan.errors.Invalid
                            ex) { // a bad policy file is configuration, refused at load like the rest of it
                throw new IllegalArgumentException(origin + ": bankMatches." + e.getKey() + ": " + ex.getMessage(), ex);
            }
            banks.put(e.getKey(), rule(e.getValue(), origin + ": bankMatches." + e.getKey()));
        });
        return new JurisdictionPolicy(jurisdiction, version, tiers, banks);
    }

    /** Acting matches in a bank kind with a rule win over the tier; among those the most severe decision wins. */
    public Outcome decide(Assessment assessment, List<BankMatch> matches) {
        List<Reason> reasons = new ArrayList<>();
        Optional<Decision> fromBanks = Optional.empty();
        for (BankMatch m : matches) {
            Rule r = bankMatches.get(m.kind().wireName());
            if (r == null) continue;
            if (!m.acts()) {
                reasons.add(new Reason(
                        "policy.bank.inert",
                        "a match in " + m.kind().wireName() + " bank '" + m.bank() + "' is "
                                + m.inert().get() + " and does not change the decision",
                        List.of()));
                continue;
            }
            reasons.add(new Reason(
                    "policy.bank." + m.kind().wireName(),
                    jurisdiction + " policy: a match in " + m.kind().wireName() + " bank '" + m.bank() + "' ("
                            + m.method() + " distance " + m.distance()
                            + m.mediaId().map(v -> ", media " + v).orElse("")
                            + m.caseId().map(c -> ", case " + c).orElse("")
                            + ") → " + r.decision() + ". " + r.basis(),
                    List.of()));
            if (fromBanks.isEmpty() || r.decision().compareTo(fromBanks.get()) > 0)
                fromBanks = Optional.of(r.decision());
        }
        if (fromBanks.isPresent()) return new Outcome(fromBanks.get(), reasons);
        Rule r = tiers.get(assessment.tier());
        if (assessment.restsOnModelsOnly() && r.decision().compareTo(Decision.REVIEW) > 0) {
            // Issue 16: a model's score alone never takes anything down, even where a policy blocks its tier.
            reasons.add(new Reason(
                    "policy.detector_cap",
                    jurisdiction + " policy " + version + ": " + assessment.tier() + " → " + r.decision()
                            + ", lowered to REVIEW because only detector models say synthetic",
                    List.of()));
            return new Outcome(Decision.REVIEW, reasons);
        }
        reasons.add(new Reason(
                "policy.tier." + assessment.tier().name().toLowerCase(Locale.ROOT),
                jurisdiction + " policy " + version + ": " + assessment.tier() + " → " + r.decision() + ". "
                        + r.basis(),
                List.of()));
        return new Outcome(r.decision(), reasons);
    }

    private static Rule rule(JsonNode n, String where) {
        String d = n.path("decision").asText("");
        Decision decision;
        try {
            decision = Decision.valueOf(d);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + ".decision must be one of ALLOW, LABEL, REVIEW, BLOCK, got '" + d + "'");
        }
        String basis = n.path("basis").asText("");
        if (basis.isBlank())
            throw new IllegalArgumentException(where + ".basis is missing: every rule cites its legal basis");
        return new Rule(decision, basis);
    }

    private static String text(JsonNode root, String field, String origin) {
        String v = root.path(field).asText("");
        if (v.isBlank()) throw new IllegalArgumentException(origin + ": '" + field + "' is missing");
        return v;
    }
}
