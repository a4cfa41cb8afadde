package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The manifest fields of the reference-shaped report JSON ({@link C2paReport#json()}) that the live suites
 * compare with the reference reader's JSON: identity, claim basics, signature_info and the listed assertion
 * labels. Ingredient and thumbnail objects are not compared (their shape differs; see the interop report).
 */
final class JsonShape {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PLAIN =
            List.of("label", "title", "instance_id", "claim_version", "format", "claim_generator");
    private static final List<String> SIGNATURE = List.of("alg", "issuer", "common_name", "cert_serial_number", "time");

    private JsonShape() {}

    /** Every manifest of a manifest-store JSON, label → its compared fields. */
    static ObjectNode of(JsonNode store) {
        ObjectNode out = JSON.createObjectNode();
        store.path("manifests").properties().forEach(e -> out.set(e.getKey(), fields(e.getValue())));
        return out;
    }

    private static ObjectNode fields(JsonNode m) {
        ObjectNode f = JSON.createObjectNode();
        for (String k : PLAIN)
            if (!m.path(k).asText("").isEmpty()) f.set(k, m.get(k)); // the reference writes "" where we omit
        ObjectNode sig = f.putObject("signature_info");
        for (String k : SIGNATURE)
            if (m.path("signature_info").has(k))
                sig.set(k, m.path("signature_info").get(k));
        Set<String> labels = new TreeSet<>();
        m.path("assertions").forEach(a -> labels.add(a.path("label").asText()));
        labels.forEach(f.putArray("assertion_labels")::add);
        return f;
    }

    /** @return the differing "manifest.field" paths, empty when alike */
    static List<String> differences(JsonNode want, JsonNode got) {
        Set<String> out = new TreeSet<>();
        Set<String> labels = new TreeSet<>();
        want.fieldNames().forEachRemaining(labels::add);
        got.fieldNames().forEachRemaining(labels::add);
        for (String l : labels) {
            JsonNode a = want.path(l), b = got.path(l);
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys)
                if (!a.path(k).equals(b.path(k)))
                    out.add(l + " " + k + ": ours " + b.path(k) + ", reference " + a.path(k));
        }
        return List.copyOf(out);
    }
}
