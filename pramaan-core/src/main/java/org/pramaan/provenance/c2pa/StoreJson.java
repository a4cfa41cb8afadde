package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The manifest-store JSON in the reference SDK's shape ({@code active_manifest}, {@code manifests},
 * {@code validation_status}, {@code validation_results}, {@code validation_state}). Hash assertions,
 * ingredients and thumbnails are not listed among {@code assertions}, and v1 actions are shown as
 * {@code c2pa.actions.v2}, as the reference does.
 */
final class StoreJson {
    private StoreJson() {}

    static String write(ManifestStore store, ManifestValidator validator, StoreValidator.Result r)
            throws C2paException {
        ObjectNode root = Cbor.JSON.createObjectNode();
        root.put("active_manifest", store.active().label());
        ObjectNode manifests = root.putObject("manifests");
        for (Manifest m : store.manifests())
            manifests.set(m.label(), manifest(m, validator, r.perManifest().get(m.label())));
        ArrayNode status = root.putArray("validation_status");
        r.active().failure().forEach(s -> status.add(entry(s)));
        r.deltas().forEach(d -> d.deltas().failure().forEach(s -> status.add(entry(s))));
        ObjectNode results = root.putObject("validation_results");
        results.set("activeManifest", results(r.active()));
        if (!r.deltas().isEmpty()) {
            ArrayNode deltas = results.putArray("ingredientDeltas");
            for (IngredientDelta d : r.deltas()) {
                ObjectNode o = deltas.addObject();
                o.put("ingredientAssertionURI", d.ingredientAssertionUri());
                o.set("validationDeltas", results(d.deltas()));
            }
        }
        root.put("validation_state", r.state().display());
        try {
            return Cbor.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new C2paException("general.error", "cannot write the report JSON: " + e.getMessage());
        }
    }

    /**
     * Hard bindings the reference leaves out of a manifest's assertions, by exact label: it does list the
     * versioned {@code c2pa.hash.bmff.v2}/{@code .v3} (c2pa-rs Manifest::from_store; seen by the live interop suite).
     */
    private static final java.util.Set<String> UNLISTED_HASHES =
            java.util.Set.of("c2pa.hash.data", "c2pa.hash.bmff", "c2pa.hash.boxes");

    private static ObjectNode manifest(Manifest m, ManifestValidator validator, ManifestValidator.Validated v)
            throws C2paException {
        ObjectNode o = Cbor.JSON.createObjectNode();
        Claim c = m.claim();
        c.claimGenerator().ifPresent(g -> o.put("claim_generator", g));
        ArrayNode info = o.putArray("claim_generator_info");
        c.generatorInfo().forEach(info::add);
        if (!c.title().isEmpty()) o.put("title", c.title());
        if (!c.format().isEmpty()) o.put("format", c.format());
        o.put("instance_id", c.instanceId());
        ArrayNode ingredients = o.putArray("ingredients");
        ArrayNode assertions = o.putArray("assertions");
        for (String label : m.assertions().keySet()) {
            String base = org.pramaan.limits.PlainText.withoutInstanceSuffix(label);
            if (UNLISTED_HASHES.contains(base) || base.startsWith("c2pa.thumbnail.")) continue;
            Optional<JsonNode> data = validator.assertionCbor(m, label);
            if (data.isEmpty()) continue;
            if (base.startsWith("c2pa.ingredient")) {
                ingredients.add(data.get());
                continue;
            }
            ObjectNode a = assertions.addObject();
            a.put("label", Summaries.isActions(label) ? "c2pa.actions.v2" : label);
            a.set("data", data.get());
        }
        if (v != null) o.set("signature_info", signature(v.signature()));
        o.put("label", m.label());
        o.put("claim_version", c.version());
        return o;
    }

    private static ObjectNode signature(ManifestValidator.SignatureInfo s) {
        ObjectNode o = Cbor.JSON.createObjectNode();
        o.put("alg", s.alg().display);
        // The reference leaves out a name it cannot read (a certificate with a damaged subject O).
        if (!s.signer().organization().isEmpty()) o.put("issuer", s.signer().organization());
        o.put("common_name", s.signer().commonName());
        o.put("cert_serial_number", s.signer().serial().toString());
        s.time().ifPresent(t -> o.put("time", rfc3339(t)));
        return o;
    }

    /** As the reference writes signing times (RFC 3339, offset {@code +00:00}, fraction only when present): 2024-08-06T21:53:37+00:00. */
    static String rfc3339(java.time.Instant t) {
        java.time.OffsetDateTime u = t.atOffset(java.time.ZoneOffset.UTC);
        int nanos = u.getNano();
        String fraction = nanos == 0
                ? ""
                : nanos % 1_000_000 == 0
                        ? String.format(".%03d", nanos / 1_000_000)
                        : nanos % 1_000 == 0 ? String.format(".%06d", nanos / 1_000) : String.format(".%09d", nanos);
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
                        .format(u) + fraction + "+00:00";
    }

    private static ObjectNode results(ValidationResults r) {
        ObjectNode o = Cbor.JSON.createObjectNode();
        add(o.putArray("success"), r.success());
        add(o.putArray("informational"), r.informational());
        add(o.putArray("failure"), r.failure());
        return o;
    }

    private static void add(ArrayNode a, List<StatusCode> l) {
        l.forEach(s -> a.add(entry(s)));
    }

    private static ObjectNode entry(StatusCode s) {
        ObjectNode o = Cbor.JSON.createObjectNode();
        o.put("code", s.code());
        o.put("url", s.url());
        o.put("explanation", s.explanation());
        return o;
    }
}
