package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.pramaan.testing.C2paPeer;

/**
 * Boils the reference reader's manifest-store JSON down to one entry of shared/testdata/c2pa/index.json
 * (the fields {@link ReferenceComparison} compares), plus {@code active_manifest}, {@code claim_generator_names},
 * {@code signature_alg} and {@code manifest_fields} ({@link JsonShape}), which index.json lacks, so the live peer is
 * judged by exactly the criteria of the stored results. {@code PeerSummaryTest} pins this against index.json.
 */
final class PeerSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PeerSummary() {}

    static ObjectNode of(C2paPeer.Result r) {
        ObjectNode s = JSON.createObjectNode();
        return switch (r) {
            case C2paPeer.Result.NoManifest n -> s.put("outcome", "no_manifest");
            case C2paPeer.Result.Rejected e -> s.put("outcome", "error").put("error_name", e.name());
            case C2paPeer.Result.Store st -> store(st.json(), s);
        };
    }

    /** A stored {@code *.expected*.json}: the reader JSON, or the small {@code {"outcome": ...}} object the README describes. */
    static ObjectNode ofStored(JsonNode stored) {
        return switch (stored.path("outcome").asText("manifest")) {
            case "no_manifest" -> of(new C2paPeer.Result.NoManifest());
            case "error" ->
                of(new C2paPeer.Result.Rejected(
                        stored.path("error_name").asText(), stored.path("error").asText()));
            default -> of(new C2paPeer.Result.Store(stored));
        };
    }

    private static ObjectNode store(JsonNode j, ObjectNode s) {
        String active = j.path("active_manifest").asText();
        JsonNode results = j.path("validation_results");
        s.put("outcome", "manifest")
                .put("active_manifest", active)
                .put("validation_state", j.path("validation_state").asText());
        s.set("validation_status_codes", codes(j.path("validation_status")));
        s.set("active_failure_codes", codes(results.path("activeManifest").path("failure")));
        s.set("active_success_codes", codes(results.path("activeManifest").path("success")));
        s.set("active_informational_codes", codes(results.path("activeManifest").path("informational")));
        Set<String> deltas = new TreeSet<>();
        for (JsonNode d : results.path("ingredientDeltas")) {
            d.path("validationDeltas")
                    .path("informational")
                    .forEach(c -> deltas.add(c.path("code").asText()));
            d.path("validationDeltas")
                    .path("failure")
                    .forEach(c -> deltas.add(c.path("code").asText()));
        }
        s.set("ingredient_delta_codes", array(deltas));
        s.put("manifest_count", j.path("manifests").size());
        JsonNode am = j.path("manifests").path(active);
        if (am.has("claim_generator"))
            s.put("claim_generator", am.get("claim_generator").asText());
        // Live summaries only (index.json has no such field): v2 claims name their generator here alone (§10.2).
        ArrayNode names = s.putArray("claim_generator_names");
        am.path("claim_generator_info").forEach(g -> names.add(g.path("name").asText()));
        s.put("signature_alg", am.path("signature_info").path("alg").asText());
        s.set("manifest_fields", JsonShape.of(j));
        s.set("active_digital_source_types", sourceTypes(j, active::equals));
        s.set("other_manifest_digital_source_types", sourceTypes(j, Predicate.not(active::equals)));
        return s;
    }

    /** "action digitalSourceType" for every action of the manifests whose label passes; both actions labels count (README). */
    private static ArrayNode sourceTypes(JsonNode j, Predicate<String> which) {
        Set<String> out = new TreeSet<>();
        j.path("manifests").properties().forEach(e -> {
            if (!which.test(e.getKey())) return;
            for (JsonNode a : e.getValue().path("assertions")) {
                if (!a.path("label").asText().startsWith("c2pa.actions")) continue;
                for (JsonNode act : a.path("data").path("actions")) {
                    if (act.has("digitalSourceType"))
                        out.add(act.path("action").asText() + " "
                                + act.get("digitalSourceType").asText());
                }
            }
        });
        return array(out);
    }

    private static ArrayNode codes(JsonNode list) {
        Set<String> out = new TreeSet<>();
        list.forEach(c -> out.add(c.path("code").asText()));
        return array(out);
    }

    private static ArrayNode array(Set<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
