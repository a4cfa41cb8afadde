package org.pramaan.provenance.c2pa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
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
            manifests.set(
                    m.label(), manifest(store, m, validator, r.perManifest().get(m.label())));
        ArrayNode status = Cbor.JSON.createArrayNode();
        r.active().failure().forEach(s -> status.add(entry(s)));
        r.deltas().forEach(d -> d.deltas().failure().forEach(s -> status.add(entry(s))));
        if (!status.isEmpty()) root.set("validation_status", status); // the reference leaves an empty one out
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

    private static ObjectNode manifest(
            ManifestStore store, Manifest m, ManifestValidator validator, ManifestValidator.Validated v)
            throws C2paException {
        ObjectNode o = Cbor.JSON.createObjectNode();
        Claim c = m.claim();
        c.claimGenerator().ifPresent(g -> o.put("claim_generator", g));
        if (!c.generatorInfo().isEmpty()) c.generatorInfo().forEach(o.putArray("claim_generator_info")::add);
        if (!c.title().isEmpty()) o.put("title", c.title());
        if (!c.format().isEmpty()) o.put("format", c.format());
        o.put("instance_id", c.instanceId());
        thumbnail(store, m, "c2pa.thumbnail.claim").ifPresent(t -> o.set("thumbnail", t));
        ArrayNode ingredients = Cbor.JSON.createArrayNode();
        ArrayNode assertions = Cbor.JSON.createArrayNode();
        java.util.Set<String> created = createdLabels(c);
        for (String label : m.assertions().keySet()) {
            String base = org.pramaan.limits.PlainText.withoutInstanceSuffix(label);
            boolean versionedBmff =
                    label.startsWith("c2pa.hash.bmff.v"); // listed by the reference, see UNLISTED_HASHES
            if ((UNLISTED_HASHES.contains(base) && !versionedBmff) || base.startsWith("c2pa.thumbnail.")) continue;
            Optional<JsonNode> data = validator.assertionCbor(m, label);
            if (data.isEmpty()) continue;
            if (base.startsWith("c2pa.ingredient")) {
                ingredients.add(ingredient(store, m, label, data.get()));
                continue;
            }
            ObjectNode a = assertions.addObject();
            a.put("label", Summaries.isActions(label) ? "c2pa.actions.v2" : label);
            a.set("data", base.equals("cawg.identity") ? CawgIdentity.reportData(data.get()) : data.get());
            // The reference marks JSON-boxed assertions (c2pa-rs ManifestAssertionKind::Json) and, for claim v2,
            // those the claim lists as created_assertions (C2PA 2.2 §10.3.1).
            if (m.assertion(label)
                    .flatMap(Jumbf.Box::content)
                    .filter(b -> b.type().equals("json"))
                    .isPresent()) a.put("kind", "Json");
            if (created.contains(label)) a.put("created", true);
        }
        // As the reference: no empty ingredients list.
        if (!ingredients.isEmpty()) o.set("ingredients", ingredients);
        o.set("assertions", assertions);
        if (v != null) o.set("signature_info", signature(v.signature()));
        o.put("label", m.label());
        o.put("claim_version", c.version());
        return o;
    }

    /** Labels of a v2 claim's created_assertions (§10.3.1); none for v1 claims, as the reference shows none. */
    private static java.util.Set<String> createdLabels(Claim c) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (c.version() < 2) return out;
        for (JsonNode r : c.map().path("created_assertions")) {
            String url = Cbor.text(r, "url");
            out.add(url.substring(url.lastIndexOf('/') + 1));
        }
        return out;
    }

    /**
     * An ingredient assertion in the reference's Ingredient shape (c2pa-rs Ingredient): dc:title → title,
     * dc:format → format, documentID → document_id, instanceID → instance_id, the thumbnail as {format,
     * identifier}, the ingredient's manifest label as active_manifest plus manifest_data, recorded validation
     * results, metadata, and the assertion label (C2PA 2.2 §18.15).
     */
    private static ObjectNode ingredient(ManifestStore store, Manifest m, String label, JsonNode ing) {
        ObjectNode o = Cbor.JSON.createObjectNode();
        String title = ing.has("dc:title") ? Cbor.text(ing, "dc:title") : Cbor.text(ing, "title");
        if (!title.isEmpty()) o.put("title", title);
        if (!Cbor.text(ing, "dc:format").isEmpty()) o.put("format", Cbor.text(ing, "dc:format"));
        if (!Cbor.text(ing, "documentID").isEmpty()) o.put("document_id", Cbor.text(ing, "documentID"));
        if (!Cbor.text(ing, "instanceID").isEmpty()) o.put("instance_id", Cbor.text(ing, "instanceID"));
        String thumb = Cbor.text(ing.path("thumbnail"), "url");
        if (!thumb.isEmpty())
            thumbnail(store, m, thumb.substring(thumb.lastIndexOf('/') + 1)).ifPresent(t -> o.set("thumbnail", t));
        if (!Cbor.text(ing, "relationship").isEmpty()) o.put("relationship", Cbor.text(ing, "relationship"));
        JsonNode ref = ing.has("activeManifest") ? ing.get("activeManifest") : ing.get("c2pa_manifest");
        String url = ref == null ? "" : Cbor.text(ref, "url");
        if (!url.isEmpty()) {
            String target = StoreValidator.manifestLabel(
                    url.startsWith("self#jumbf=") ? url.substring("self#jumbf=".length()) : url);
            o.put("active_manifest", target);
            o.putObject("manifest_data").put("format", "application/c2pa").put("identifier", target);
        }
        if (!ing.path("validationStatus").isEmpty()) o.set("validation_status", ing.get("validationStatus"));
        if (ing.has("validationResults")) o.set("validation_results", ing.get("validationResults"));
        if (ing.has("metadata")) o.set("metadata", ing.get("metadata"));
        o.put("label", label);
        return o;
    }

    /** A thumbnail assertion (label, or its prefix) as {format, identifier}; the format from the embedded file's description. */
    private static Optional<ObjectNode> thumbnail(ManifestStore store, Manifest m, String label) {
        for (var e : m.assertions().entrySet()) {
            if (!e.getKey().equals(label) && !e.getKey().startsWith(label + ".")) continue;
            ObjectNode t = Cbor.JSON.createObjectNode();
            t.put("format", thumbnailFormat(store, e.getValue(), e.getKey()));
            t.put("identifier", "self#jumbf=/c2pa/" + m.label() + "/c2pa.assertions/" + e.getKey());
            return Optional.of(t);
        }
        return Optional.empty();
    }

    /** The media type of an embedded-file box (ISO/IEC 19566-5 bfdb: toggles, then a NUL-ended media type). */
    private static String thumbnailFormat(ManifestStore store, Jumbf.Box box, String label) {
        for (Jumbf.Box c : box.children()) {
            if (!c.type().equals("bfdb") || c.contentLength() < 2) continue;
            byte[] b = store.bytes();
            int end = c.contentStart() + 1;
            while (end < c.end() && b[end] != 0 && end - c.contentStart() < 256) end++;
            return new String(b, c.contentStart() + 1, end - c.contentStart() - 1, StandardCharsets.US_ASCII);
        }
        String ext = label.substring(label.lastIndexOf('.') + 1);
        return ext.equals("png") ? "image/png" : "image/jpeg";
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
