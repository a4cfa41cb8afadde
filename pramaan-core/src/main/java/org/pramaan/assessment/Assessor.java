package org.pramaan.assessment;

import java.util.ArrayList;
import java.util.List;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalStrength;
import org.pramaan.signals.SignalType;

/**
 * Turns signals into a tier. The strongest applicable rule wins; every signal that supports the
 * tier is cited. Rules:
 * <ul>
 *   <li>STRONG origin labels (IPTC AI source type; GB 45438 Label "1") confirm.</li>
 *   <li>An uploader's "synthetic" declaration makes it declared (r.4(1A)); a "not synthetic"
 *       declaration never overrides evidence, it only adds a contradiction reason.</li>
 *   <li>MODERATE generator traces, or GB 45438 Label "2"/"3", make it suspected.</li>
 *   <li>WEAK AI hints make it inconclusive.</li>
 *   <li>A detector model's calibrated probability at or above its operating point makes it
 *       suspected at most, never confirmed; disagreements with deterministic evidence are reasons
 *       ({@link DetectorReasons}).</li>
 * </ul>
 * Hashes and bare manifest presence (INFO) never move the tier: a C2PA manifest alone says nothing
 * about AI, and treating edit history as AI is the "Made with AI" mislabel to avoid. A validated C2PA
 * manifest counts through its digitalSourceType signal (strength set by
 * {@code org.pramaan.signals.C2paSignals}: Valid/Trusted confirms, an invalid one never does).
 */
public final class Assessor {

    public Assessment assess(List<Signal> signals) {
        List<Integer> confirmed = new ArrayList<>();
        List<Integer> suspected = new ArrayList<>();
        List<Integer> weak = new ArrayList<>();
        int declaredSynthetic = -1;
        int declaredAuthentic = -1;
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            switch (classify(s)) {
                case CONFIRMS -> confirmed.add(i);
                case SUSPECTS -> suspected.add(i);
                case HINTS -> weak.add(i);
                case DECLARES_SYNTHETIC -> declaredSynthetic = i;
                case DECLARES_AUTHENTIC -> declaredAuthentic = i;
                case NEUTRAL -> {}
            }
        }
        for (int i : confirmed) reasons.add(reasonFor(signals.get(i), i));
        if (declaredSynthetic >= 0) {
            reasons.add(new Reason(
                    "declaration.synthetic",
                    "the uploader declared the content synthetic (IT Rules r.4(1A))",
                    List.of(declaredSynthetic)));
        }
        for (int i : suspected) reasons.add(reasonFor(signals.get(i), i));
        for (int i : weak) reasons.add(reasonFor(signals.get(i), i));
        if (declaredAuthentic >= 0 && !(confirmed.isEmpty() && suspected.isEmpty())) {
            reasons.add(new Reason(
                    "declaration.contradicted",
                    "the uploader declared the content not synthetic, but the file carries synthetic-origin evidence",
                    List.of(declaredAuthentic)));
        }
        Tier tier = !confirmed.isEmpty()
                ? Tier.CONFIRMED_SYNTHETIC
                : declaredSynthetic >= 0
                        ? Tier.DECLARED_SYNTHETIC
                        : !suspected.isEmpty()
                                ? Tier.SUSPECTED_SYNTHETIC
                                : !weak.isEmpty() ? Tier.INCONCLUSIVE : Tier.NO_EVIDENCE;
        reasons.addAll(DetectorReasons.after(signals, tier, confirmed, suspected));
        reasons.addAll(DetectorReasons.likeness(signals));
        if (tier == Tier.NO_EVIDENCE) {
            reasons.add(new Reason(
                    "no_evidence",
                    "no provenance label, generator trace or declaration says this is synthetic",
                    List.of()));
        }
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).type() == SignalType.C2PA_MANIFEST
                    && !"true".equals(signals.get(i).attributes().get("validated"))) {
                // Presence is reported so a reviewer knows to look; its claims count only once validated.
                reasons.add(new Reason(
                        "c2pa.unvalidated",
                        "a C2PA manifest is present at " + signals.get(i).location()
                                + "; it has not been validated, so its claims are not used for this tier",
                        List.of(i)));
            }
        }
        return new Assessment(tier, reasons);
    }

    private enum Weight {
        CONFIRMS,
        SUSPECTS,
        HINTS,
        DECLARES_SYNTHETIC,
        DECLARES_AUTHENTIC,
        NEUTRAL
    }

    private static Weight classify(Signal s) {
        if (s.type() == SignalType.UPLOADER_DECLARATION) {
            return "synthetic".equals(s.value()) ? Weight.DECLARES_SYNTHETIC : Weight.DECLARES_AUTHENTIC;
        }
        if (s.type() == SignalType.HASH_BANK_MATCH) {
            // A match against a bank of known deepfakes is confirmation; other banks (removed,
            // allow-lists) drive the decision, not the tier.
            boolean acts = !s.attributes().containsKey("inert");
            return acts && "known-deepfake".equals(s.attributes().get("bankKind")) ? Weight.CONFIRMS : Weight.NEUTRAL;
        }
        if (DetectorReasons.isModel(s)) {
            // A model's score alone never confirms (issue 16): at most "suspected", whatever strength it carries.
            return DetectorReasons.saysSynthetic(s) ? Weight.SUSPECTS : Weight.NEUTRAL;
        }
        if ("false".equals(s.attributes().get("synthetic"))) return Weight.NEUTRAL;
        return switch (s.strength()) {
            case STRONG -> Weight.CONFIRMS;
            case MODERATE -> Weight.SUSPECTS;
            case WEAK ->
                "true".equals(s.attributes().get("ai")) || s.type() == SignalType.GB45438_AIGC
                        ? Weight.HINTS
                        : Weight.NEUTRAL;
            case INFO -> Weight.NEUTRAL;
        };
    }

    private static Reason reasonFor(Signal s, int index) {
        if (DetectorReasons.isModel(s)) return DetectorReasons.suspects(s, index);
        String code = switch (s.type()) {
            case IPTC_DIGITAL_SOURCE_TYPE -> "iptc.digital_source_type";
            case GB45438_AIGC -> "gb45438.aigc_label_" + s.value();
            case GENERATOR_METADATA -> "generator.metadata";
            case EXIF_SOFTWARE -> "exif.software";
            case HASH_BANK_MATCH -> "bank.match";
            case C2PA_MANIFEST -> "c2pa.digital_source_type";
            case INVISIBLE_WATERMARK -> "watermark." + s.attributes().getOrDefault("watermark", "unknown");
            default -> s.type().name().toLowerCase(java.util.Locale.ROOT);
        };
        String strength = s.strength() == SignalStrength.STRONG
                ? ""
                : " (" + s.strength().name().toLowerCase(java.util.Locale.ROOT) + " evidence)";
        return new Reason(
                code,
                s.type() + " '" + abbreviate(s.value()) + "' found at " + s.location() + strength,
                List.of(index));
    }

    private static String abbreviate(String v) {
        return v.length() <= 120 ? v : v.substring(0, 117) + "...";
    }
}
