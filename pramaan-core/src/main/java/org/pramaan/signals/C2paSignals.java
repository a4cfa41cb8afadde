package org.pramaan.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pramaan.provenance.c2pa.Action;
import org.pramaan.provenance.c2pa.C2paOutcome;
import org.pramaan.provenance.c2pa.C2paReport;
import org.pramaan.provenance.c2pa.ManifestSummary;
import org.pramaan.provenance.c2pa.ValidationState;

/**
 * Turns a validated C2PA store into signals. Policy (docs: README "C2PA signals"):
 * <ul>
 *   <li>Valid or Trusted store whose actions (any manifest of the chain, C2PA 2.2 §18.14) declare
 *       {@code trainedAlgorithmicMedia}, {@code compositeWithTrainedAlgorithmicMedia} or
 *       {@code compositeSynthetic}: STRONG, confirms.</li>
 *   <li>Invalid only because the signing credential expired (signature, hashed URIs and hard binding
 *       all match; no timestamp fixes the signing time): MODERATE, suspects. The signed content is
 *       intact but cannot be tied to a credential valid when it was signed (ChatGPT images of 2025).</li>
 *   <li>Any other Invalid store declaring AI: WEAK with its failure codes; never confirms.</li>
 *   <li>No AI source type (camera, human edits): INFO, synthetic=false, no AI label.</li>
 * </ul>
 */
public final class C2paSignals {
    static final Set<String> AI_TYPES =
            Set.of("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "compositeSynthetic");
    private static final Set<String> INTACT = Set.of("signingCredential.expired", "signingCredential.untrusted");

    private C2paSignals() {}

    static List<Signal> of(C2paOutcome outcome, List<String> presence) {
        List<Signal> out = new ArrayList<>();
        switch (outcome) {
            case C2paOutcome.Read r -> out.addAll(fromReport(r.report()));
            case C2paOutcome.Unreadable u -> {
                String where = presence.isEmpty() ? "C2PA manifest store" : presence.get(0);
                out.add(new Signal(
                        SignalType.C2PA_MANIFEST,
                        "unreadable",
                        SignalStrength.INFO,
                        where,
                        Map.of("validated", "false", "error", u.code(), "message", u.message())));
            }
            case C2paOutcome.NoManifest n -> {}
            case C2paOutcome.RemoteReference x -> {} // reported from the XMP reference itself
        }
        return out;
    }

    private static List<Signal> fromReport(C2paReport r) {
        List<Signal> out = new ArrayList<>();
        boolean intact = r.state() != ValidationState.INVALID
                || (INTACT.containsAll(r.active().failureCodes())
                        && r.ingredientDeltas().stream()
                                .allMatch(d -> INTACT.containsAll(d.deltas().failureCodes())));
        for (ManifestSummary m : r.manifests()) {
            for (Action a : m.actions()) {
                if (a.digitalSourceType().isEmpty()) continue;
                String dst = a.digitalSourceType().get().trim();
                String code = org.pramaan.limits.PlainText.afterLastSeparatorPerLine(
                        dst, "/#"); // plain code, not a regex: the value comes from the file (issue 11)
                boolean ai = AI_TYPES.contains(code);
                SignalStrength s = !ai
                        ? SignalStrength.INFO
                        : r.state() != ValidationState.INVALID
                                ? SignalStrength.STRONG
                                : intact ? SignalStrength.MODERATE : SignalStrength.WEAK;
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("validated", "true");
                attrs.put("state", r.state().display());
                attrs.put("synthetic", Boolean.toString(ai));
                attrs.put("ai", Boolean.toString(ai));
                attrs.put("action", a.action());
                a.softwareAgent().ifPresent(v -> attrs.put("softwareAgent", v));
                attrs.put("generator", m.claimGenerator().orElse(String.join(", ", m.generatorNames())));
                attrs.put("signer", m.signerOrganization());
                attrs.put("active", Boolean.toString(m.label().equals(r.activeManifest())));
                if (!r.active().failureCodes().isEmpty())
                    attrs.put("failures", String.join(",", r.active().failureCodes()));
                out.add(new Signal(SignalType.C2PA_MANIFEST, dst, s, r.carrier() + " manifest " + m.label(), attrs));
            }
        }
        if (out.isEmpty()) {
            out.add(new Signal(
                    SignalType.C2PA_MANIFEST,
                    "no-digital-source-type",
                    SignalStrength.INFO,
                    r.carrier(),
                    Map.of(
                            "validated",
                            "true",
                            "state",
                            r.state().display(),
                            "synthetic",
                            "false",
                            "failures",
                            String.join(",", r.active().failureCodes()))));
        }
        return out;
    }
}
