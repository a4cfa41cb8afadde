package org.pramaan.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pramaan.signals.Signal;
import org.pramaan.signals.SignalType;

/**
 * The reasons a detector model's score adds (issue 16, "Fusion into tiers"). Deterministic signals
 * decide first; a calibrated model probability at or above its operating point can raise an item
 * at most to SUSPECTED_SYNTHETIC, so a reviewer looks, and never confirms or blocks. Where a model
 * and deterministic evidence disagree the reasons say so, naming the model, its version, the
 * calibrated probability and the regions, rather than one silently winning (the "Made with AI"
 * mislabels and bare vendor scores are what this avoids).
 */
final class DetectorReasons {
    /** Marks an assessment whose tier rests on model scores alone: the decision may not exceed REVIEW. */
    static final String REVIEW_ONLY = "detector.review_only";

    private DetectorReasons() {}

    static boolean isModel(Signal s) {
        return s.type() == SignalType.DETECTOR_SCORE;
    }

    static boolean saysSynthetic(Signal s) {
        return isModel(s) && "true".equals(s.attributes().get("synthetic"));
    }

    /** The reason for a model that says synthetic. */
    static Reason suspects(Signal s, int index) {
        return new Reason("detector.synthetic", describe(s) + " that this is synthetic", List.of(index));
    }

    /** Reasons after the tier is known: the cap, disagreements, failures. */
    static List<Reason> after(List<Signal> signals, Tier tier, List<Integer> confirmed, List<Integer> suspected) {
        List<Reason> out = new ArrayList<>();
        if (tier == Tier.SUSPECTED_SYNTHETIC
                && !suspected.isEmpty()
                && suspected.stream().allMatch(i -> isModel(signals.get(i)))) {
            out.add(new Reason(
                    REVIEW_ONLY,
                    "only detector models say synthetic: a model's score alone sends the item to a reviewer and"
                            + " never confirms, labels as confirmed or blocks",
                    suspected));
        }
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            if (!isModel(s)) continue;
            if ("failed".equals(s.value())) {
                out.add(new Reason(
                        "detector.failed",
                        "model " + s.attributes().get("model") + " "
                                + s.attributes().get("version") + " gave no score ("
                                + s.attributes().get("error") + ": "
                                + s.attributes().get("message")
                                + "); the other signals decide",
                        List.of(i)));
                continue;
            }
            if (saysSynthetic(s)) {
                for (int j = 0; j < signals.size(); j++) {
                    if (cameraCapture(signals.get(j)))
                        out.add(new Reason(
                                "detector.disagrees_with_c2pa",
                                "a validated C2PA manifest at " + signals.get(j).location()
                                        + " records no AI source ("
                                        + signals.get(j).value() + "), but "
                                        + describe(s)
                                        + " that this is synthetic; shown for the reviewer, neither overrides the other",
                                List.of(j, i)));
                }
            } else if (!confirmed.isEmpty()) {
                List<Integer> cited = new ArrayList<>(confirmed);
                cited.add(i);
                out.add(new Reason(
                        "detector.disagrees_with_evidence",
                        describe(s) + ", below its operating point "
                                + s.attributes().get("operatingPoint")
                                + ", although deterministic evidence confirms synthetic origin; the evidence decides",
                        cited));
            }
        }
        return out;
    }

    /**
     * A face matching a protected person (issue 16): named by person id, never by name, with the
     * similarity, threshold and model; it changes neither the tier nor the decision.
     */
    static List<Reason> likeness(List<Signal> signals) {
        List<Reason> out = new ArrayList<>();
        for (int i = 0; i < signals.size(); i++) {
            Signal s = signals.get(i);
            if (s.type() != SignalType.LIKENESS_MATCH) continue;
            Map<String, String> a = s.attributes();
            // Faces and voices (issue 16) give the same signal; the modality names the model's kind.
            boolean voice = "voice".equals(a.get("modality"));
            String kind = voice ? "voice-embedding model " : "face-embedding model ";
            if ("failed".equals(s.value())) {
                out.add(new Reason(
                        "likeness.failed",
                        kind + a.get("model") + " " + a.get("version") + " gave no embedding ("
                                + a.get("error") + ": " + abbreviate(a.getOrDefault("message", ""), 300)
                                + "); " + (voice ? "voices" : "faces")
                                + " were not compared with the protected-persons registry",
                        List.of(i)));
                continue;
            }
            out.add(new Reason(
                    "likeness.match",
                    a.get("evidence") + " matches protected person " + a.get("person") + " (cosine similarity "
                            + a.get("similarity") + " at or above the threshold " + a.get("threshold")
                            + " of " + kind + a.get("model") + " " + a.get("version")
                            + "); this raises the review priority and decides nothing",
                    List.of(i)));
        }
        return out;
    }

    /** A validated C2PA action whose digital source type is not AI (a camera capture, a human edit). */
    private static boolean cameraCapture(Signal s) {
        Map<String, String> a = s.attributes();
        return s.type() == SignalType.C2PA_MANIFEST
                && "true".equals(a.get("validated"))
                && "false".equals(a.get("synthetic"))
                && !"Invalid".equalsIgnoreCase(a.getOrDefault("state", ""));
    }

    private static String describe(Signal s) {
        Map<String, String> a = s.attributes();
        return "model " + a.get("model") + " version " + a.get("version") + " (weights sha256 "
                + abbreviate(a.getOrDefault("sha256", "?"), 12) + ", " + a.get("calibration")
                + " calibration) gives a calibrated probability of " + a.get("probability") + " (operating point "
                + a.get("operatingPoint") + "; " + abbreviate(a.getOrDefault("evidence", "whole image"), 300) + ")";
    }

    private static String abbreviate(String v, int max) {
        return v.length() <= max ? v : v.substring(0, max) + "…";
    }
}
