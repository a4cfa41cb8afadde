package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds {@link ManifestSummary} values: generator, actions with digitalSourceType (§18.14), signer names. */
final class Summaries {
    private Summaries() {}

    static ManifestSummary of(Manifest m, ManifestValidator validator, ManifestValidator.SignatureInfo sig)
            throws C2paException {
        List<String> names = new ArrayList<>();
        for (JsonNode g : m.claim().generatorInfo())
            if (!Cbor.text(g, "name").isEmpty()) names.add(Cbor.text(g, "name"));
        return new ManifestSummary(
                m.label(),
                m.claim().version(),
                m.claim().claimGenerator(),
                names,
                actions(m, validator),
                sig.alg().display,
                sig.signer().organization(),
                sig.signer().commonName());
    }

    static boolean isActions(String label) {
        String l = org.pramaan.limits.PlainText.withoutInstanceSuffix(label);
        return l.equals("c2pa.actions") || l.equals("c2pa.actions.v2");
    }

    static List<Action> actions(Manifest m, ManifestValidator validator) throws C2paException {
        List<Action> out = new ArrayList<>();
        for (String label : m.assertions().keySet()) {
            if (!isActions(label)) continue;
            Optional<JsonNode> a = validator.assertionCbor(m, label);
            if (a.isEmpty()) continue;
            for (JsonNode act : a.get().path("actions")) {
                JsonNode agent = act.get("softwareAgent");
                Optional<String> sa = agent == null
                        ? Optional.empty()
                        : agent.isTextual()
                                ? Optional.of(agent.asText())
                                : Optional.of(Cbor.text(agent, "name")).filter(s -> !s.isEmpty());
                Optional<String> dst =
                        Optional.of(Cbor.text(act, "digitalSourceType")).filter(s -> !s.isEmpty());
                out.add(new Action(Cbor.text(act, "action"), dst, sa));
            }
        }
        return out;
    }
}
